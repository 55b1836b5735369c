"""What pages carry for the installable app, and the offline pages the service worker precaches."""

import re

import pytest
from django.conf import settings

from accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
REGISTRATION = re.compile(r'<script src="/static/js/app\.js" defer data-worker="/sw\.js"')


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_public_pages_register_the_worker_with_translated_messages(client, language):
    html = client.get(f"/{language}/").content.decode()
    assert REGISTRATION.search(html)
    assert '<script src="/static/vendor/workbox/workbox-window.prod.umd.js" defer></script>' in html
    assert f'data-logout="/{language}/accounts/logout/"' in html
    saved = re.search(r'data-offline-saved="([^"]+)"', html).group(1)
    assert "{date}" in saved
    if language != "en":
        assert "saved" not in saved and "Reload" not in re.search(r'data-reload="([^"]+)"', html).group(1)


def test_the_policy_allows_the_worker_and_the_manifest_from_the_site_only(client):
    policy = client.get("/fr/")["Content-Security-Policy"]
    assert "worker-src 'self' blob:" in policy
    assert "manifest-src 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_admin_pages_do_not_register_the_worker(client):
    admin = UserFactory(is_superuser=True)
    client.force_login(admin)
    for path in ("/admin/", "/admin/pages/"):
        response = client.get(path)
        assert response.status_code == 200
        assert "js/app.js" not in response.content.decode()


def test_the_admin_door_for_a_member_without_access_does_not_register_it_either(client):
    client.force_login(UserFactory())
    response = client.get("/admin/login/")  # home/no_admin_access.html, on base.html
    assert response.status_code == 403
    html = response.content.decode()
    assert "<main" in html and "js/app.js" not in html


@pytest.mark.parametrize(
    ("language", "direction", "heading"),
    [("ar", "rtl", "غير محفوظة على هذا الجهاز"), ("fr", "ltr", "Pas enregistrée sur cet appareil")],
)
def test_the_offline_page_is_translated(client, language, direction, heading):
    response = client.get(f"/offline/{language}/")
    assert response.status_code == 200
    assert response["Content-Language"] == language
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}" data-tadrib-offline-page>' in html
    assert heading in html
    assert f'href="/{language}/"' in html and REGISTRATION.search(html)


def test_the_offline_page_is_the_same_for_everyone_and_changes_no_language(client):
    visitor = client.get("/offline/fr/").content
    member = UserFactory(preferred_language="")
    client.force_login(member)
    client.get("/ar/")  # reads the site in Arabic
    assert client.get("/offline/fr/").content == visitor
    response = client.get("/offline/en/")
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert "csrfmiddlewaretoken" not in visitor.decode() and member.email not in response.content.decode()
    assert User.objects.get(pk=member.pk).last_language == "ar"


@pytest.mark.parametrize("path", ["/offline/de/", "/offline/xx/", "/offline/kab/", "/offline/AR/"])
def test_an_offline_page_for_an_unknown_language_is_not_found(client, path):
    assert client.get(path).status_code == 404


def test_the_offline_page_answers_reads_only(client):
    assert client.post("/offline/ar/").status_code == 405
