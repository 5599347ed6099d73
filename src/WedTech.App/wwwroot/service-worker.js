// Keeps the app shell (everything the build lists in service-worker-assets.js) so the app opens
// without a network after one visit. API calls are not cached here: the app keeps its own offline
// copies of data per user and marks them as such.
self.importScripts('./service-worker-assets.js');

const cachePrefix = 'wedtech-shell-';
const cacheName = cachePrefix + self.assetsManifest.version;
// The shell as the server serves it for app addresses: with the app's content security policy.
const shellUrl = self.registration.scope;
// The build lists files by their path from the site root ("app/…"); packages' files (MudBlazor) are
// served by the host at its root ("_content/…"), not under the app.
const root = self.location.origin + '/';
const assetUrl = url => new URL(url.replace(/^app\/_content\//, '_content/'), root).href;
const include = [/\.dll$/, /\.pdb$/, /\.wasm/, /\.html$/, /\.js$/, /\.json$/, /\.css$/, /\.woff2?$/, /\.png$/, /\.svg$/, /\.ico$/, /\.blat$/, /\.dat$/, /\.webmanifest$/];
const exclude = [/(^|\/)service-worker\.js$/, /\.gz$/, /\.br$/];

self.addEventListener('install', event => event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    const assets = self.assetsManifest.assets
        .filter(a => include.some(p => p.test(a.url)) && !exclude.some(p => p.test(a.url)))
        .map(a => new Request(assetUrl(a.url), { integrity: a.hash, cache: 'no-cache' }));
    await cache.addAll([...assets, new Request(shellUrl, { cache: 'no-cache' })]); // all or nothing
    await self.skipWaiting();
})()));

self.addEventListener('activate', event => event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys.filter(k => k.startsWith(cachePrefix) && k !== cacheName).map(k => caches.delete(k)));
    await self.clients.claim();
})()));

self.addEventListener('fetch', event => {
    const request = event.request;
    if (request.method !== 'GET' || !(request.url.startsWith(self.registration.scope) || request.url.startsWith(root + '_content/'))) {
        return; // the API and the public pages always go to the network
    }
    event.respondWith((async () => {
        const cache = await caches.open(cacheName);
        if (request.mode === 'navigate') {
            // The page itself: fresh when the server answers (a new version is picked up at once),
            // the kept shell when it does not.
            try {
                return await fetch(request);
            } catch {
                return (await cache.match(shellUrl)) || Response.error();
            }
        }
        return (await cache.match(request)) || fetch(request);
    })());
});

// Web Push from the server: {title, body, tag, url}. A click opens what it is about (url, a place in the app) in the
// app's window, or brings the app forward; or opens a window.
self.addEventListener('push', event => {
    let data = {};
    try {
        data = event.data ? event.data.json() : {};
    } catch {
        data = { body: event.data.text() };
    }
    event.waitUntil(self.registration.showNotification(data.title || 'WedTech', {
        body: data.body || '',
        tag: data.tag,
        data: { url: data.url },
        icon: new URL('icon-192.png', self.registration.scope).href,
    }));
});

self.addEventListener('notificationclick', event => {
    event.notification.close();
    event.waitUntil((async () => {
        const link = event.notification.data?.url;
        const href = typeof link === 'string' ? new URL(link, self.registration.scope).href : null;
        // Only a place inside the app, never another site.
        const target = href?.startsWith(self.registration.scope) ? href : null;
        const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
        const app = windows.find(w => w.url.startsWith(self.registration.scope));
        if (!app) {
            return self.clients.openWindow(target || self.registration.scope);
        }
        const focused = await app.focus();
        if (!target) {
            return focused;
        }
        try {
            return await focused.navigate(target);
        } catch {
            // A window this worker does not control cannot be moved: open the place in a new one.
            return self.clients.openWindow(target);
        }
    })());
});
