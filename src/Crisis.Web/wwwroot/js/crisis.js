// What the pages need from the browser itself, because it must work while the circuit is down or gone:
// the reconnect dialog (Dutch, reloads when the circuit cannot come back), drafts kept in sessionStorage,
// and the keyboard: Ctrl+Enter posts in a text area, Enter submits a single-field form.
(() => {
    "use strict";

    // Drafts: every keystroke in a field inside [data-draft-key] is kept in this tab's sessionStorage under that key,
    // without the server, so that a reload after a lost circuit gives it back (the page calls crisisDrafts.load).
    const draftPrefix = "crisis.draft.";
    document.addEventListener("input", e => {
        const holder = e.target.closest && e.target.closest("[data-draft-key]");
        const key = holder && holder.dataset.draftKey;
        if (!key || !("value" in e.target)) {
            return;
        }
        try {
            if (e.target.value) {
                sessionStorage.setItem(draftPrefix + key, e.target.value);
            } else {
                sessionStorage.removeItem(draftPrefix + key);
            }
        } catch {
            // Storage full or disabled: the draft is not kept, the page works on.
        }
    });

    window.crisisDrafts = {
        load: key => {
            try {
                return sessionStorage.getItem(draftPrefix + key);
            } catch {
                return null;
            }
        },
        clear: key => {
            try {
                sessionStorage.removeItem(draftPrefix + key);
            } catch {
                // nothing kept, nothing to clear
            }
        },
    };

    // Keyboard: in [data-ctrl-enter], Ctrl+Enter (or Cmd+Enter) presses its [data-submit] button; in
    // [data-enter-submits], Enter in a one-line field does. The field's value is sent first (a change event), so the
    // server has what was typed before the click arrives.
    document.addEventListener("keydown", e => {
        if (e.key !== "Enter" || e.isComposing || !e.target.closest) {
            return;
        }
        const field = e.target;
        const multiline = field.tagName === "TEXTAREA";
        const form = (e.ctrlKey || e.metaKey) ? field.closest("[data-ctrl-enter]")
            : (!multiline && !e.shiftKey) ? field.closest("[data-enter-submits]") : null;
        const button = form && form.querySelector("[data-submit]");
        if (!button || button.disabled) {
            return;
        }
        e.preventDefault();
        field.dispatchEvent(new Event("change", { bubbles: true }));
        button.click();
    });

    // Reconnecting. Blazor finds the dialog by its id and reports its state; it retries for a few minutes.
    const dialog = document.getElementById("components-reconnect-modal");
    if (!dialog) {
        return;
    }
    const states = ["show", "retrying", "failed", "paused", "resume-failed", "rejected"];
    let waiting = false;

    // Reload only when the server answers, so the person never lands on the browser's own "no connection" page.
    const reloadWhenReachable = async () => {
        if (waiting) {
            return;
        }
        waiting = true;
        for (;;) {
            try {
                const response = await fetch("healthz", { cache: "no-store" });
                if (response.ok) {
                    location.reload();
                    return;
                }
            } catch {
                // still unreachable
            }
            await new Promise(resolve => setTimeout(resolve, 3000));
        }
    };

    dialog.addEventListener("components-reconnect-state-changed", e => {
        const state = e.detail.state;
        dialog.classList.remove(...states.map(s => "state-" + s));
        if (state === "hide") {
            if (dialog.open) {
                dialog.close();
            }
            return;
        }
        dialog.classList.add("state-" + state);
        if (!dialog.open) {
            dialog.showModal();
        }
        if (state === "paused" && window.Blazor && Blazor.resumeCircuit) {
            // The server paused the circuit to save memory: take it up again at once, or start afresh.
            Blazor.resumeCircuit().then(resumed => resumed || reloadWhenReachable(), reloadWhenReachable);
        } else if (state === "failed" || state === "resume-failed" || state === "rejected") {
            reloadWhenReachable();
        }
    });

    // Escape must not close the dialog and leave a page that looks alive but is not.
    dialog.addEventListener("cancel", e => e.preventDefault());
    dialog.querySelector("[data-reconnect-reload]")?.addEventListener("click", () => location.reload());
})();

// The incident page: what is new since one last looked (per user and incident, in localStorage, which outlives the
// tab), and bringing the compose form into view when an entry's Corrigeren or Afgerond is pressed far down the log.
(() => {
    "use strict";
    const seenPrefix = "crisis.seen.";
    window.crisisIncident = {
        lastSeen: key => {
            try {
                const v = parseInt(localStorage.getItem(seenPrefix + key) || "", 10);
                return Number.isFinite(v) ? v : -1;
            } catch {
                return -1;
            }
        },
        markSeen: (key, seq) => {
            try {
                const before = parseInt(localStorage.getItem(seenPrefix + key) || "", 10);
                if (!Number.isFinite(before) || seq > before) {
                    localStorage.setItem(seenPrefix + key, String(seq));
                }
            } catch {
                // Storage disabled: everything looks new next time, nothing breaks.
            }
        },
        reveal: selector => {
            const el = document.querySelector(selector);
            if (el) {
                el.scrollIntoView({ block: "start", behavior: "instant" });
            }
        },
    };
})();

// Loading older entries on scroll: a button marked [data-load-on-view] is pressed when it scrolls into view (the
// button stays for keyboards and for browsers without IntersectionObserver). Buttons come and go with Blazor's
// renders, so new ones are found by a MutationObserver; a disabled button (circuit down, a load running) is left.
(() => {
    "use strict";
    if (!("IntersectionObserver" in window) || !("MutationObserver" in window)) {
        return;
    }
    const watched = new WeakSet();
    const onView = new IntersectionObserver(items => {
        for (const item of items) {
            if (item.isIntersecting && !item.target.disabled && item.target.isConnected) {
                item.target.click();
            }
        }
    }, { rootMargin: "200px 0px" });
    const watch = root => {
        const found = root.querySelectorAll ? root.querySelectorAll("[data-load-on-view]") : [];
        for (const el of found) {
            if (!watched.has(el)) {
                watched.add(el);
                onView.observe(el);
            }
        }
    };
    const start = () => {
        watch(document);
        new MutationObserver(changes => {
            for (const change of changes) {
                // A button enabled again after its load (still in view, so no new intersection) is looked at anew.
                if (change.type === "attributes" && watched.has(change.target) && !change.target.disabled) {
                    onView.unobserve(change.target);
                    onView.observe(change.target);
                }
            }
            watch(document);
        }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["disabled"] });
    };
    if (document.body) {
        start();
    } else {
        document.addEventListener("DOMContentLoaded", start);
    }
})();
