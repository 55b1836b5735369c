"""Attendance is recorded only from shortly before a seminar starts, and issues the attendance certificate.
(Corrections of a mistaken mark: test_attendance_corrections.py.)"""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from certificates.models import Certificate
from seminars import services
from seminars.enums import RegistrationStatus
from seminars.models import Registration, SeminarPage
from tests.factories import UserFactory
from tests.factories.seminars import reschedule

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


def _record(client, path, seminar, registration):
    if path == "checklist":
        return client.post(f"/en/seminar/{seminar.pk}/attendance/", {"present": [registration.pk]})
    return client.post(f"/en/seminar/check-in/{registration.checkin_token}/", **JSON)


def _message(response):
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


@pytest.mark.parametrize("path", ["checklist", "qr"])
@pytest.mark.parametrize("starts_in", [timedelta(days=10), timedelta(minutes=70)])
def test_attendance_before_the_seminar_is_refused_and_issues_nothing(
    client, people, path, starts_in, mailoutbox, django_capture_on_commit_callbacks
):
    seminar, trainer, _member, registration = people
    reschedule(seminar, starts_in)
    mailoutbox.clear()
    client.force_login(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = _record(client, path, seminar, registration)
    opens = timezone.localtime(timezone.now() + starts_in - timedelta(hours=1)).strftime("%d/%m/%Y %H:%M")
    if path == "checklist":
        assert response.status_code == 302
        assert _message(response) == f"Attendance can be recorded from {opens}."
    else:
        assert response.status_code == 409
        assert response.json() == {"ok": False, "message": f"Attendance can be recorded from {opens}."}
    assert Registration.objects.get(pk=registration.pk).status == RegistrationStatus.REGISTERED
    assert not Certificate.objects.exists() and mailoutbox == []
    with pytest.raises(services.AttendanceError):
        services.mark_attended(registration)


@pytest.mark.parametrize("path", ["checklist", "qr"])
@pytest.mark.parametrize(
    "starts_in", [timedelta(minutes=50), timedelta(hours=-2), timedelta(days=-1)], ids=["soon", "during", "after"]
)
def test_attendance_from_an_hour_before_issues_the_certificate(
    client, people, path, starts_in, mailoutbox, django_capture_on_commit_callbacks
):
    seminar, trainer, member, registration = people
    reschedule(seminar, starts_in)
    mailoutbox.clear()
    client.force_login(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = _record(client, path, seminar, registration)
    assert response.status_code == (302 if path == "checklist" else 200)
    assert Registration.objects.get(pk=registration.pk).status == RegistrationStatus.ATTENDED
    certificate = Certificate.objects.get(recipient=member, kind="seminar")
    assert [message.to for message in mailoutbox] == [[member.email]]
    assert 'data-certificate-status="valid"' in client.get(f"/en/verify/{certificate.public_id}/").content.decode()


def test_a_cancelled_seminar_takes_no_attendance(people):
    seminar, _trainer, _member, registration = people
    reschedule(seminar, timedelta(hours=-1))
    SeminarPage.objects.filter(pk=seminar.pk).update(status="cancelled")
    with pytest.raises(services.AttendanceError):
        services.mark_attended(Registration.objects.get(pk=registration.pk))
    assert Registration.objects.get(pk=registration.pk).status == RegistrationStatus.REGISTERED


def test_a_correction_during_the_issuing_task_still_revokes(people, monkeypatch, django_capture_on_commit_callbacks):
    """The admin unticks while the worker is issuing: the revocation found nothing yet, so the task revokes."""
    from certificates import services as certificates
    from certificates import tasks

    seminar, _trainer, member, registration = people
    reschedule(seminar, timedelta(hours=-1))
    services.mark_attended(Registration.objects.get(pk=registration.pk))  # on_commit not run: no task yet
    real_issue = certificates.issue_for_attendance

    def issue_then_corrected(registration, render_in_background=True):
        issued = real_issue(registration, render_in_background)
        Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.REGISTERED)
        return issued

    monkeypatch.setattr(certificates, "issue_for_attendance", issue_then_corrected)
    tasks.issue_attendance(registration.pk)
    assert Certificate.objects.get(recipient=member).is_revoked


def test_certificates_are_not_issued_in_bulk_before_the_seminar(client, people, django_capture_on_commit_callbacks):
    from certificates import tasks

    seminar, _trainer, _member, registration = people
    # Marked present under the old rules, ten days early.
    Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.ATTENDED)
    client.force_login(UserFactory(groups=["Observatory admins"], preferred_language="en"))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/certificates/seminar/{seminar.pk}/issue/")
    assert response.status_code == 302
    assert _message(response).startswith(
        "No attendance certificate can be issued yet. Attendance can be recorded from "
    )
    assert tasks.issue_attendance(registration.pk) is None
    assert not Certificate.objects.exists()


ROLES = ["trainer of the seminar", "another trainer", "editor", "editor who wrote the page", "admin", "anonymous"]


def _user(role, seminar):
    if role == "anonymous":
        return None
    if role == "trainer of the seminar":
        return seminar.trainers.get()
    if role == "editor who wrote the page":
        editor = UserFactory(groups=["Editors"])
        SeminarPage.objects.filter(pk=seminar.pk).update(owner=editor)
        return editor
    group = {"another trainer": "Trainers", "editor": "Editors", "admin": "Observatory admins"}[role]
    return UserFactory(groups=[group])


ORGANISER = {"trainer of the seminar": 200, "editor who wrote the page": 200, "admin": 200}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_take_attendance(client, people, role):
    seminar, _trainer, _member, registration = people
    reschedule(seminar, timedelta(minutes=-30))
    user = _user(role, seminar)
    if user:
        client.force_login(user)
    urls = {
        ("get", f"/en/seminar/{seminar.pk}/attendance/"): ORGANISER,
        ("post", f"/en/seminar/{seminar.pk}/attendance/"): dict.fromkeys(ORGANISER, 302),
        ("get", f"/en/seminar/{seminar.pk}/scan/"): ORGANISER,
        ("get", f"/en/seminar/{seminar.pk}/registrations.csv"): ORGANISER,
        ("get", f"/en/seminar/check-in/{registration.checkin_token}/"): ORGANISER,
        ("get", f"/admin/seminars/{seminar.pk}/registrations/"): ORGANISER,
        ("post", f"/admin/certificates/seminar/{seminar.pk}/issue/"): {"admin": 302},
        # Correcting a mark: Observatory admins only (nobody is marked yet: back to the list; nothing posted: refused).
        ("get", f"/en/seminar/{seminar.pk}/attendance/{registration.pk}/correct/"): {"admin": 302},
        ("post", f"/en/seminar/{seminar.pk}/attendance/{registration.pk}/correct/"): {"admin": 302},
    }
    for (method, url), allowed in urls.items():
        in_admin = url.startswith("/admin/")
        response = getattr(client, method)(url)
        if role in allowed:
            assert response.status_code == allowed[role], f"{role}: {method.upper()} {url}"
        elif user is None:  # to the sign-in page (the admin's door leads on to the site's)
            door = "/admin/login/?next=" if in_admin else "/en/accounts/login/?next="
            assert response.status_code == 302 and response["Location"].startswith(door), url
        elif in_admin:  # Wagtail's admin answers a refusal by going back to the dashboard with a message
            assert (response.status_code, response["Location"]) == (302, "/admin/"), f"{role}: {url}"
        else:
            assert response.status_code == 403, f"{role}: {method.upper()} {url}"
    # Checking someone in last: it changes the registration.
    answer = client.post(f"/en/seminar/check-in/{registration.checkin_token}/", **JSON)
    expected = 302 if user is None else 200 if role in ORGANISER else 403
    assert answer.status_code == expected
    attended = Registration.objects.get(pk=registration.pk).status == RegistrationStatus.ATTENDED
    assert attended == (role in ORGANISER)
