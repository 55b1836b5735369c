import json

from certificates.keys import new_private_jwk

from .base import *  # noqa: F403
from .base import BASE_DIR, Q_CLUSTER, STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
Q_CLUSTER = {**Q_CLUSTER, "sync": True}
# Tests do not run collectstatic, so static URLs are not looked up in a manifest.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# A fresh signing key per test run; tests that rotate keys override the setting.
CREDENTIAL_KEYS = json.dumps({"keys": [new_private_jwk()]})
CREDENTIAL_KEYS_FILE = BASE_DIR / "var" / "test-credential-keys-unused.json"
