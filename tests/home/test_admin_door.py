"""/admin/ for people who may not use it: a clear refusal, not a redirect loop."""

from html import unescape

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REFUSALS = {
    "ar": ("لا صلاحية لك لدخول الإدارة", "العودة إلى الصفحة الرئيسية"),
    "fr": ("Pas d'accès à l'administration", "Aller à l'accueil"),
    "en": ("No access to the administration", "Go to the home page"),
}


@pytest.mark.parametrize("language", REFUSALS)
def test_a_signed_in_member_without_admin_access_gets_a_translated_refusal(client, language):
    client.force_login(UserFactory(groups=["Trainees"]))
    # The Wagtail admin sends a refused user to its login page, and allauth sends a signed-in user back
    # to ?next=: the door must answer itself, or the two pass the member back and forth for ever.
    response = client.get("/admin/", follow=True, HTTP_ACCEPT_LANGUAGE=language)
    assert response.redirect_chain == [("/admin/login/?next=/admin/", 302)]
    assert response.status_code == 403
    html = unescape(response.content.decode())
    heading, home_link = REFUSALS[language]
    assert f"<h1>{heading}</h1>" in html and f'href="/">{home_link}</a>' in html
    assert f'lang="{language}"' in html and 'class="site-header"' in html  # the site's own page and language


def test_the_refusal_covers_deep_admin_addresses_and_offers_another_account(client):
    client.force_login(UserFactory())
    response = client.get("/admin/snippets/quizzes/question/", follow=True)
    assert response.redirect_chain == [("/admin/login/?next=/admin/snippets/quizzes/question/", 302)]
    assert response.status_code == 403
    html = response.content.decode()
    assert 'action="/ar/accounts/logout/"' in html and 'name="next" value="/admin/"' in html


def test_visitors_sign_in_and_staff_go_through(client):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain == [
        ("/admin/login/?next=/admin/", 302),
        ("/ar/accounts/login/?next=/admin/", 302),
    ]
    assert response.status_code == 200
    client.force_login(UserFactory(groups=["Editors"]))
    response = client.get("/admin/login/?next=/admin/pages/")
    assert (response.status_code, response["Location"]) == (302, "/admin/pages/")
    response = client.get("/admin/login/?next=https://evil.example/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")
