import io

import pytest
from django.core.files.storage import FileSystemStorage, default_storage
from django.test import RequestFactory
from django.utils import translation


@pytest.mark.django_db
def test_public_pages_send_security_headers_and_a_strict_csp(client):
    response = client.get("/fr/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_public_pages_carry_no_inline_script_or_style_but_the_critical_css(client):
    html = client.get("/ar/").content.decode()
    assert "<script>" not in html and " style=" not in html
    assert html.count("<style") == 1  # allowed by its hash: tests/home/test_critical_css.py


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "text"), [("/fr/nope/", "Page introuvable"), ("/ar/nope/", "الصفحة غير موجودة")])
def test_not_found_pages_are_translated(client, path, text):
    response = client.get(path)
    assert response.status_code == 404
    assert text in response.content.decode()


def test_server_error_page_is_translated():
    from django.views.defaults import server_error

    with translation.override("ar"):
        response = server_error(RequestFactory().get("/ar/"))
    assert response.status_code == 500
    assert "حدث خطأ ما" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/media/images/../../config/settings/base.py",
        "/media/images/%2e%2e/%2e%2e/etc/passwd",
        "/media/original_images/missing.jpg",
        "/media/images/",
        "/media/documents/secret.pdf",
        "/media/images/a%00b.png",
    ],
)
def test_media_view_refuses_traversal_and_non_images(client, path):
    assert client.get(path, follow=True).status_code == 404


@pytest.mark.django_db
def test_media_view_serves_stored_images(client):
    if not isinstance(default_storage, FileSystemStorage):
        pytest.skip("on S3 the browser fetches presigned URLs from the bucket")
    default_storage.save("images/dot.png", io.BytesIO(b"\x89PNG\r\n\x1a\n"))
    response = client.get("/media/images/dot.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    default_storage.save("images/notes.txt", io.BytesIO(b"text"))
    assert client.get("/media/images/notes.txt").status_code == 404


@pytest.mark.django_db
def test_a_not_found_answer_outside_the_language_prefixes_stays_a_404(client):
    from tests.factories import UserFactory

    # Wagtail's page route takes any /<language>/… path, so Django's LocaleMiddleware would send these to
    # /ar/admin/… or /ar/media/…, addresses that do not exist, instead of answering.
    client.force_login(UserFactory(groups=["Observatory admins"]))
    for path in ("/admin/snippets/quizzes/question/edit/999999/", "/media/images/missing.png"):
        response = client.get(path)
        assert (response.status_code, response.get("Location")) == (404, None), path
    # An address without its language still finds it.
    response = client.get("/nope/")
    assert (response.status_code, response["Location"]) == (302, "/ar/nope/")
