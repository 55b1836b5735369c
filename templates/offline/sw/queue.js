// ---- The offline queue: sent by Background Sync ------------------------------------------------------------------
// Pages put what the learner did offline in IndexedDB (static/js/queue.js, imported here too) and ask for a sync;
// the browser wakes this worker when the link returns, even with the page closed. Only the person this device last
// saw signed in (sw/people.js) has their changes sent. A sync that leaves changes waiting fails, so the browser
// tries again later.
importScripts(CONFIG.queueScript);

self.addEventListener("sync", (event) => {
  if (event.tag !== TadribQueue.SYNC_TAG) return;
  event.waitUntil((async () => {
    const person = await rememberedPerson();
    if (!person || person === "anon") return;
    await TadribQueue.flush(person);
    const left = (await TadribQueue.entries()).filter((entry) => !entry.refused && entry.user === person);
    if (left.length) throw new Error("changes still waiting for the link");
  })());
});

// A page asks the worker to send its person's queue (static/js/queue.js), so that a page and a sync never send the
// same changes side by side; the answer says how many went.
self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "SEND_QUEUE" || !event.ports[0]) return;
  const person = String(event.data.person || "");
  if (!PERSON_KEY.test(person)) return;
  event.waitUntil(
    TadribQueue.flush(person).then(
      (sent) => event.ports[0].postMessage({ sent }),
      () => event.ports[0].postMessage({ error: true }),
    ),
  );
});
