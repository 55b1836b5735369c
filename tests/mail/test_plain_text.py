"""Every plain-text e-mail the platform sends shows names and titles as they are written, never HTML-escaped
("Hello Zoe O&#x27;Hara"), whoever renders it: our notices, allauth or Wagtail's moderation notifications."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.template.loader import render_to_string

from certificates import notices as certificate_notices
from certificates import services as certificates
from seminars import notices as seminar_notices
from seminars import services as seminars
from tests.factories import UserFactory, build_course
from tests.factories.seminars import build_seminar

pytestmark = pytest.mark.django_db

TITLE = "Droits & devoirs <2026> d'une association"
PEOPLE = {
    # (factory fields, the name as the greeting shows it)
    "apostrophe": ({"full_name_latin": "Zoe O'Hara", "first_name": ""}, "Zoe O'Hara"),
    # Only the admin's first/last name fields accept "<" (the full-name fields refuse it).
    "angle bracket": (
        {"full_name_latin": "", "full_name_arabic": "", "first_name": "Zed <Z>", "last_name": "Zeroual"},
        "Zed <Z>",
    ),
}
ESCAPES = re.compile(r"&(?:#x?[0-9a-fA-F]+|lt|gt|amp|quot|apos);")


@pytest.fixture(params=PEOPLE, ids=list(PEOPLE))
def person(request):
    fields, shown = PEOPLE[request.param]
    return UserFactory(preferred_language="en", **fields), shown


def _registration(calendars, user, status="registered"):
    seminar = build_seminar(calendars["fr"], title=TITLE, capacity=1 if status == "waitlisted" else 10)
    if status == "waitlisted":
        seminars.register(UserFactory(), seminar)
    return seminars.register(user, seminar)


def seminar_registered(calendars, user):
    seminar_notices.registration_confirmed(_registration(calendars, user))


def seminar_waitlisted(calendars, user):
    seminar_notices.registration_confirmed(_registration(calendars, user, "waitlisted"))


def seminar_promoted(calendars, user):
    seminar_notices.promoted(_registration(calendars, user))


def seminar_reminder_tomorrow(calendars, user):
    seminar_notices.reminder(_registration(calendars, user), 1)


def seminar_reminder_in_a_week(calendars, user):
    seminar_notices.reminder(_registration(calendars, user), 7)


def seminar_changed(calendars, user):
    seminar_notices.seminar_changed(_registration(calendars, user), cancelled=False)


def seminar_cancelled(calendars, user):
    seminar_notices.seminar_changed(_registration(calendars, user), cancelled=True)


SENDERS = [
    seminar_registered,
    seminar_waitlisted,
    seminar_promoted,
    seminar_reminder_tomorrow,
    seminar_reminder_in_a_week,
    seminar_changed,
    seminar_cancelled,
]


def assert_plain(message, *expected):
    for part in (message.subject, message.body):
        assert not ESCAPES.search(part), part
    for text in expected:
        assert text in message.subject + "\n" + message.body, message.body
    assert message.content_subtype == "plain"


@pytest.mark.parametrize("send", SENDERS, ids=lambda send: send.__name__)
def test_seminar_emails_show_names_and_titles_as_written(calendars, person, send, mailoutbox):
    user, shown = person
    send(calendars, user)
    assert [message.to for message in mailoutbox] == [[user.email]]
    assert_plain(mailoutbox[0], f"Hello {shown}", TITLE)


def test_certificate_email_shows_names_and_titles_as_written(catalogues, person, mailoutbox):
    user, shown = person
    course, _lessons = build_course(catalogues["fr"], lessons=0, title=TITLE)
    certificate, _created = certificates.issue_for_course(user, course, render_in_background=False)
    certificate_notices.certificate_ready(certificate)
    assert [message.to for message in mailoutbox] == [[user.email]]
    assert_plain(mailoutbox[0], f"Hello {shown}", TITLE)


def test_signup_confirmation_shows_the_name_as_written(client, mailoutbox):
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "zoe.o'hara@example.dz",
            "full_name_latin": "Zoe O'Hara",
            "password1": "a long enough pass phrase",
            "password2": "a long enough pass phrase",
        },
    )
    assert response.status_code == 302
    assert_plain(mailoutbox[-1], "user Zoe O'Hara has given")


def test_verification_reset_and_unknown_account_emails_are_plain(client, person, mailoutbox):
    user, shown = person
    EmailAddress.objects.filter(user=user).update(verified=False)
    client.post("/en/accounts/login/", {"login": user.email, "password": "correct-horse-battery"})
    assert_plain(mailoutbox[-1], shown, "/en/accounts/confirm-email/")
    client.post("/en/accounts/password/reset/", {"email": user.email})
    assert_plain(mailoutbox[-1], "/en/accounts/password/reset/key/")
    client.post("/en/accounts/password/reset/", {"email": "nobody.o'neil@example.dz"})
    assert_plain(mailoutbox[-1], "nobody.o'neil@example.dz", "/en/accounts/signup/")
    assert [message.to for message in mailoutbox] == [[user.email], [user.email], ["nobody.o'neil@example.dz"]]


def test_moderation_emails_greet_people_by_their_name_as_written(catalogues, person, mailoutbox):
    moderator, shown = person
    moderator.is_superuser = moderator.is_staff = True
    moderator.save()
    trainer = UserFactory(groups=["Trainers"], full_name_latin="Nour O'Neil", first_name="")
    course, _lessons = build_course(catalogues["en"], lessons=0, title=TITLE)
    course.save_revision(user=trainer)
    workflow = course.get_workflow()
    workflow.start(course, trainer)
    greetings = {message.to[0]: message for message in mailoutbox}
    assert_plain(greetings[moderator.email], f"Hello {shown},", TITLE)
    mailoutbox.clear()
    task_state = course.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    greetings = {message.to[0]: message for message in mailoutbox}
    assert_plain(greetings[trainer.email], "Hello Nour O'Neil,", TITLE)


@pytest.mark.parametrize(
    "template",
    [
        "seminars/email/registered.txt",
        "account/email/email_confirmation_message.txt",
        "wagtailadmin/notifications/base.txt",
    ],
)
def test_a_text_template_is_never_escaped_whoever_renders_it(template):
    user = UserFactory(full_name_latin="Zoe O'Hara", first_name="")
    text = render_to_string(template, {"user": user, "seminar": {"title": TITLE}, "registration": {}})
    assert "Zoe O'Hara" in text and not ESCAPES.search(text)


def test_html_stays_escaped():
    from django.template import engines

    html = engines["django"].from_string("<p>{{ name }}</p>").render({"name": "Zed <Z> O'Hara"})
    assert html == "<p>Zed &lt;Z&gt; O&#x27;Hara</p>"
    # A text template included in a page is escaped with the page.
    page = engines["django"].from_string('<p>{% include "seminars/email/reminder_subject.txt" %}</p>')
    assert page.render({"title": "<b>x</b>"}) == "<p>Reminder: &lt;b&gt;x&lt;/b&gt;\n</p>"


def test_allauth_messages_rendered_from_text_templates_stay_escaped_on_the_page(client):
    """allauth builds its flash messages from *.txt templates; the page that shows them must still escape them."""
    user = UserFactory(full_name_latin="", full_name_arabic="", first_name="Zed <b>Z</b>", last_name="Zeroual")
    response = client.post(
        "/en/accounts/login/", {"login": user.email, "password": "correct-horse-battery"}, follow=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Zed &lt;b&gt;Z&lt;/b&gt; Zeroual" in page and "<b>Z</b>" not in page
