// ---- Saved lessons: what the learner chose to keep on this device ------------------------------------------------
// static/js/offline_lessons.js stores a lesson (its page, poster, captions, and the small MP4 or the sound file) in
// the person's lessons cache, each file only after the server's access check let it through. The worker answers a
// saved file's requests from there, with byte ranges for the player; other video media are left to the browser.
// The saved addresses are kept in memory (a route must decide at once) and reread when a page says they changed.
const LESSONS_PREFIX = "tadrib-lessons-";
let savedLessonFiles = new Set();

function lessonsCacheName(key) {
  return LESSONS_PREFIX + key;
}

async function readSavedLessonFiles() {
  const key = await rememberedPerson();
  const files = new Set();
  if (key && (await caches.has(lessonsCacheName(key)))) {
    for (const request of await (await caches.open(lessonsCacheName(key))).keys()) files.add(request.url);
  }
  savedLessonFiles = files;
}

async function savedLessonCopy(url) {
  const key = await rememberedPerson();
  if (!key || !(await caches.has(lessonsCacheName(key)))) return null;
  return (await caches.open(lessonsCacheName(key))).match(url, { ignoreVary: true });
}

const lessonFilesRead = readSavedLessonFiles();
self.addEventListener("activate", (event) => event.waitUntil(readSavedLessonFiles()));
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "LESSONS_CHANGED") event.waitUntil(readSavedLessonFiles());
});

workbox.routing.registerRoute(
  ({ url }) => sameOrigin(url) && url.pathname.startsWith("/media/videos/") && savedLessonFiles.has(url.href),
  async ({ request }) => {
    await lessonFilesRead;
    const saved = await savedLessonCopy(request.url);
    if (!saved) return fetch(request); // deleted meanwhile
    if (request.headers.has("range")) return workbox.rangeRequests.createPartialResponse(request, saved);
    return saved;
  },
);

