"""The issuer's public, language-neutral endpoints that verifiers read: the issuer profile, its keys (JWKS and
one key per `kid`) and the revocation status lists. Nothing here names a learner."""

from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from . import credentials, keys
from .status_list import list_exists, status_list_credential


def _public(response, max_age):
    # Verifiers and web wallets read these from other origins.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={max_age}"
    return response


def _not_found():
    # JSON, so the site does not redirect it to a language prefix: these addresses have none.
    return JsonResponse({"error": "not found"}, status=404)


def _json(data, max_age=3600):
    return _public(JsonResponse(data, json_dumps_params={"ensure_ascii": False}), max_age)


@require_GET
def issuer(request):
    return _json(credentials.issuer_profile())


@require_GET
def jwks(request):
    return _json(credentials.public_jwks(), max_age=300)


@require_GET
def key(request, thumbprint):
    found = keys.find(thumbprint)
    if found is None:
        return _not_found()
    return _json({**found.public_jwk, "kid": credentials.key_id(found), "use": "sig", "alg": "EdDSA"})


@require_GET
def status_list(request, list_number):
    if list_number > 10_000 or not list_exists(list_number):
        return _not_found()
    try:
        token = credentials.sign(status_list_credential(list_number))
    except keys.KeysMissing:
        return HttpResponse("No signing key is configured.", status=503, content_type="text/plain")
    # A revocation shows to verifiers that cache the list within a minute.
    return _public(HttpResponse(token, content_type=credentials.JWT_MEDIA_TYPE), max_age=60)
