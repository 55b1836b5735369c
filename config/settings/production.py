"""Deployment settings: everything of base.py, plus HTTPS-only cookies, redirects and HSTS."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, profiles

if not env.get("SECRET_KEY"):
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production settings")
# The site's public address (https://…): e-mails, certificates' QR codes and signed credentials carry it.
if not env.get("WAGTAILADMIN_BASE_URL"):
    raise ImproperlyConfigured("WAGTAILADMIN_BASE_URL must be set in the environment for production settings")

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = profiles.env_bool(env, "SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = profiles.env_bool(env, "SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = profiles.env_bool(env, "SECURE_HSTS_PRELOAD", True)
