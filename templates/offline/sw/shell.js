// ---- Shell: precached at install --------------------------------------------------------------------------------
// A new version downloads only the entries whose URL or revision changed, and is installed only once all are here.
workbox.precaching.cleanupOutdatedCaches();
// Workbox drops a file from the precache when a newer version no longer lists it, but a page saved under the older
// version still asks for exactly that file (its URL carries its content hash). So every static file of the shell is
// also kept in the static cache (sw/static.js) until it expires there: old pages find their own assets, never a mix.
workbox.precaching.addPlugins([
  {
    cacheDidUpdate: async ({ request, newResponse }) => keepStaticCopy(request.url, newResponse),
    cachedResponseWillBeUsed: async ({ request, cachedResponse, event }) => {
      if (cachedResponse && event) event.waitUntil(keepStaticCopy(request.url, cachedResponse.clone(), true));
      return cachedResponse;
    },
  },
]);
workbox.precaching.precacheAndRoute(CONFIG.shell);

function offlinePage(url) {
  const language = url.pathname.split("/")[1];
  const page = CONFIG.offlinePages[language] || CONFIG.offlinePages[CONFIG.defaultLanguage];
  return workbox.precaching.matchPrecache(page);
}
