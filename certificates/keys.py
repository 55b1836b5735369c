"""The Observatory's credential signing keys: Ed25519 keys kept as a JSON Web Key Set whose first key signs and
whose every key still verifies (rotation puts a new key first and keeps the old ones published).

The set comes from the CREDENTIAL_KEYS setting (the JSON itself: the scale-out profile, no local state) or else
from the file CREDENTIAL_KEYS_FILE (the embedded profile; `manage.py credential_keys --create` writes it).
Private parts leave this module only to be written back by the `credential_keys` command."""

import base64
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class KeysMissing(Exception):
    """No signing key is configured: signed credentials cannot be made."""


def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def thumbprint(public_jwk):
    """RFC 7638 thumbprint of an OKP key: a stable name derived from the public key itself."""
    members = {"crv": public_jwk["crv"], "kty": public_jwk["kty"], "x": public_jwk["x"]}
    canonical = json.dumps(members, separators=(",", ":"))
    return _b64(hashlib.sha256(canonical.encode()).digest())


def _private_jwk(key):
    d = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    x = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return {"kty": "OKP", "crv": "Ed25519", "x": _b64(x), "d": _b64(d)}


def new_private_jwk():
    return _private_jwk(Ed25519PrivateKey.generate())


@dataclass(frozen=True)
class SigningKey:
    thumbprint: str
    public_jwk: dict
    private_key: Ed25519PrivateKey

    def private_jwk(self):
        return _private_jwk(self.private_key)


@lru_cache(maxsize=4)
def parse_key_set(raw):
    """Validate a JWKS text holding Ed25519 private keys; clear errors name the problem, never the key."""
    try:
        data = json.loads(raw)
        entries = data["keys"]
    except (ValueError, TypeError, KeyError):
        raise ImproperlyConfigured('Credential keys must be a JSON object {"keys": [...]}.') from None
    if not isinstance(entries, list) or not entries:
        raise ImproperlyConfigured("Credential keys: the key set is empty.")
    keys = []
    for position, entry in enumerate(entries):
        if not isinstance(entry, dict) or entry.get("kty") != "OKP" or entry.get("crv") != "Ed25519":
            raise ImproperlyConfigured(f"Credential key {position}: only Ed25519 keys (kty OKP) are supported.")
        try:
            private_key = Ed25519PrivateKey.from_private_bytes(_unb64(entry["d"]))
            public = {"kty": "OKP", "crv": "Ed25519", "x": entry["x"]}
        except (KeyError, ValueError, TypeError):
            message = f"Credential key {position}: the private part (d) is missing or invalid."
            raise ImproperlyConfigured(message) from None
        derived = private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        if _b64(derived) != public["x"]:
            message = f"Credential key {position}: the public part (x) does not match the private part."
            raise ImproperlyConfigured(message)
        keys.append(SigningKey(thumbprint(public), public, private_key))
    if len({key.thumbprint for key in keys}) != len(keys):
        raise ImproperlyConfigured("Credential keys: the same key is listed twice.")
    return tuple(keys)


def _raw_key_set():
    raw = getattr(settings, "CREDENTIAL_KEYS", "")
    if raw:
        return raw
    path = Path(settings.CREDENTIAL_KEYS_FILE)
    try:
        return path.read_text()
    except FileNotFoundError:
        return ""


def all_keys():
    """Every configured key, the signing one first; empty when none is configured."""
    raw = _raw_key_set()
    return parse_key_set(raw) if raw else ()


def signing_key():
    keys = all_keys()
    if not keys:
        raise KeysMissing
    return keys[0]


def find(key_thumbprint):
    return next((key for key in all_keys() if key.thumbprint == key_thumbprint), None)


def write_key_file(path, private_jwks):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.touch(mode=0o600)
    temporary.chmod(0o600)
    temporary.write_text(json.dumps({"keys": private_jwks}, indent=2) + "\n")
    temporary.replace(path)
