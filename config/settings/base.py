"""Settings safe for production on their own: DEBUG off, secrets and services from the environment.

With no environment at all this is the embedded profile (SQLite, media on disk, ORM task broker,
console email). DATABASE_URL, REDIS_URL, AWS_* and EMAIL_URL switch each part to the scale-out profile.
"""

import os
from pathlib import Path

from csp.constants import NONE, SELF
from django.core.management.utils import get_random_secret_key

from . import domains, profiles

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = os.environ

DEBUG = profiles.env_bool(env, "DJANGO_DEBUG", False)


def _embedded_secret_key():
    """One random key per installation, kept beside the SQLite database (embedded profile only)."""
    path = BASE_DIR / "var" / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(get_random_secret_key())
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env.get("SECRET_KEY") or _embedded_secret_key()
ALLOWED_HOSTS = profiles.env_list(env, "ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = profiles.env_list(env, "CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "accounts",
    "offline",
    "home",
    "news",
    "courses",
    "videos",
    "quizzes",
    "seminars",
    "certificates",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.UsersAdminConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "django_q",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.null_characters.NullCharacterMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.UnknownLanguagePrefixMiddleware",
    "home.middleware.LocaleMiddleware",
    "home.middleware.RememberLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "offline.middleware.OfflineHeadersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        # Django's engine; *.txt templates (e-mails) render without HTML escaping.
        "BACKEND": "config.templating.Templates",
        "NAME": "django",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = profiles.database(env, BASE_DIR)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
CACHES = profiles.cache(env)
Q_CLUSTER = profiles.q_cluster(env)
STORAGES = profiles.storages(env)
globals().update(profiles.email(env))
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "Tadrib <no-reply@tadrib.dz>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Accounts
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "admin_login"  # home.views.admin_login: visitors sign in, members without access are told
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Tadrib] "
# Proxies in front of the app that append the address they saw to X-Forwarded-For (1 behind one TLS proxy).
# Every per-address limit counts under the address the outermost of them saw (core.addresses); allauth asks
# the same helper through the account adapter. ALLAUTH_TRUSTED_CLIENT_IP_HEADER stays unset: allauth would
# read that header as the address without counting proxies, and a client can send any header it likes.
TRUSTED_PROXY_COUNT = profiles.env_count(env, "TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# Login throttling: failed logins per account and per address, counted in the shared cache
# (a database table, or Redis in the scale-out profile: every web process and node sees the same counts).
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/key,20/5m/ip",
    "login": "30/m/ip",
    "signup": "10/h/ip",
    "confirm_email": "3/3m/key",
    "reset_password": "5/h/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
}

# Languages: Arabic first (default, right to left), then French and English.
# A new locale is a line here plus locale/<code>/LC_MESSAGES/django.po.
LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", "العربية"),
    ("fr", "Français"),
    ("en", "English"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Africa/Algiers"

# Static and media
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
# Third-party front-end code comes from npm at setup (`make run`/`make test` run `npm ci`).
HLS_JS_DIST = BASE_DIR / "node_modules" / "hls.js" / "dist"
JSQR_DIST = BASE_DIR / "node_modules" / "jsqr" / "dist"
# Workbox, for the service worker (offline/): every package's build/ folder lands in /static/vendor/workbox/.
WORKBOX_BUILDS = [
    BASE_DIR / "node_modules" / package / "build"
    for package in (
        "workbox-sw",
        "workbox-core",
        "workbox-routing",
        "workbox-strategies",
        "workbox-precaching",
        "workbox-expiration",
        "workbox-cacheable-response",
        "workbox-range-requests",
        "workbox-window",
    )
]
STATICFILES_DIRS = [
    BASE_DIR / "static",
    *([("vendor/hls", HLS_JS_DIST)] if HLS_JS_DIST.is_dir() else []),
    *([("vendor/jsqr", JSQR_DIST)] if JSQR_DIST.is_dir() else []),
    *[("vendor/workbox", build) for build in WORKBOX_BUILDS if build.is_dir()],
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", BASE_DIR / "media"))

# Requests: refuse oversize bodies before they are read into memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # 2.5 MB of form fields
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000  # Wagtail's page editor posts many fields
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # larger uploads stream to a temporary file
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "docx", "xlsx", "pptx", "txt", "csv"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
globals().update(domains.settings(env, BASE_DIR))  # videos, seminars, certificates, offline app

# Security headers (HSTS and HTTPS redirects are turned on in production.py)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600

# Content-Security-Policy for the public site. The Wagtail admin ships inline styles and
# scripts of its own and is reached only by staff, so it is left to Wagtail's defaults.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *profiles.media_origins(env)],
        # The video player (hls.js) feeds the <video> through MediaSource blobs and fetches segments,
        # which come from the bucket in the S3 profile.
        "media-src": [SELF, "blob:", *profiles.media_origins(env)],
        # blob: for hls.js's worker; 'self' for the service worker (/sw.js).
        "worker-src": [SELF, "blob:"],
        "manifest-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF, *profiles.media_origins(env)],
        "frame-src": ["https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Wagtail
WAGTAIL_SITE_NAME = "Tadrib"
WAGTAILADMIN_BASE_URL = env.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# One password reset: allauth's, throttled and in the member's language (the admin login redirects there too).
WAGTAIL_PASSWORD_RESET_ENABLED = False
# No gravatar: it sends a hash of each user's e-mail address to an outside host (and breaks offline).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request logs carry e-mail addresses in URLs and forms; keep them at warning level.
        "django.request": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # WeasyPrint logs every rendering step at INFO: 7 lines per certificate.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
