// The alert bar's tone: a short three-note alarm made with the Web Audio API, so there is no sound file to ship.
// Browsers keep audio locked until the person has touched the page; until then play() stays silent, and the first
// tap or key anywhere unlocks it for the next alert. Nothing here ever throws into the page.

let context = null;

function audio() {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) {
        return null;
    }
    if (context === null) {
        context = new Context();
    }
    return context;
}

function unlock() {
    try {
        const ctx = audio();
        if (ctx && ctx.state === "suspended") {
            ctx.resume().catch(() => { });
        }
    } catch {
        // No audio on this device: the bar is still there.
    }
}

/** Unlocks the audio at the person's first gesture on the page. */
export function arm() {
    for (const type of ["pointerdown", "keydown", "touchstart"]) {
        document.addEventListener(type, unlock, { once: true, passive: true, capture: true });
    }
}

/** Plays the tone (and vibrates a phone); true when it could sound, false when the browser keeps audio locked. */
export function play() {
    try {
        if (navigator.vibrate) {
            navigator.vibrate([200, 100, 200]);
        }
    } catch {
        // Vibration is a nicety.
    }
    try {
        const ctx = audio();
        if (!ctx) {
            return false;
        }
        if (ctx.state !== "running") {
            ctx.resume().catch(() => { });
            return false;
        }
        const start = ctx.currentTime + 0.02;
        [880, 660, 880].forEach((frequency, i) => {
            const at = start + i * 0.22;
            const oscillator = ctx.createOscillator();
            const gain = ctx.createGain();
            oscillator.type = "square";
            oscillator.frequency.setValueAtTime(frequency, at);
            gain.gain.setValueAtTime(0.0001, at);
            gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
            gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.18);
            oscillator.connect(gain).connect(ctx.destination);
            oscillator.start(at);
            oscillator.stop(at + 0.2);
        });
        return true;
    } catch {
        return false;
    }
}
