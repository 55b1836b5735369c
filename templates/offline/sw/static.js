// ---- Static files: /static/… ------------------------------------------------------------------------------------
// Content-hashed in production (WhiteNoise's manifest): a URL never changes content, so a cached copy is always
// right. Old versions stay until they have not been used for STATIC_EXPIRATION.maxAgeSeconds.
const STATIC_CACHE = "tadrib-static";
const STATIC_BASE = new URL(CONFIG.staticUrl, self.location.href).href;
const STATIC_EXPIRATION = { maxEntries: 200, maxAgeSeconds: 60 * 24 * 3600 };
const staticExpiration = new workbox.expiration.CacheExpiration(STATIC_CACHE, STATIC_EXPIRATION);

workbox.routing.registerRoute(
  ({ url }) => url.href.startsWith(STATIC_BASE),
  new workbox.strategies.CacheFirst({
    cacheName: STATIC_CACHE,
    plugins: [
      new workbox.cacheableResponse.CacheableResponsePlugin({ statuses: [200] }),
      new workbox.expiration.ExpirationPlugin({ ...STATIC_EXPIRATION, purgeOnQuotaError: true }),
    ],
  }),
);

// A copy of a precached static file, under its plain URL (without Workbox's revision parameter); `onlyIfMissing`
// refreshes the date of an existing copy rather than writing it again.
async function keepStaticCopy(precacheUrl, response, onlyIfMissing = false) {
  const url = new URL(precacheUrl);
  url.searchParams.delete("__WB_REVISION__");
  if (!url.href.startsWith(STATIC_BASE) || !response || response.status !== 200) return;
  const cache = await caches.open(STATIC_CACHE);
  if (!onlyIfMissing || !(await cache.match(url.href))) await cache.put(url.href, response);
  await staticExpiration.updateTimestamp(url.href);
  await staticExpiration.expireEntries();
}
