"""Open Badges 3.0 credentials: checked the way an outside verifier would, with joserfc (an independent JOSE
library; the site signs with PyJWT) and only what the site publishes: the JWKS, the issuer, the status list."""

import base64
import gzip
import json
from datetime import datetime
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import override_settings
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from certificates import keys, services
from certificates.keys import new_private_jwk
from certificates.models import Certificate
from tests.factories import UserFactory, build_course

pytestmark = [pytest.mark.django_db, pytest.mark.filterwarnings("ignore::joserfc.errors.SecurityWarning")]


@pytest.fixture
def learner():
    return UserFactory(full_name_latin="Amina Benali", full_name_arabic="أمينة بن علي", preferred_language="ar")


@pytest.fixture
def certificate(catalogues, learner):
    course = build_course(catalogues["ar"], lessons=0, title="تسيير جمعية")[0]
    return services.issue_for_course(learner, course)[0]


def _download(client, certificate, form="jwt"):
    client.force_login(certificate.recipient)
    response = client.get(f"/ar/certificates/{certificate.public_id}.{form}")
    assert response.status_code == 200, response.content
    return response


def _published_keys(client):
    response = client.get("/credentials/jwks.json")
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    assert all("d" not in key for key in response.json()["keys"])  # never the private part
    return KeySet.import_key_set(response.json())


def _verify(token, client):
    return jwt.decode(token, _published_keys(client), algorithms=["EdDSA"])


def _path(url):
    return urlsplit(url).path


def test_the_credential_is_a_signed_open_badge_whose_claims_repeat_it(client, certificate, learner):
    token = _download(client, certificate).content.decode()
    decoded = _verify(token, client)
    header, claims = decoded.header, decoded.claims
    assert header["alg"] == "EdDSA" and header["typ"] == "JWT"
    assert client.get(_path(header["kid"])).json()["x"] == keys.signing_key().public_jwk["x"]
    assert claims["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert "purl.imsglobal.org/spec/ob/v3p0" in claims["@context"][1]
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert claims["jti"] == claims["id"] and claims["id"].endswith(f"/verify/{certificate.public_id}/")
    assert claims["iss"] == claims["issuer"]["id"] and claims["sub"] == claims["credentialSubject"]["id"]
    assert claims["nbf"] == int(datetime.fromisoformat(claims["validFrom"]).timestamp())
    subject = claims["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"] and learner.email not in token
    assert [item["identityHash"] for item in subject["identifier"]] == ["Amina Benali", "أمينة بن علي"]
    achievement = subject["achievement"]
    assert achievement["name"] == "تسيير جمعية" and achievement["criteria"]["narrative"]
    assert achievement["inLanguage"] == "ar"
    # The issuer profile is where the credential says, and names the key set.
    profile = client.get(_path(claims["iss"])).json()
    assert profile["id"] == claims["iss"] and profile["type"] == ["Profile"]
    assert _path(profile["jwks_uri"]) == "/credentials/jwks.json"
    # The readable copy is the same credential, without the JWT's registered claims.
    readable = _download(client, certificate, "json").json()
    assert readable == {key: value for key, value in claims.items() if key not in {"iss", "sub", "nbf", "jti"}}
    # One learner, one subject id across credentials; another learner has another.
    other_course = build_course(certificate.course.get_parent(), lessons=0, slug="autre")[0]
    second = services.issue_for_course(learner, other_course)[0]
    assert _verify(_download(client, second).content.decode(), client).claims["sub"] == claims["sub"]


def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def test_any_tampering_fails_verification(client, certificate):
    token = _download(client, certificate).content.decode()
    header, payload, signature = token.split(".")
    claims = json.loads(_unb64(payload))
    forged_name = {**claims, "credentialSubject": {**claims["credentialSubject"], "identifier": []}}
    forged_id = {**claims, "id": claims["id"].replace(certificate.public_id, "A" * 20), "jti": "x"}
    other_key = {**json.loads(_unb64(header)), "kid": "http://testserver/credentials/keys/nope"}
    unsigned = {**json.loads(_unb64(header)), "alg": "none"}
    flipped = bytearray(_unb64(signature))
    flipped[0] ^= 1
    tampered = [
        f"{header}.{_b64(json.dumps(forged_name).encode())}.{signature}",
        f"{header}.{_b64(json.dumps(forged_id).encode())}.{signature}",
        f"{_b64(json.dumps(other_key).encode())}.{payload}.{signature}",
        f"{_b64(json.dumps(unsigned).encode())}.{payload}.",
        f"{header}.{payload}.{_b64(bytes(flipped))}",
        f"{header}.{payload}",
        token[:-5],
    ]
    _verify(token, client)  # the untouched token verifies
    for forged in tampered:
        with pytest.raises((JoseError, ValueError)):
            _verify(forged, client)


def test_rotation_signs_with_the_new_key_and_old_credentials_still_verify(client, certificate, tmp_path):
    key_file = tmp_path / "credential-keys.json"
    with override_settings(CREDENTIAL_KEYS="", CREDENTIAL_KEYS_FILE=key_file):
        call_command("credential_keys", "--create", stdout=StringIO())
        assert key_file.stat().st_mode & 0o777 == 0o600
        first = keys.signing_key().thumbprint
        call_command("credential_keys", "--create", stdout=StringIO())  # idempotent
        assert keys.signing_key().thumbprint == first
        old_token = _download(client, certificate).content.decode()
        call_command("credential_keys", "--rotate", stdout=StringIO())
        new_token = _download(client, certificate).content.decode()
        assert keys.signing_key().thumbprint != first and new_token != old_token
        assert _verify(old_token, client).claims == _verify(new_token, client).claims
        assert _verify(new_token, client).header["kid"].endswith(keys.signing_key().thumbprint)
        with pytest.raises(Exception, match="rotate first"):
            call_command("credential_keys", f"--retire={keys.signing_key().thumbprint}")
        call_command("credential_keys", f"--retire={first}", stdout=StringIO())  # may start with "-"
        with pytest.raises(JoseError):
            _verify(old_token, client)  # a retired key no longer vouches for what it signed
        assert client.get(f"/credentials/keys/{first}").status_code == 404


def _revoked_bits(client, credential_claims):
    status = credential_claims["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry" and status["statusPurpose"] == "revocation"
    response = client.get(_path(status["statusListCredential"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/vc+jwt"
    status_list = _verify(response.content.decode(), client).claims
    assert status_list["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert status_list["id"] == status["statusListCredential"]
    encoded = status_list["credentialSubject"]["encodedList"]
    assert encoded.startswith("u")
    bits = gzip.decompress(_unb64(encoded[1:]))
    assert len(bits) * 8 >= 131072
    index = int(status["statusListIndex"])
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def test_revocation_is_published_in_the_signed_status_list(client, certificate, catalogues):
    other = services.issue_for_course(UserFactory(), certificate.course)[0]
    assert other.status_index != certificate.status_index
    claims = _verify(_download(client, certificate).content.decode(), client).claims
    other_claims = _verify(_download(client, other).content.decode(), client).claims
    assert not _revoked_bits(client, claims) and not _revoked_bits(client, other_claims)
    services.revoke(certificate, UserFactory(groups=["Observatory admins"]), "Erreur")
    assert _revoked_bits(client, claims) and not _revoked_bits(client, other_claims)


def test_only_the_holder_downloads_the_credential(client, certificate):
    for form in ("jwt", "json"):
        url = f"/fr/certificates/{certificate.public_id}.{form}"
        client.logout()
        assert client.get(url).status_code == 302
        client.force_login(UserFactory())
        assert client.get(url).status_code == 404
        client.force_login(certificate.recipient)
        response = client.get(url)
        assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
        assert client.get(f"/fr/certificates/{certificate.public_id[:-1]}.{form}").status_code == 404
    page = client.get("/fr/certificates/").content.decode()
    assert f"{certificate.public_id}.jwt" in page and f"{certificate.public_id}.json" in page


def test_public_endpoints_refuse_what_does_not_exist(client, certificate):
    assert client.get("/credentials/status/1").status_code == 404  # only list 0 is in use
    assert client.get("/credentials/status/99999999999").status_code == 404
    assert client.get("/credentials/status/-1", follow=True).status_code == 404
    assert client.get("/credentials/keys/../../etc/passwd", follow=True).status_code == 404
    assert client.get("/credentials/keys/" + "A" * 43).status_code == 404
    assert client.post("/credentials/jwks.json").status_code == 405
    assert client.get("/credentials/issuer").json()["name"]


def test_without_keys_signed_downloads_say_so_and_the_rest_works(client, certificate, tmp_path):
    with override_settings(CREDENTIAL_KEYS="", CREDENTIAL_KEYS_FILE=tmp_path / "none.json"):
        client.force_login(certificate.recipient)
        assert client.get(f"/fr/certificates/{certificate.public_id}.jwt").status_code == 503
        assert client.get(f"/fr/certificates/{certificate.public_id}.json").status_code == 200
        assert client.get("/credentials/status/0").status_code == 503
        assert client.get("/credentials/jwks.json").json() == {"keys": []}


@pytest.mark.parametrize(
    "raw, message",
    [
        ("not json", "JSON object"),
        ('{"keys": []}', "empty"),
        ('{"keys": [{"kty": "RSA"}]}', "Ed25519"),
        ('{"keys": [{"kty": "OKP", "crv": "Ed25519", "x": "AAAA"}]}', "private part"),
    ],
)
def test_a_broken_key_set_is_a_clear_configuration_error(raw, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        keys.parse_key_set(raw)


def test_a_key_whose_public_part_does_not_match_is_refused():
    mixed = {**new_private_jwk(), "x": new_private_jwk()["x"]}
    with pytest.raises(ImproperlyConfigured, match="does not match"):
        keys.parse_key_set(json.dumps({"keys": [mixed]}))


def test_status_positions_are_random_and_unique(catalogues):
    course = build_course(catalogues["fr"], lessons=0)[0]
    positions = [services.issue_for_course(UserFactory(), course)[0].status_index for _ in range(20)]
    assert len(set(positions)) == 20 and positions != sorted(positions)
    assert Certificate.objects.filter(status_index__gte=131072).count() == 0


def test_the_system_check_names_missing_or_broken_keys(tmp_path):
    from certificates.checks import credential_keys

    with override_settings(CREDENTIAL_KEYS="", CREDENTIAL_KEYS_FILE=tmp_path / "none.json"):
        assert [message.id for message in credential_keys(None)] == ["certificates.W001"]
    with override_settings(CREDENTIAL_KEYS='{"keys": "x"}'):
        assert [message.id for message in credential_keys(None)] == ["certificates.E001"]
    assert credential_keys(None) == []


def test_a_grade_becomes_a_result_tied_to_its_description(certificate):
    from certificates.credentials import credential

    assert "result" not in credential(certificate)["credentialSubject"]
    certificate.snapshot = {**certificate.snapshot, "grade": "85.0"}
    subject = credential(certificate)["credentialSubject"]
    description = subject["achievement"]["resultDescription"][0]
    assert subject["result"] == [{"type": ["Result"], "resultDescription": description["id"], "value": "85.0"}]
    assert description["resultType"] == "Percent" and description["name"] == "متوسط نقاط الاختبارات الناجحة"


def test_a_deleted_course_leaves_its_certificates_checkable_reissuable_and_exportable(
    client, certificate, django_capture_on_commit_callbacks
):
    from certificates.credentials import credential

    before = credential(certificate)
    certificate.course.delete()
    certificate.refresh_from_db()
    assert certificate.course is None and certificate.snapshot["title"] == "تسيير جمعية"
    with django_capture_on_commit_callbacks(execute=True):
        services.refresh(certificate)  # re-issue from the snapshot alone
    certificate.refresh_from_db()
    assert certificate.pdf and certificate.snapshot["title"] == "تسيير جمعية"
    page = client.get(f"/fr/verify/{certificate.public_id}/").content.decode()
    assert "تسيير جمعية" in page and 'data-certificate-status="valid"' in page
    after = _verify(_download(client, certificate).content.decode(), client).claims
    assert after["credentialSubject"]["achievement"] == before["credentialSubject"]["achievement"]
