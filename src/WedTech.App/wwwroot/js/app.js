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
    storage: {
        get: (area, key) => window[area].getItem(key),
        set: (area, key, value) => window[area].setItem(key, value),
        remove: (area, key) => window[area].removeItem(key),
        removeAll: (area, prefix) => {
            const store = window[area];
            for (const key of Object.keys(store)) if (key.startsWith(prefix)) store.removeItem(key);
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
