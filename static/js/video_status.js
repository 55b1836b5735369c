// Admin: keeps every video status on the page (the list's rows, the edit page's panel) current while the
// video is checked and converted, with one request for all of them. Without it the page shows the status
// it was rendered with.
(function () {
  "use strict";

  var EVERY_MS = 3000;
  var AFTER_ERROR_MS = 10000;
  var MAX_IDS = 100; // what the server answers in one request

  function unfinished() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-video-status-id][data-video-status-finished=false]"));
  }

  function show(element, state) {
    element.querySelector("[data-video-status-label]").textContent = state.label;
    var bar = element.querySelector("[data-video-status-progress]");
    bar.value = state.progress;
    bar.hidden = state.finished;
    var reason = element.querySelector("[data-video-status-reason]");
    reason.textContent = state.reason;
    reason.hidden = !state.reason;
    element.dataset.videoStatusFinished = state.finished ? "true" : "false";
  }

  function poll() {
    // Read the page again each time: the list's rows are replaced when it is filtered, searched or sorted.
    var elements = unfinished();
    if (!elements.length) {
      window.setTimeout(poll, EVERY_MS);
      return;
    }
    var ids = [];
    elements.forEach(function (element) {
      if (ids.indexOf(element.dataset.videoStatusId) === -1 && ids.length < MAX_IDS) ids.push(element.dataset.videoStatusId);
    });
    var query = ids.map(function (id) { return "id=" + encodeURIComponent(id); }).join("&");
    fetch(elements[0].dataset.videoStatusesUrl + "?" + query, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.statusText);
        return response.json();
      })
      .then(function (answer) {
        elements.forEach(function (element) {
          var state = answer.videos[element.dataset.videoStatusId];
          if (state) show(element, state);
          else element.dataset.videoStatusFinished = "true"; // deleted meanwhile: nothing more to ask
        });
        window.setTimeout(poll, EVERY_MS);
      })
      .catch(function () { window.setTimeout(poll, AFTER_ERROR_MS); });
  }

  if (document.querySelector("[data-video-status-id]") && window.fetch) window.setTimeout(poll, EVERY_MS);
})();
