// web/sw.js: the service worker that keeps the playground and the tutorials working offline. It is served at
// the site's root (scripts/serve.mjs; scripts/build-site.mjs copies it into dist/), so its scope holds the
// playground (web/), the engine (js/) and the tutorials (examples/); web/offline.js registers it.
// - Installed on the first visit, it caches every file offline-files.json lists (scripts/offline-files.mjs: the
//   pages, the element, the worker, both wasm builds, the shipped examples' data), then that list itself, last:
//   the list in the cache means the whole set is there.
// - Every request of this origin goes to the network first, so an online visit always gets the current files;
//   only when the network fails is it answered from the cache (a URL's query ignored: ?lang=zh is the same page).
//   Where the playground is also the site's root (npm start), /x is answered from web/x.
// - On every page load the page asks it to refresh (message 'refresh'): when offline-files.json's version
//   changed, the whole set is cached again, so updates are picked up on the next online visit.
const CACHE = 'helix-offline';
const SITE = new URL('./', self.location.href);
const MANIFEST = new URL('offline-files.json', SITE).href;
// Where these live the site's root is not the playground's alias.
const OWN_FOLDERS = /^(web|js|examples)\//;

let manifest = null; // the cached offline-files.json, once read, with `listed`: its files as a Set

async function cachedManifest(cache) {
  if (!manifest) manifest = withSet((await (await cache.match(MANIFEST))?.json()) ?? null);
  return manifest;
}

const withSet = (list) => list && { ...list, listed: new Set(list.files) };

// Caches the listed set when the list's version is not the cached one. Rejects when the network fails.
async function refresh() {
  const response = await fetch(MANIFEST, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`offline-files.json: HTTP ${response.status}`);
  const latest = await response.clone().json();
  const cache = await caches.open(CACHE);
  if ((await cachedManifest(cache))?.version === latest.version) return;
  await cache.addAll(latest.files.map((file) => new URL(file, SITE).href));
  await cache.put(MANIFEST, response);
  manifest = withSet(latest);
}

// The cached answer to a request: its URL (query ignored), or for the playground's alias at the root, web/'s.
async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
  if (hit) return hit;
  const rel = new URL(request.url).pathname.slice(SITE.pathname.length);
  if (!(await cachedManifest(cache))?.webAtRoot || OWN_FOLDERS.test(rel)) return undefined;
  return cache.match(new URL(`web/${rel}`, SITE).href, { ignoreSearch: true, ignoreVary: true });
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') keep(request, response.clone()).catch(() => {});
    return response;
  } catch (err) {
    const cached = await fromCache(request);
    if (cached) return cached;
    throw err;
  }
}

// Caches a response of the site that refresh() does not (a page outside the list), under its URL without the
// query. The listed files, and at the root the playground's alias of them, are refresh()'s alone: kept here
// too, an old copy could answer before the refreshed one.
async function keep(request, response) {
  const url = new URL(request.url);
  const rel = url.pathname.slice(SITE.pathname.length);
  const cache = await caches.open(CACHE);
  const list = await cachedManifest(cache);
  if (list?.listed.has(rel) || (list?.webAtRoot && !OWN_FOLDERS.test(rel) && list.listed.has(`web/${rel}`))) return;
  await cache.put(url.origin + url.pathname, response);
}

self.addEventListener('install', (event) => {
  event.waitUntil(refresh().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('message', (event) => {
  if (event.data === 'refresh') event.waitUntil(refresh().catch(() => {}));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.url === MANIFEST) return; // always the network's: refresh() compares it with the cached one
  event.respondWith(networkFirst(request));
});
