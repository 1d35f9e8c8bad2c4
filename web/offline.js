// web/offline.js: registers the service worker that keeps the playground and the tutorials working offline
// (web/sw.js, served at the site's root: the folder above web/), and asks it, on every load, to pick up
// updated files. Imported by the playground page (page.js) and by each tutorial; never by <helix-playground>
// itself, which other sites embed and whose pages are theirs to control.
const SITE = new URL('../', import.meta.url);

async function keepOffline() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  try {
    await navigator.serviceWorker.register(new URL('sw.js', SITE), { scope: SITE.pathname });
    (await navigator.serviceWorker.ready).active?.postMessage('refresh');
  } catch {
    // No service worker (a server without sw.js or offline-files.json, private mode): the pages work online.
  }
}

if (document.readyState === 'complete') keepOffline();
else window.addEventListener('load', keepOffline, { once: true });
