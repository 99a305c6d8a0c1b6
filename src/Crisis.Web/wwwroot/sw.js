// Crisis service worker (root scope): shows an alert that arrives by Web Push, and opens it when clicked.
// The payload is JSON from the server: {title, body, url, alertId}; in an exercise the title starts with OEFENING.
'use strict';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

self.addEventListener('push', event => {
    let data = {};
    if (event.data) {
        try {
            data = event.data.json();
        } catch {
            data = { body: event.data.text() };
        }
    }
    const title = data.title || 'Crisis: alarmering';
    event.waitUntil(self.registration.showNotification(title, {
        body: data.body || '',
        // One notification per alert: a later step of the same alert replaces it and rings again.
        tag: data.alertId ? `alert-${data.alertId}` : undefined,
        renotify: Boolean(data.alertId),
        requireInteraction: true,
        lang: 'nl',
        data: { url: data.url || '/' },
    }));
});

self.addEventListener('notificationclick', event => {
    event.notification.close();
    const target = new URL((event.notification.data && event.notification.data.url) || '/', self.location.origin);
    event.waitUntil((async () => {
        const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
        const same = windows.find(w => w.url === target.href);
        if (same) {
            return same.focus();
        }
        const ours = windows.find(w => new URL(w.url).origin === target.origin && 'navigate' in w);
        if (ours) {
            await ours.focus();
            return ours.navigate(target.href);
        }
        return self.clients.openWindow(target.href);
    })());
});
