"""Each certificate as an Open Badges 3.0 `OpenBadgeCredential` (W3C VC data model 2.0), secured as a VC-JWT
signed with the Observatory's Ed25519 key (OB 3.0 §8.2: the payload is the credential itself, with `iss`,
`sub`, `nbf` and `jti` repeating its issuer, subject, start and id). Signatures are deterministic, so the
credential is made when it is downloaded instead of being stored."""

import uuid
from datetime import UTC, datetime

import jwt
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.links import absolute_url

from . import keys
from .models import CertificateKind
from .pdf import verification_url

CONTEXTS = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
ISSUER_NAME = "Observatoire national de la société civile"
JWT_MEDIA_TYPE = "application/vc+jwt"


def absolute(path):
    # Never the request's host: issuer and key ids are signed into credentials and must not vary with it.
    return absolute_url(path)


def issuer_id():
    return absolute(reverse("credential_issuer"))


def key_id(signing_key):
    """The `kid`: an address that answers with the public key (OB 3.0 verifiers may dereference it)."""
    return absolute(reverse("credential_key", args=[signing_key.thumbprint]))


def status_list_url(list_number):
    return absolute(reverse("credential_status_list", args=[list_number]))


def _stable_urn(name):
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, absolute('/') + name)}"


def subject_id(user):
    """One opaque id per learner on this site, the same in all their credentials; it reveals nothing about them."""
    return _stable_urn(f"learners/{user.pk}")


def timestamp(moment):
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _achievement(certificate, snapshot):
    hours = snapshot.get("hours")
    with translation.override(snapshot.get("language") or settings.LANGUAGE_CODE):
        if certificate.kind == CertificateKind.COURSE:
            narrative = _("Completed every required lesson of the course and passed its required quizzes.")
        else:
            narrative = _("Attended the seminar; attendance recorded by its trainers.")
        description = _("%(kind)s, %(hours)s hours.") % {"kind": certificate.get_kind_display(), "hours": hours}
        grade_name = _("Average score of the passed quizzes")
    achievement = {
        "id": _stable_urn(f"achievements/{certificate.source_key}"),
        "type": ["Achievement"],
        "achievementType": "CertificateOfCompletion",
        "name": snapshot.get("title", ""),
        "description": description,
        "criteria": {"narrative": narrative},
        "creator": issuer_profile(brief=True),
    }
    if snapshot.get("language"):
        achievement["inLanguage"] = snapshot["language"]
    if snapshot.get("grade"):
        achievement["resultDescription"] = [
            {
                "id": f"{achievement['id']}:grade",
                "type": ["ResultDescription"],
                "name": grade_name,
                "resultType": "Percent",
            }
        ]
    return achievement


def credential(certificate):
    """The unsigned credential (the `.json` download and the JWT payload's body)."""
    snapshot = certificate.snapshot
    achievement = _achievement(certificate, snapshot)
    identifiers = [
        {"type": "IdentityObject", "identityType": "name", "hashed": False, "identityHash": name}
        for name in (snapshot.get("name_latin"), snapshot.get("name_arabic"))
        if name
    ]
    subject = {
        "id": subject_id(certificate.recipient),
        "type": ["AchievementSubject"],
        "identifier": identifiers,
        "achievement": achievement,
    }
    if snapshot.get("grade"):
        subject["result"] = [
            {
                "type": ["Result"],
                "resultDescription": achievement["resultDescription"][0]["id"],
                "value": snapshot["grade"],
            }
        ]
    list_number, index = divmod(certificate.status_index, settings.CREDENTIAL_STATUS_LIST_SIZE)
    list_url = status_list_url(list_number)
    return {
        "@context": CONTEXTS,
        "id": verification_url(certificate),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": snapshot.get("title", ""),
        "issuer": issuer_profile(brief=True),
        "validFrom": timestamp(certificate.issued_at),
        "credentialSubject": subject,
        "credentialStatus": {
            "id": f"{list_url}#{index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(index),
            "statusListCredential": list_url,
        },
    }


def sign(claims):
    """A compact JWS (EdDSA) over the credential plus the registered claims that repeat it."""
    signing_key = keys.signing_key()
    payload = {
        **claims,
        "iss": claims["issuer"]["id"],
        "nbf": int(datetime.fromisoformat(claims["validFrom"]).timestamp()),
        "jti": claims["id"],
    }
    subject = claims["credentialSubject"].get("id")
    if subject:
        payload["sub"] = subject
    header = {"kid": key_id(signing_key), "typ": "JWT"}
    return jwt.encode(payload, signing_key.private_key, algorithm="EdDSA", headers=header)


def signed_credential(certificate):
    return sign(credential(certificate))


def issuer_profile(brief=False):
    profile = {"id": issuer_id(), "type": ["Profile"], "name": ISSUER_NAME}
    if brief:
        return profile
    return {
        "@context": CONTEXTS,
        **profile,
        "url": absolute("/"),
        "description": "Distance training of Algeria's associative movement (Tadrib).",
        # Not an OB 3.0 field: where verifiers find the keys that sign this issuer's credentials.
        "jwks_uri": absolute(reverse("credential_jwks")),
    }


def public_jwks():
    return {"keys": [{**key.public_jwk, "kid": key_id(key), "use": "sig", "alg": "EdDSA"} for key in keys.all_keys()]}
