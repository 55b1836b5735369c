// Admin helpers for videos: an upload progress bar, and the conversion progress while the worker runs.
(function () {
  "use strict";

  var form = document.querySelector("form input[type=file][name=original]");
  form = form && form.form;
  if (form) {
    form.addEventListener("submit", function (event) {
      var file = form.querySelector("input[type=file][name=original]").files[0];
      if (!file || !window.FormData) return;
      event.preventDefault();
      var bar = document.createElement("progress");
      bar.max = 100;
      bar.value = 0;
      bar.style.inlineSize = "100%";
      form.prepend(bar);
      var request = new XMLHttpRequest();
      request.open(form.method || "POST", form.action || window.location.href);
      request.upload.addEventListener("progress", function (progress) {
        if (progress.lengthComputable) bar.value = Math.round((100 * progress.loaded) / progress.total);
      });
      request.addEventListener("load", function () {
        if (request.responseURL && request.responseURL !== (form.action || window.location.href)) {
          window.location.assign(request.responseURL); // saved: Wagtail redirected
        } else {
          document.open();
          document.write(request.responseText); // errors: show the form again, as a normal post would
          document.close();
        }
      });
      request.addEventListener("error", function () { bar.remove(); form.submit(); });
      request.send(new FormData(form));
    });
  }

  var panel = document.querySelector("[data-video-status-url]");
  if (panel) {
    var poll = function () {
      fetch(panel.dataset.videoStatusUrl, { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (status) {
          panel.querySelector("[data-video-status-label]").textContent = status.label;
          panel.querySelector("[data-video-status-progress]").value = status.progress;
          panel.querySelector("[data-video-status-reason]").textContent = status.reason;
          if (!status.finished) window.setTimeout(poll, 3000);
        })
        .catch(function () { window.setTimeout(poll, 10000); });
    };
    window.setTimeout(poll, 1000);
  }
})();
