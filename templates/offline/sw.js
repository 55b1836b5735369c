{% autoescape off %}/* Tadrib's service worker, served at /sw.js by offline/views.py from this template and the files of sw/.
 *
 * One section per file, included in the order their routes are tried (Workbox asks routes in registration order):
 *   sw/lifecycle.js  when a new version takes over (only when the person chooses "Reload"), its version
 *   sw/shell.js      the precached shell: CSS, our scripts, icons, an offline page per language
 *   sw/static.js     /static/…: CacheFirst, old versions kept a while for pages saved under them
 *   sw/people.js     whose pages: one page cache per person on this device
 *   sw/lessons.js    lessons saved for offline use: their video or sound file, with byte ranges
 *   sw/pages.js      navigations: network first, then the person's saved copy (or saved lesson), then the offline page
 *   sw/queue.js      what the learner did offline (static/js/queue.js), sent by Background Sync
 * To add a route (saved lessons, the offline queue…), add a file to sw/ and include it here before pages.js when it
 * must win over the page route. Everything the server decides (addresses, URLs, names) is in CONFIG.
 */
"use strict";
const VERSION = "{{ version }}";
const CONFIG = {{ config }};

// Workbox from our own static files (npm), never from a CDN, production builds only.
importScripts("{{ workbox_sw }}");
workbox.setConfig({ debug: false, modulePathCb: (moduleName) => CONFIG.workboxModules[moduleName] });
// A worker may import scripts only while it starts, so every module loads now rather than on first use.
Object.keys(CONFIG.workboxModules).forEach((moduleName) => workbox.loadModule(moduleName));

{% include "offline/sw/lifecycle.js" %}
{% include "offline/sw/shell.js" %}
{% include "offline/sw/static.js" %}
{% include "offline/sw/people.js" %}
{% include "offline/sw/lessons.js" %}
{% include "offline/sw/pages.js" %}
{% include "offline/sw/queue.js" %}
{% endautoescape %}
