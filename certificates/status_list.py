"""Revocation published as W3C Bitstring Status Lists: each certificate holds a random position in a list of
CREDENTIAL_STATUS_LIST_SIZE bits (random, so a position says nothing about when or to whom it was issued);
a set bit means revoked. The list is itself a credential signed with the issuer key, made on request."""

import base64
import gzip
import secrets

from django.conf import settings
from django.utils import timezone

from .models import Certificate


def new_status_index():
    """A random free-looking position; lists are used up to half so collisions (retried) stay rare."""
    size = settings.CREDENTIAL_STATUS_LIST_SIZE
    list_number = Certificate.objects.count() // (size // 2)
    return list_number * size + secrets.randbelow(size)


def encoded_list(revoked_positions, size):
    """GZIP-compressed bitstring, base64url with the multibase prefix "u"; bit 0 is the left-most bit."""
    bits = bytearray(size // 8)
    for position in revoked_positions:
        bits[position // 8] |= 0x80 >> (position % 8)
    return "u" + base64.urlsafe_b64encode(gzip.compress(bytes(bits), mtime=0)).rstrip(b"=").decode()


def list_exists(list_number):
    size = settings.CREDENTIAL_STATUS_LIST_SIZE
    return list_number == 0 or Certificate.objects.filter(status_index__gte=list_number * size).exists()


def status_list_credential(list_number):
    from .credentials import CONTEXTS, issuer_profile, status_list_url, timestamp

    size = settings.CREDENTIAL_STATUS_LIST_SIZE
    start = list_number * size
    revoked = Certificate.objects.filter(
        revoked_at__isnull=False, status_index__gte=start, status_index__lt=start + size
    ).values_list("status_index", flat=True)
    url = status_list_url(list_number)
    return {
        "@context": CONTEXTS[:1],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_profile(brief=True),
        "validFrom": timestamp(timezone.now()),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded_list([position - start for position in revoked], size),
        },
    }
