// Admin helper for videos: a resumable upload with a progress bar that moves with every byte sent,
// the speed and the time left, in the admin's language (the words come from the upload panel's data attributes).
(function () {
  "use strict";

  var RETRY_DELAYS = [1000, 2000, 5000, 10000, 20000, 30000];
  var SPEED_WINDOW_MS = 5000; // long enough to smooth a phone's bursts, short enough to follow a changing link
  var panel = document.querySelector("[data-video-upload]");
  var input = document.querySelector("form input[type=file][name=original]");
  var form = input && input.form;

  function csrfToken() {
    var field = form.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function call(method, url, body, headers) {
    var options = { method: method, credentials: "same-origin", headers: Object.assign({ "X-CSRFToken": csrfToken() }, headers || {}) };
    if (body !== undefined) options.body = body;
    return fetch(url, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var error = new Error(data.error || response.statusText);
          error.status = response.status;
          error.data = data;
          throw error;
        }
        return data;
      });
    });
  }

  // XMLHttpRequest, not fetch, for the file's pieces: only it tells how much of a request body has gone.
  function send(method, url, body, headers, onProgress) {
    return new Promise(function (resolve, reject) {
      var request = new XMLHttpRequest();
      request.open(method, url);
      Object.keys(headers).forEach(function (name) { request.setRequestHeader(name, headers[name]); });
      request.upload.onprogress = function (event) { onProgress(event.loaded); };
      request.onload = function () {
        var data = {};
        try { data = JSON.parse(request.responseText || "{}") || {}; } catch (ignored) { data = {}; }
        if (request.status >= 200 && request.status < 300) { resolve(data); return; }
        var error = new Error(data.error || request.statusText || String(request.status));
        error.status = request.status;
        error.data = data;
        reject(error);
      };
      // No status: a network failure, which the callers retry like a failed fetch.
      request.onerror = request.onabort = request.ontimeout = function () { reject(new Error("network")); };
      request.send(body);
    });
  }

  function json(method, url, data) {
    return call(method, url, JSON.stringify(data), { "Content-Type": "application/json" });
  }

  function sleep(ms) { return new Promise(function (resolve) { window.setTimeout(resolve, ms); }); }

  // Retries what failed for network reasons (or a 5xx) with growing pauses; a refusal (4xx) stops the upload.
  function persist(step, onRetry) {
    var attempt = 0;
    function run() {
      return step().catch(function (error) {
        if (error.status && error.status < 500) throw error;
        onRetry();
        return sleep(RETRY_DELAYS[Math.min(attempt++, RETRY_DELAYS.length - 1)]).then(run);
      });
    }
    return run();
  }

  function sendChunks(state, file, report, onRetry) {
    var base = panel.dataset.startUrl + state.id + "/";
    var offset = state.received;
    function next() {
      report(offset);
      if (offset >= file.size) return Promise.resolve();
      var end = Math.min(offset + state.chunk_size, file.size);
      var range = "bytes " + offset + "-" + (end - 1) + "/" + file.size;
      var headers = { "X-CSRFToken": csrfToken(), "Content-Range": range, "Content-Type": "application/octet-stream" };
      var start = offset;
      return send("PUT", base + "chunk/", file.slice(offset, end), headers, function (sent) { report(start + sent); })
        .then(function (answer) { offset = answer.received; })
        .catch(function (error) {
          if (error.status === 409 && error.data && typeof error.data.received === "number") {
            offset = error.data.received; // the server already holds more (or less): carry on from there
            return;
          }
          if (error.status && error.status < 500) throw error;
          onRetry();
          // After a cut, ask the server what it holds before sending again.
          return sleep(RETRY_DELAYS[0]).then(function () {
            return persist(function () { return call("GET", base); }, onRetry);
          }).then(function (fresh) { offset = fresh.received; });
        })
        .then(next);
    }
    return next();
  }

  function sendParts(state, file, report, onRetry) {
    var base = panel.dataset.startUrl + state.id + "/";
    var count = Math.max(1, Math.ceil(file.size / state.chunk_size));
    var done = {};
    (state.parts || []).forEach(function (number) { done[number] = true; });
    var received = state.received;
    var missing = [];
    for (var number = 1; number <= count; number++) if (!done[number]) missing.push(number);
    function next() {
      report(received);
      if (!missing.length) return Promise.resolve();
      var batch = missing.splice(0, 20);
      return persist(function () { return json("POST", base + "parts/", { parts: batch }); }, onRetry).then(function (answer) {
        return batch.reduce(function (chain, part) {
          return chain.then(function () {
            var start = (part - 1) * state.chunk_size;
            var blob = file.slice(start, Math.min(start + state.chunk_size, file.size));
            return persist(function () {
              return send("PUT", answer.urls[part], blob, {}, function (sent) { report(received + sent); });
            }, onRetry).then(function () { received += blob.size; report(received); });
          });
        }, Promise.resolve());
      }).then(next);
    }
    return next();
  }

  function formats() {
    var language = document.documentElement.lang || "en";
    function number(options) {
      // Western digits, as Algeria writes them, whatever the browser's default for Arabic.
      try { return new Intl.NumberFormat(language, Object.assign({ numberingSystem: "latn" }, options)); }
      catch (ignored) { return new Intl.NumberFormat("en", { maximumFractionDigits: options.maximumFractionDigits }); }
    }
    var percent = number({ style: "percent", maximumFractionDigits: 0 });
    var kilobytes = number({ style: "unit", unit: "kilobyte-per-second", maximumFractionDigits: 0 });
    var megabytes = number({ style: "unit", unit: "megabyte-per-second", maximumFractionDigits: 1 });
    var seconds = number({ style: "unit", unit: "second", unitDisplay: "long", maximumFractionDigits: 0 });
    var minutes = number({ style: "unit", unit: "minute", unitDisplay: "long", maximumFractionDigits: 0 });
    var hours = number({ style: "unit", unit: "hour", unitDisplay: "long", maximumFractionDigits: 1 });
    return {
      percent: function (fraction) { return percent.format(Math.floor(fraction * 100) / 100); },
      speed: function (perSecond) {
        return perSecond >= 1e6 ? megabytes.format(perSecond / 1e6) : kilobytes.format(Math.max(1, perSecond / 1e3));
      },
      left: function (time) {
        if (time < 60) return seconds.format(Math.max(1, Math.ceil(time)));
        if (time < 2 * 3600) return minutes.format(Math.ceil(time / 60));
        return hours.format(Math.round(time / 360) / 10);
      },
    };
  }

  // Shows each byte sent; the speed over the last few seconds gives the time left.
  function meter(total, bar, message) {
    var format = formats();
    var samples = [];
    var shownAt = 0;
    return function report(bytes) {
      var now = Date.now();
      if (samples.length && bytes < samples[samples.length - 1][1]) samples = []; // a piece is being sent again
      samples.push([now, bytes]);
      while (samples.length > 2 && now - samples[1][0] >= SPEED_WINDOW_MS) samples.shift();
      bar.value = (100 * bytes) / total;
      // The words change at most once a second: the message is a live region that screen readers read out.
      if (now - shownAt < 1000 && bytes < total) return;
      shownAt = now;
      var seconds = (now - samples[0][0]) / 1000;
      var speed = seconds >= 1 ? (bytes - samples[0][1]) / seconds : 0;
      var text = panel.dataset.textUploading + " " + format.percent(bytes / total);
      if (speed > 0 && bytes < total) {
        text = panel.dataset.textProgress
          .replace("{percent}", format.percent(bytes / total))
          .replace("{speed}", format.speed(speed))
          .replace("{left}", format.left((total - bytes) / speed));
      }
      message.textContent = text;
    };
  }

  function upload(file, bar, message) {
    var key = "tadrib-upload:" + file.name + ":" + file.size + ":" + file.lastModified;
    var report = meter(file.size, bar, message);
    var onRetry = function () { message.textContent = panel.dataset.textRetrying; };
    var remembered = window.localStorage.getItem(key);
    var resume = remembered
      ? call("GET", panel.dataset.startUrl + remembered + "/").catch(function () { return null; })
      : Promise.resolve(null);
    return resume
      .then(function (state) {
        if (state) return state;
        return persist(function () { return json("POST", panel.dataset.startUrl, { name: file.name, size: file.size }); }, onRetry);
      })
      .then(function (state) {
        window.localStorage.setItem(key, state.id);
        if (state.complete) return state;
        var send = state.mode === "s3" ? sendParts : sendChunks;
        return send(state, file, report, onRetry).then(function () {
          message.textContent = panel.dataset.textFinishing;
          return persist(function () { return call("POST", panel.dataset.startUrl + state.id + "/complete/"); }, onRetry);
        });
      })
      .then(function (state) {
        window.localStorage.removeItem(key);
        return state.id;
      })
      .catch(function (error) {
        if (error.status === 410 || error.status === 404) window.localStorage.removeItem(key);
        throw error;
      });
  }

  if (form && panel && window.fetch && window.Intl && window.localStorage && window.Blob && Blob.prototype.slice) {
    var busy = false;
    form.addEventListener("submit", function (event) {
      var file = input.files[0];
      if (!file || input.disabled) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (busy) return;
      busy = true;
      var bar = panel.querySelector("[data-video-upload-progress]");
      var message = panel.querySelector("[data-video-upload-message]");
      bar.hidden = false;
      upload(file, bar, message).then(function (uploadId) {
        var hidden = document.createElement("input");
        hidden.type = "hidden";
        hidden.name = "upload";
        hidden.value = uploadId;
        form.appendChild(hidden);
        input.disabled = true; // the file is on the server already: do not send it twice
        if (form.requestSubmit) {
          var submitter = event.submitter && !event.submitter.disabled ? event.submitter : undefined;
          form.requestSubmit(submitter);
        } else {
          form.submit();
        }
      }).catch(function (error) {
        busy = false;
        bar.hidden = true;
        message.textContent = panel.dataset.textFailed + " " + error.message;
        form.querySelectorAll("[disabled][type=submit], button.button-longrunning-active").forEach(function (button) {
          button.disabled = false;
          button.classList.remove("button-longrunning-active");
        });
      });
    }, true);
  }
})();
