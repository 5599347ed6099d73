// The little the app needs from the browser that .NET cannot do itself.
window.wedtech = {
    // Renews the cookie session. Tabs share the cookies, so renewals are serialised across tabs with a
    // Web Lock; a tab that waited checks first whether another tab's renewal already did the work
    // (reusing a spent refresh token would end the session everywhere).
    renewSession: async () => {
        const headers = { 'X-WedTech-Csrf': '1' };
        const renew = async () => {
            const probe = await fetch('/api/v1/me', { headers, credentials: 'same-origin' });
            if (probe.ok) return true;
            const renewed = await fetch('/api/v1/auth/session/refresh', { method: 'POST', headers, credentials: 'same-origin' });
            return renewed.ok;
        };
        try {
            return navigator.locks ? await navigator.locks.request('wedtech-session-renewal', renew) : await renew();
        } catch {
            return false;
        }
    },
    // Puts text at the caret of a text field (over any selection), with a space before it where it would join a word, and
    // leaves the caret after it; returns the field's new value, or null when there is no such field.
    insertAtCaret: (id, text) => {
        const field = document.getElementById(id);
        if (!field) return null;
        const start = field.selectionStart ?? field.value.length;
        const before = field.value.slice(0, start);
        const after = field.value.slice(field.selectionEnd ?? start);
        const inserted = (before.length > 0 && !/\s$/.test(before) ? ' ' : '') + text;
        field.value = before + inserted + after;
        field.focus();
        field.setSelectionRange(before.length + inserted.length, before.length + inserted.length);
        return field.value;
    },
    storage: {
        get: (area, key) => window[area].getItem(key),
        set: (area, key, value) => window[area].setItem(key, value),
        remove: (area, key) => window[area].removeItem(key),
        removeAll: (area, prefix) => {
            const store = window[area];
            for (const key of Object.keys(store)) if (key.startsWith(prefix)) store.removeItem(key);
        },
    },
    // Web Push on this device: state ('unsupported' | 'blocked' | 'on' | 'off'), subscribe with the server's
    // VAPID key (base64url) after asking permission (null when refused), and the subscription's endpoint.
    push: {
        subscription: async () => {
            const registration = await navigator.serviceWorker.getRegistration('/app/');
            return registration ? await registration.pushManager.getSubscription() : null;
        },
        state: async () => {
            if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return 'unsupported';
            if (Notification.permission === 'denied') return 'blocked';
            return (await window.wedtech.push.subscription()) ? 'on' : 'off';
        },
        subscribe: async (publicKey) => {
            if (await Notification.requestPermission() !== 'granted') return null;
            const base64 = publicKey.replace(/-/g, '+').replace(/_/g, '/');
            const key = Uint8Array.from(atob(base64 + '='.repeat((4 - base64.length % 4) % 4)), c => c.charCodeAt(0));
            const registration = await navigator.serviceWorker.ready;
            const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
            return subscription.toJSON();
        },
        endpoint: async () => (await window.wedtech.push.subscription())?.endpoint ?? null,
        unsubscribe: async () => {
            const subscription = await window.wedtech.push.subscription();
            if (subscription) await subscription.unsubscribe();
            return subscription?.endpoint ?? null;
        },
    },
    watchConnectivity: (listener) => {
        window.addEventListener('online', () => listener.invokeMethodAsync('OnBrowserConnectivity', true));
        window.addEventListener('offline', () => listener.invokeMethodAsync('OnBrowserConnectivity', false));
        return navigator.onLine;
    },
};

if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('service-worker.js', { updateViaCache: 'none', scope: '/app/' });
}

// A drag of the app's own draggable items (a household on the seating page) carries something, and says it moves: Firefox
// starts no drag without data, and the drop targets show a move. What is dragged is told to .NET by the dragstart event itself.
document.addEventListener('dragstart', event => {
    const item = event.target instanceof Element ? event.target.closest('[draggable="true"]') : null;
    if (item && event.dataTransfer) {
        event.dataTransfer.setData('text/plain', item.textContent.trim());
        event.dataTransfer.effectAllowed = 'move';
    }
});
