// ---- Lifecycle --------------------------------------------------------------------------------------------------
// The first version takes the open pages at once: there is nothing older to mix with. A later version waits until
// the person chooses "Reload" (static/js/app.js sends SKIP_WAITING through workbox-window), so a page keeps running
// with the assets it was rendered with.
workbox.core.clientsClaim();

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  if (type === "SKIP_WAITING") {
    self.skipWaiting();
  } else if (type === "GET_VERSION" && event.ports[0]) {
    event.ports[0].postMessage({ version: VERSION, release: CONFIG.release });
  }
});
