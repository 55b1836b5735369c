"""Whose page is this: the header that names a person's page cache, and the logout that clears the caches."""

import pytest

from offline.middleware import CACHE_KEY_HEADER, cache_key
from tests.factories import UserFactory
from tests.factories.accounts import PASSWORD


@pytest.mark.django_db
def test_visitors_pages_carry_the_visitor_key(client):
    response = client.get("/fr/")
    assert response.status_code == 200
    assert response[CACHE_KEY_HEADER] == "anon"


@pytest.mark.django_db
def test_each_member_has_a_stable_opaque_key_of_their_own(client):
    first, second = UserFactory(), UserFactory()
    keys = {}
    for user in (first, second):
        client.force_login(user)
        seen = {client.get(path)[CACHE_KEY_HEADER] for path in ("/fr/", "/ar/", "/fr/learning/")}
        assert len(seen) == 1  # the same on every page
        keys[user.pk] = seen.pop()
        client.logout()
    assert keys[first.pk] != keys[second.pk]
    for pk, key in keys.items():
        assert key not in ("anon", str(pk)) and len(key) == 20 and int(key, 16) >= 0  # 20 hex digits
        assert key == cache_key(first if pk == first.pk else second)


@pytest.mark.django_db
def test_the_key_depends_on_the_secret_key(settings):
    user = UserFactory()
    key = cache_key(user)
    settings.SECRET_KEY = "another-installation-" + "x" * 40
    assert cache_key(user) != key


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/robots.txt", "/sw.js", "/manifest/ar.webmanifest", "/sitemap.xml"])
def test_only_html_answers_carry_the_key(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert CACHE_KEY_HEADER not in response


@pytest.mark.django_db
def test_logging_out_tells_the_browser_to_clear_caches_and_storage(client):
    user = UserFactory()
    response = client.post("/ar/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert "Clear-Site-Data" not in response
    assert "Clear-Site-Data" not in client.get("/ar/accounts/logout/")  # the confirmation page logs nobody out

    response = client.post("/ar/accounts/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "_auth_user_id" not in client.session
    assert "Clear-Site-Data" not in client.get("/ar/")


@pytest.mark.django_db
def test_a_visitor_posting_to_logout_clears_nothing(client):
    response = client.post("/ar/accounts/logout/")
    assert response.status_code == 302
    assert "Clear-Site-Data" not in response


@pytest.mark.django_db
def test_the_admins_logout_clears_too(client):
    client.force_login(UserFactory(is_superuser=True))
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
