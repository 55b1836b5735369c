// ---- Pages: navigations -----------------------------------------------------------------------------------------
// Network first. A page is kept (in its person's cache) only when it is a plain 200 HTML answer, not redirected and
// not marked no-store; offline the person's saved copy is shown, else the offline page of the address's language.
// Never routed: the admin and private video media (left to the browser). Routed but never kept: the account pages,
// the offline pages and this script.
function keepable(response) {
  const cacheControl = (response.headers.get("Cache-Control") || "").toLowerCase();
  return (
    response.status === 200 &&
    !response.redirected &&
    response.type === "basic" &&
    (response.headers.get("Content-Type") || "").startsWith("text/html") &&
    !cacheControl.split(",").some((directive) => directive.trim() === "no-store")
  );
}

function keepPage(key, url, response) {
  return changePageCaches(async () => {
    if ((await rememberedPerson()) !== key) await becomePerson(key);
    if (!response) return;
    const cacheName = pagesCacheName(key);
    await (await caches.open(cacheName)).put(url, response);
    const expiration = new workbox.expiration.CacheExpiration(cacheName, PAGES_EXPIRATION);
    await expiration.updateTimestamp(url);
    await expiration.expireEntries();
  });
}

// How a page knows it was shown from this device's copy: the worker writes the date of the copy (its Date header)
// into the page's root element, <html data-tadrib-saved="…">, and static/js/app.js shows the banner when it finds
// it. A response header would not do (a page cannot read the headers of its own document), nor would
// navigator.onLine (often true on a link that drops), nor a message from the worker (it can come before the page
// listens, or the worker can be stopped in between): the mark travels inside the document itself.
async function markedAsSaved(response) {
  const date = new Date(response.headers.get("Date") || "");
  const savedAt = Number.isNaN(date.getTime()) ? "" : date.toISOString();
  const html = (await response.text()).replace(/<html(?=[\s>])/i, `<html data-tadrib-saved="${savedAt}"`);
  const headers = new Headers(response.headers);
  headers.delete("Content-Length");
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
}

async function savedPage(url) {
  await pageCacheChanges; // a switch of person under way finishes first
  const key = await rememberedPerson();
  if (!key) return null;
  const pages = pagesCacheName(key);
  const saved =
    ((await caches.has(pages)) && (await (await caches.open(pages)).match(url, { ignoreVary: true }))) ||
    (await savedLessonCopy(url)); // a lesson saved for offline use (sw/lessons.js)
  return saved ? markedAsSaved(saved) : null;
}

class PersonalPages extends workbox.strategies.Strategy {
  async _handle(request, handler) {
    let response;
    try {
      response = await handler.fetch(request);
    } catch (error) {
      const saved = await savedPage(request.url);
      if (saved) return saved;
      throw error; // the catch handler below answers with the offline page
    }
    const key = response.headers.get(CONFIG.cacheKeyHeader);
    if (key && PERSON_KEY.test(key)) {
      const kept = keepable(response) && !neverCached(new URL(request.url)) ? response.clone() : null;
      handler.waitUntil(keepPage(key, request.url, kept));
    }
    return response;
  }
}

function sameOrigin(url) {
  return url.origin === self.location.origin;
}

function neverCached(url) {
  return CONFIG.neverCached.some((prefix) => url.pathname.startsWith(prefix));
}

function neverRouted(url) {
  return CONFIG.neverRouted.some((prefix) => url.pathname.startsWith(prefix));
}

workbox.routing.registerRoute(
  ({ request, url }) => request.mode === "navigate" && sameOrigin(url) && !neverRouted(url),
  new PersonalPages(),
);

workbox.routing.setCatchHandler(async ({ request, url }) => {
  if (request.mode === "navigate") return (await offlinePage(url)) || Response.error();
  return Response.error();
});
