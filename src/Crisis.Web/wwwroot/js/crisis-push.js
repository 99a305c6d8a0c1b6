// Web Push in the browser for Crisis: subscribe this device to alerts, unsubscribe it, and say how it stands.
// Used by the PushSubscription component: import("./js/crisis-push.js").
const workerUrl = '/sw.js';

function supported() {
    return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

function keyBytes(base64Url) {
    const base64 = (base64Url + '='.repeat((4 - base64Url.length % 4) % 4)).replace(/-/g, '+').replace(/_/g, '/');
    return Uint8Array.from(atob(base64), c => c.charCodeAt(0));
}

function sameKey(buffer, bytes) {
    if (!buffer) {
        return false;
    }
    const have = new Uint8Array(buffer);
    return have.length === bytes.length && have.every((b, i) => b === bytes[i]);
}

async function current() {
    const registration = await navigator.serviceWorker.getRegistration('/');
    return registration ? registration.pushManager.getSubscription() : null;
}

/** 'unsupported' | 'denied' | 'subscribed' | 'unsubscribed' */
export async function state() {
    if (!supported()) {
        return 'unsupported';
    }
    if (Notification.permission === 'denied') {
        return 'denied';
    }
    return (await current()) ? 'subscribed' : 'unsubscribed';
}

/** Asks for permission and subscribes with the server's VAPID key: the subscription's JSON, or null when refused. */
export async function subscribe(publicKey) {
    if (!supported() || (await Notification.requestPermission()) !== 'granted') {
        return null;
    }
    await navigator.serviceWorker.register(workerUrl, { scope: '/' });
    const registration = await navigator.serviceWorker.ready;
    const key = keyBytes(publicKey);
    let subscription = await registration.pushManager.getSubscription();
    if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
        // Subscribed with another server key (the keys were replaced): that subscription can no longer be used.
        await subscription.unsubscribe();
        subscription = null;
    }
    subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
    const json = subscription.toJSON();
    return { endpoint: json.endpoint, keys: { p256dh: json.keys.p256dh, auth: json.keys.auth } };
}

/** Unsubscribes this device; the endpoint it had (to remove on the server), or null when it had none. */
export async function unsubscribe() {
    if (!supported()) {
        return null;
    }
    const subscription = await current();
    if (!subscription) {
        return null;
    }
    const endpoint = subscription.endpoint;
    await subscription.unsubscribe();
    return endpoint;
}
