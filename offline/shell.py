"""What the service worker is made of: the shell it precaches, the Workbox files it loads, its version.

Every URL comes from `static()`, so in production the service worker names the content-hashed files of WhiteNoise's
manifest storage; its version is a hash of the whole script, which holds those URLs, so any change to a precached
file, to Workbox, to the offline pages or to the script's templates gives a new service worker.
"""

import hashlib
import json

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from django.utils.encoding import filepath_to_uri

from .manifest import ICONS
from .middleware import CACHE_KEY_HEADER

WORKBOX_SW = "vendor/workbox/workbox-sw.js"
WORKBOX_WINDOW = "vendor/workbox/workbox-window.prod.umd.js"
# Loaded when the worker starts (a worker may import scripts only then), production builds only.
WORKBOX_MODULES = [
    "workbox-core",
    "workbox-routing",
    "workbox-strategies",
    "workbox-precaching",
    "workbox-expiration",
    "workbox-cacheable-response",
    "workbox-range-requests",
]
# The shell: what every public page needs, and the scripts of the pages a learner reads. Other static files
# (hls.js, jsQR, the admin's scripts) are cached when first used.
SHELL_FILES = [
    "css/tadrib.css",
    WORKBOX_WINDOW,
    "js/app.js",
    "js/player.js",
    "js/lesson.js",
    "js/queue.js",
    "js/offline_lessons.js",
    "js/quiz.js",
    "js/copy_link.js",
    "img/favicon.svg",
    *(path for path, _size, _purpose in ICONS),
]
# Addresses the service worker leaves to the browser: the admin, and private video media (served only after an
# access check; saving videos for offline use will come with its own route).
NEVER_ROUTED = ["/admin/", "/media/videos/"]
# Pages it shows but never keeps: the account forms (login, logout, sign-up, profile; under each language prefix,
# see config/urls.py), the offline pages (precached) and itself.
NEVER_CACHED = ["/accounts/", "/offline/", "/sw.js"]


_workbox_found = {}


def workbox_installed():
    """Workbox comes from npm (`npm ci`); without it there is no service worker, and the site works as before.
    Asked by every page, so looked up once per process and static storage."""
    key = (repr(settings.STORAGES.get("staticfiles")), str(settings.STATIC_ROOT))
    if key not in _workbox_found:
        names = [WORKBOX_SW, WORKBOX_WINDOW, *(f"vendor/workbox/{name}.prod.js" for name in WORKBOX_MODULES)]
        _workbox_found[key] = all(_available(name) for name in names)
    return _workbox_found[key]


def _available(name):
    try:
        static(name)  # a manifest storage refuses a file that collectstatic did not see (run before `npm ci`)
    except ValueError:
        return False
    return bool(finders.find(name)) or staticfiles_storage.exists(name)


def _content(name):
    path = finders.find(name)
    if path:
        with open(path, "rb") as handle:
            return handle.read()
    with staticfiles_storage.open(name) as handle:
        return handle.read()


def _digest(data):
    return hashlib.sha256(data).hexdigest()[:16]


def precache_entry(name):
    """A content-hashed URL is its own revision; a plain one (development, tests) gets the file's hash."""
    url = static(name)
    plain = settings.STATIC_URL + filepath_to_uri(name).lstrip("/")
    return {"url": url, "revision": None if url != plain else _digest(_content(name))}


def offline_page(language):
    with translation.override(language):
        return render_to_string("offline/offline_page.html", {"language": language})


def offline_page_url(language):
    return f"/offline/{language}/"


def service_worker_config():
    languages = [code for code, _name in settings.LANGUAGES]
    shell = [precache_entry(name) for name in SHELL_FILES]
    shell += [{"url": offline_page_url(code), "revision": _digest(offline_page(code).encode())} for code in languages]
    return {
        "release": settings.OFFLINE_SHELL_RELEASE,
        "queueScript": static("js/queue.js"),
        "workboxModules": {name: static(f"vendor/workbox/{name}.prod.js") for name in WORKBOX_MODULES},
        "shell": shell,
        "languages": languages,
        "defaultLanguage": settings.LANGUAGE_CODE,
        "offlinePages": {code: offline_page_url(code) for code in languages},
        "staticUrl": settings.STATIC_URL,
        "cacheKeyHeader": CACHE_KEY_HEADER,
        "neverRouted": NEVER_ROUTED,
        "neverCached": NEVER_CACHED + [f"/{code}/accounts/" for code in languages],
    }


def _render_service_worker():
    context = {
        "workbox_sw": static(WORKBOX_SW),
        "config": json.dumps(service_worker_config(), indent=2, sort_keys=True),
    }
    unversioned = render_to_string("offline/sw.js", {**context, "version": ""})
    version = _digest(unversioned.encode())
    return render_to_string("offline/sw.js", {**context, "version": version}), version


# Browsers ask for /sw.js after every navigation of a page it controls. Outside DEBUG, everything the script is made
# of (static manifest, templates, translations) is fixed for the life of the process, so it is rendered once per
# process and per settings that feed it.
_rendered = {}


def service_worker_script():
    """The script and its version."""
    if settings.DEBUG:
        return _render_service_worker()
    key = (
        settings.OFFLINE_SHELL_RELEASE,
        settings.STATIC_URL,
        repr(settings.STORAGES.get("staticfiles")),
        str(settings.STATIC_ROOT),
        tuple(settings.LANGUAGES),
    )
    if key not in _rendered:
        _rendered[key] = _render_service_worker()
    return _rendered[key]


def forget_rendered_service_worker():
    _rendered.clear()
