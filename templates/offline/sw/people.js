// ---- Whose pages: one page cache per person on this device ------------------------------------------------------
// The server names the person on every HTML response (CONFIG.cacheKeyHeader: an HMAC of the account, "anon" for
// visitors; offline/middleware.py). The worker remembers the last name it saw; pages go to that person's cache, and
// offline it reads from that cache only. When a response brings another name (someone else signed in on this
// device, or the session ended), the other people's page caches are deleted before anything is stored.
const PAGES_PREFIX = "tadrib-pages-";
const PEOPLE_CACHE = "tadrib-people";
const CURRENT_PERSON = new URL("/offline/current-person", self.location.href).href; // a key in PEOPLE_CACHE only
const PERSON_KEY = /^[A-Za-z0-9]{1,64}$/;
const PAGES_EXPIRATION = { maxEntries: 100, maxAgeSeconds: 60 * 24 * 3600 };

function pagesCacheName(key) {
  return PAGES_PREFIX + key;
}

async function rememberedPerson() {
  const saved = await caches.match(CURRENT_PERSON, { cacheName: PEOPLE_CACHE });
  return saved ? saved.text() : null;
}

async function becomePerson(key) {
  const names = await caches.keys();
  const mine = [pagesCacheName(key), LESSONS_PREFIX + key];
  const others = names.filter(
    (name) => (name.startsWith(PAGES_PREFIX) || name.startsWith(LESSONS_PREFIX)) && !mine.includes(name),
  );
  const forget = async (name) => {
    await caches.delete(name);
    await new workbox.expiration.CacheExpiration(name, PAGES_EXPIRATION).delete(); // its records in IndexedDB
  };
  await Promise.all(others.map(forget));
  const people = await caches.open(PEOPLE_CACHE);
  await people.put(CURRENT_PERSON, new Response(key));
}

// Changes to the page caches happen one after the other, so a switch of person cannot interleave with a write.
let pageCacheChanges = Promise.resolve();

function changePageCaches(change) {
  pageCacheChanges = pageCacheChanges.then(change).catch(() => {}); // a full disk must not break reading
  return pageCacheChanges;
}
