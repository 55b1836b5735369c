"""E-mails speak the member's language: the one they chose, else the one they last used on the site, else the
site's; every link in a mail is in the language of its text and absolute on the real site."""

import io
import re

import pytest
import zxingcpp
from allauth.account.models import EmailAddress
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image
from wagtail.models import Locale

from accounts.models import User
from certificates import notices as certificate_notices
from certificates import services as certificates
from seminars import notices, services
from seminars.models import SeminarPage
from tests.factories import UserFactory, build_course
from tests.factories.seminars import build_seminar

pytestmark = pytest.mark.django_db

URL = re.compile(r"https?://\S+")
SITE = "http://testserver"  # WAGTAILADMIN_BASE_URL in the test settings


def translated_seminar(calendars, **fields):
    """An Arabic seminar with a French and an English translation."""
    original = build_seminar(calendars["ar"], title="ندوة", slug="nadwa", **fields)
    for code, title in (("fr", "Séminaire"), ("en", "Seminar")):
        translation = original.copy_for_translation(Locale.objects.get(language_code=code))
        translation.title = title
        translation.save_revision().publish()
    return original


@pytest.fixture
def seminar(calendars):
    return translated_seminar(calendars)


def links(message):
    return URL.findall(message.body)


def checkin_code(message):
    (name, content, mimetype) = message.attachments[0]
    assert (name, mimetype) == ("check-in.png", "image/png")
    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(content)))]


def assert_in_language(message, language, *words):
    for word in words:
        assert word in message.subject + message.body, message.body
    found = links(message)
    assert found and all(link.startswith(f"{SITE}/{language}/") for link in found), found
    assert message.extra_headers.get("Content-Language") == language


def browse(client, member, language):
    client.force_login(member)
    assert client.get(f"/{language}/").status_code == 200


def test_a_member_without_a_preference_gets_the_language_they_last_browsed_in(client, seminar, mailoutbox):
    member = UserFactory(preferred_language="")
    browse(client, member, "fr")
    member.refresh_from_db()
    assert (member.preferred_language, member.last_language) == ("", "fr")

    registration = services.register(member, seminar)
    notices.registration_confirmed(registration)
    french = SeminarPage.objects.get(locale__language_code="fr", translation_key=seminar.translation_key)
    assert_in_language(mailoutbox[-1], "fr", "Bonjour", "Vous êtes inscrit à « Séminaire »")
    assert links(mailoutbox[-1]) == [f"{SITE}{french.url}"]
    assert checkin_code(mailoutbox[-1]) == [f"{SITE}/fr/seminar/check-in/{registration.checkin_token}/"]

    notices.reminder(registration, 7)
    assert_in_language(mailoutbox[-1], "fr", "Rappel", "dans 7 jours")


def test_the_chosen_language_wins_over_the_last_one_used(client, seminar, mailoutbox):
    member = UserFactory(preferred_language="en")
    browse(client, member, "fr")
    registration = services.register(member, seminar)
    notices.registration_confirmed(registration)
    assert_in_language(mailoutbox[-1], "en", "Hello", "You are registered")
    assert checkin_code(mailoutbox[-1]) == [f"{SITE}/en/seminar/check-in/{registration.checkin_token}/"]


def test_without_preference_nor_visit_the_site_language_is_used(seminar, mailoutbox):
    member = UserFactory(preferred_language="")
    notices.registration_confirmed(services.register(member, seminar))
    assert_in_language(mailoutbox[-1], "ar", "مرحبًا")


def test_a_seminar_in_one_language_only_is_linked_as_it_is(calendars, mailoutbox):
    """No translation to link to: the text stays in the member's language, the link goes to the only page."""
    only_french = build_seminar(calendars["fr"], title="Atelier")
    member = UserFactory(preferred_language="en")
    notices.registration_confirmed(services.register(member, only_french))
    assert "You are registered" in mailoutbox[-1].body
    assert links(mailoutbox[-1]) == [f"{SITE}{only_french.url}"]


def test_promotion_from_the_waiting_list_attaches_the_check_in_code(
    client, calendars, django_capture_on_commit_callbacks, mailoutbox
):
    seminar = translated_seminar(calendars, capacity=1)
    seated, waiting = UserFactory(), UserFactory(preferred_language="")
    browse(client, waiting, "fr")
    with django_capture_on_commit_callbacks(execute=True):
        services.register(seated, seminar)
        registration = services.register(waiting, seminar)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(seated, seminar)
    (message,) = mailoutbox
    assert message.to == [waiting.email]
    assert_in_language(message, "fr", "Une place s'est libérée", "Votre code d'accueil est joint")
    assert checkin_code(message) == [f"{SITE}/fr/seminar/check-in/{registration.checkin_token}/"]


def test_certificate_mail_follows_the_last_language_used(client, catalogues, mailoutbox):
    member = UserFactory(preferred_language="")
    browse(client, member, "en")
    member.refresh_from_db()
    course, _lessons = build_course(catalogues["ar"], lessons=0, title="دورة")
    certificate, _created = certificates.issue_for_course(member, course, render_in_background=False)
    certificate_notices.certificate_ready(certificate)
    assert_in_language(mailoutbox[-1], "en", "Congratulations")
    assert links(mailoutbox[-1]) == [
        f"{SITE}/en/certificates/",
        f"{SITE}/en/verify/{certificate.public_id}/",
    ]


def test_signing_up_records_the_language_used_without_making_it_a_preference(client, mailoutbox):
    response = client.post(
        "/fr/accounts/signup/",
        {
            "email": "nour@example.dz",
            "full_name_latin": "Nour Amrani",
            "password1": "une phrase de passe longue",
            "password2": "une phrase de passe longue",
        },
    )
    assert response.status_code == 302
    member = User.objects.get(email="nour@example.dz")
    assert (member.preferred_language, member.last_language) == ("", "fr")
    assert mailoutbox[-1].extra_headers.get("Content-Language") == "fr"
    assert all("/fr/accounts/confirm-email/" in link for link in links(mailoutbox[-1]))


@pytest.mark.parametrize(
    ("preferred", "last", "page", "expected"),
    [
        ("fr", "en", "ar", "fr"),  # the choice wins
        ("", "en", "ar", "en"),  # then the language last used on the site
        ("", "", "en", "en"),  # then the page the request comes from
    ],
)
def test_account_mails_follow_the_member_not_the_page_they_were_asked_from(
    client, mailoutbox, preferred, last, page, expected
):
    member = UserFactory(preferred_language=preferred, last_language=last)
    assert client.post(f"/{page}/accounts/password/reset/", {"email": member.email}).status_code == 302
    message = mailoutbox[-1]
    assert message.to == [member.email] and message.extra_headers.get("Content-Language") == expected
    (link,) = links(message)
    assert link.startswith(f"{SITE}/{expected}/accounts/password/reset/key/")
    # The link in the member's language works.
    assert client.get(link.removeprefix(SITE), follow=True).status_code == 200


def test_verification_mail_in_the_members_language(client, mailoutbox):
    member = UserFactory(preferred_language="fr")
    EmailAddress.objects.filter(user=member).update(verified=False)
    client.post("/en/accounts/login/", {"login": member.email, "password": "correct-horse-battery"})
    message = mailoutbox[-1]
    assert "/en/" not in message.body
    assert all(link.startswith(f"{SITE}/fr/accounts/confirm-email/") for link in links(message))
    assert message.extra_headers.get("Content-Language") == "fr"


def test_only_a_signed_in_members_page_views_are_recorded_and_only_when_the_language_changes(client, homes):
    member = UserFactory(preferred_language="")
    client.get("/fr/")
    assert User.objects.get(pk=member.pk).last_language == ""  # an anonymous visit is nobody's
    client.force_login(member)
    assert client.get("/fr/no-such-page/").status_code == 404
    assert User.objects.get(pk=member.pk).last_language == ""
    client.get("/en/")
    assert User.objects.get(pk=member.pk).last_language == "en"
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/")
    assert not [query for query in queries if query["sql"].startswith("UPDATE") and "accounts_user" in query["sql"]]


def test_the_admins_second_password_reset_door_is_closed(client, mailoutbox):
    """allauth's throttled reset (in the member's language) is the only one: Wagtail's sent an unthrottled mail."""
    staff = UserFactory(is_staff=True)
    response = client.post("/admin/password_reset/", {"email": staff.email}, follow=True)
    assert response.status_code == 404
    assert mailoutbox == []
