"""A mistaken attendance mark is corrected by an Observatory admin, one person at a time and after a confirmation,
because the correction revokes the attendance certificate publicly. A checklist opened earlier never undoes what
happened since (a QR check-in, a correction), and marking the person present again makes the certificate that
the correction revoked valid again — never one an admin revoked for another reason."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.test import Client

from certificates.models import Certificate
from seminars import services
from seminars.enums import RegistrationStatus
from seminars.models import Registration
from tests.factories import UserFactory
from tests.factories.seminars import reschedule

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}
CORRECTED = "Attendance corrected: the holder was not recorded present."


@pytest.fixture
def started(people):
    """The seminar started an hour ago: attendance can be taken."""
    seminar, trainer, member, registration = people
    reschedule(seminar, timedelta(hours=-1))
    return seminar, trainer, member, Registration.objects.get(pk=registration.pk)


@pytest.fixture
def admin():
    return UserFactory(groups=["Observatory admins"], preferred_language="en")


def _client(user):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def _checklist(seminar):
    return f"/en/seminar/{seminar.pk}/attendance/"


def _form_as_sent(html, form_selector="main form"):
    """What the browser sends from this page when the user changes nothing: hidden fields and the boxes it can send
    (ticked and not disabled)."""
    form = BeautifulSoup(html, "html.parser").select_one(form_selector)
    data = {}
    for field in form.select("input[name]"):
        kind = field.get("type", "text")
        if field.has_attr("disabled") or (kind == "checkbox" and not field.has_attr("checked")):
            continue
        data.setdefault(field["name"], []).append(field.get("value", "on"))
    return data


def _check_in(user, registration, capture):
    with capture(execute=True):
        response = _client(user).post(f"/en/seminar/check-in/{registration.checkin_token}/", **JSON)
    assert response.status_code == 200 and response.json()["ok"] is True


def _status(registration):
    return Registration.objects.get(pk=registration.pk).status


def _verification(certificate):
    html = Client().get(f"/en/verify/{certificate.public_id}/").content.decode()
    return BeautifulSoup(html, "html.parser").select_one("[data-certificate-status]")["data-certificate-status"]


def _message(response):
    """The message this response added (earlier ones wait for a page to show them)."""
    return str(list(get_messages(response.wsgi_request))[-1])


def _second_person(seminar, name="Karim Hadj"):
    return services.register(UserFactory(full_name_latin=name, preferred_language="fr"), seminar)


def test_a_checklist_opened_before_a_qr_check_in_does_not_withdraw_it(
    started, admin, django_capture_on_commit_callbacks
):
    seminar, trainer, member, registration = started
    other = _second_person(seminar)
    admin_client = _client(admin)
    old_page = admin_client.get(_checklist(seminar)).content.decode()
    sent = _form_as_sent(old_page)
    assert "present" not in sent  # nobody was ticked when the admin opened the list

    _check_in(trainer, registration, django_capture_on_commit_callbacks)  # Nadia arrives, her code is scanned
    certificate = Certificate.objects.get(recipient=member)
    assert _verification(certificate) == "valid"

    # The admin ticks Karim on the list they opened before, and saves it.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(_checklist(seminar), {**sent, "present": [str(other.pk)]})
    assert response.status_code == 302 and _message(response) == "Attendance saved."
    assert (_status(registration), _status(other)) == (RegistrationStatus.ATTENDED, RegistrationStatus.ATTENDED)
    certificate.refresh_from_db()
    assert not certificate.is_revoked and _verification(certificate) == "valid"


def test_a_checklist_opened_before_a_correction_does_not_mark_the_person_again(
    started, admin, django_capture_on_commit_callbacks
):
    seminar, _trainer, member, registration = started
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_attended(registration)
    admin_client = _client(admin)
    sent = _form_as_sent(admin_client.get(_checklist(seminar)).content.decode())

    with django_capture_on_commit_callbacks(execute=True):  # another admin corrects the mark meanwhile
        services.withdraw_attendance(registration, UserFactory(groups=["Observatory admins"]))
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(_checklist(seminar), sent).status_code == 302
    assert _status(registration) == RegistrationStatus.REGISTERED
    assert Certificate.objects.get(recipient=member).is_revoked


def test_an_admin_corrects_a_mark_after_confirming_and_the_certificate_is_revoked(
    started, admin, django_capture_on_commit_callbacks
):
    seminar, trainer, member, registration = started
    _check_in(trainer, registration, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(recipient=member)
    correction = f"/en/seminar/{seminar.pk}/attendance/{registration.pk}/correct/"

    # The trainer sees the mark locked, has no way to correct it, and the correction's address refuses them.
    trainer_client = _client(trainer)
    page = BeautifulSoup(trainer_client.get(_checklist(seminar)).content.decode(), "html.parser")
    box = page.select_one(f"input[name=present][value='{registration.pk}']")
    assert box.has_attr("checked") and box.has_attr("disabled")
    assert page.select(f"a[href='{correction}']") == []
    assert trainer_client.get(correction).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        assert trainer_client.post(correction, {"marked_at": "x"}).status_code == 403
    assert _status(registration) == RegistrationStatus.ATTENDED

    # The admin's list also locks the box (a slip of the thumb cannot revoke), and offers the correction.
    admin_client = _client(admin)
    page = BeautifulSoup(admin_client.get(_checklist(seminar)).content.decode(), "html.parser")
    box = page.select_one(f"input[name=present][value='{registration.pk}']")
    assert box.has_attr("checked") and box.has_attr("disabled")
    assert [link.get_text(" ", strip=True) for link in page.select(f"a[href='{correction}']")] == [
        "Not present? Nadia Saidi"
    ]
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(_checklist(seminar), {})  # saving the list with nothing ticked changes nothing
    assert _status(registration) == RegistrationStatus.ATTENDED

    confirmation = admin_client.get(correction)
    assert confirmation.status_code == 200
    text = BeautifulSoup(confirmation.content, "html.parser").select_one("main").get_text(" ", strip=True)
    assert "Nadia Saidi" in text and "revoked" in text and "verification page" in text
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(correction, _form_as_sent(confirmation.content.decode(), "main form"))
    assert (response.status_code, response["Location"]) == (302, _checklist(seminar))
    assert (
        _message(response)
        == "Nadia Saidi is no longer marked present; their attendance certificate, if one was issued, is revoked."
    )
    assert _status(registration) == RegistrationStatus.REGISTERED
    certificate.refresh_from_db()
    assert (certificate.is_revoked, certificate.revoked_by, certificate.revoked_reason) == (True, admin, CORRECTED)
    assert _verification(certificate) == "revoked"
    assert CORRECTED in Client().get(f"/en/verify/{certificate.public_id}/").content.decode()
    # Its page in the admin says why, and still lets an admin revoke it for a reason of their own.
    detail = admin_client.get(f"/admin/certificates/{certificate.public_id}/").content.decode()
    assert "Revoked by an attendance correction: marking the person present again makes it valid again." in detail
    assert 'name="reason"' in detail

    # The person is back in the list, unticked, and nothing is left to correct.
    page = BeautifulSoup(admin_client.get(_checklist(seminar)).content.decode(), "html.parser")
    box = page.select_one(f"input[name=present][value='{registration.pk}']")
    assert not box.has_attr("checked") and not box.has_attr("disabled")
    response = admin_client.get(correction)
    assert (response.status_code, response["Location"]) == (302, _checklist(seminar))
    assert _message(response) == "Nadia Saidi is not marked present."


def test_a_confirmation_opened_before_the_person_was_checked_in_again_corrects_nothing(
    started, admin, django_capture_on_commit_callbacks
):
    seminar, trainer, member, registration = started
    _check_in(trainer, registration, django_capture_on_commit_callbacks)
    correction = f"/en/seminar/{seminar.pk}/attendance/{registration.pk}/correct/"
    admin_client = _client(admin)
    sent = _form_as_sent(admin_client.get(correction).content.decode(), "main form")

    # Meanwhile another admin corrects the mark, and Nadia really arrives and is checked in again.
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_attendance(registration, UserFactory(groups=["Observatory admins"]))
    _check_in(trainer, registration, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(correction, sent)
    assert (response.status_code, response["Location"]) == (302, _checklist(seminar))
    assert _message(response) == (
        "Nadia Saidi's attendance was recorded again after you opened this page: nothing was corrected."
    )
    assert _status(registration) == RegistrationStatus.ATTENDED
    assert _verification(Certificate.objects.get(recipient=member)) == "valid"


def test_a_correction_is_refused_for_a_registration_of_another_seminar_and_for_altered_forms(
    started, admin, calendars, django_capture_on_commit_callbacks
):
    from tests.factories.seminars import build_seminar

    seminar, _trainer, _member, registration = started
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_attended(registration)
    elsewhere = build_seminar(calendars["fr"], title="Autre séminaire")
    admin_client = _client(admin)
    assert admin_client.get(f"/en/seminar/{elsewhere.pk}/attendance/{registration.pk}/correct/").status_code == 404
    assert admin_client.post(f"/en/seminar/{elsewhere.pk}/attendance/{registration.pk}/correct/").status_code == 404
    correction = f"/en/seminar/{seminar.pk}/attendance/{registration.pk}/correct/"
    for altered in ({}, {"marked_at": "yesterday"}, {"marked_at": "2026-13-45T99:00:00+01:00"}):
        response = admin_client.post(correction, altered)
        assert (response.status_code, response["Location"]) == (302, _checklist(seminar)), altered
        assert _message(response) == "The page was altered; open it again from the list."
    assert admin_client.put(correction).status_code == 405
    assert _status(registration) == RegistrationStatus.ATTENDED


def _correct(registration, admin, capture):
    with capture(execute=True):
        assert services.withdraw_attendance(Registration.objects.get(pk=registration.pk), admin)


@pytest.mark.parametrize("path", ["checklist", "qr"])
def test_marking_present_after_a_correction_makes_the_same_certificate_valid_again(
    started, admin, path, mailoutbox, django_capture_on_commit_callbacks
):
    seminar, trainer, member, registration = started
    _check_in(trainer, registration, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(recipient=member)
    _correct(registration, admin, django_capture_on_commit_callbacks)
    assert _verification(certificate) == "revoked"
    mailoutbox.clear()

    if path == "qr":
        _check_in(trainer, registration, django_capture_on_commit_callbacks)
    else:
        with django_capture_on_commit_callbacks(execute=True):
            _client(trainer).post(_checklist(seminar), {"present": [registration.pk]})
    assert _status(registration) == RegistrationStatus.ATTENDED
    assert list(Certificate.objects.filter(recipient=member).values_list("pk", flat=True)) == [certificate.pk]
    certificate.refresh_from_db()
    assert (certificate.revoked_at, certificate.revoked_by, certificate.revoked_reason) == (None, None, "")
    assert _verification(certificate) == "valid"
    assert mailoutbox == []  # the holder already has this certificate


def test_a_certificate_revoked_by_an_admin_for_another_reason_stays_revoked(
    started, admin, django_capture_on_commit_callbacks
):
    """Before the correction (the correction keeps the admin's reason) or after it (the admin's reason replaces the
    correction's): marking the person present again does not bring the certificate back."""
    seminar, trainer, member, registration = started
    other = _second_person(seminar)
    for person in (registration, other):
        _check_in(trainer, person, django_capture_on_commit_callbacks)
    first = Certificate.objects.get(recipient=member)
    second = Certificate.objects.get(recipient=other.user)
    admin_client = _client(admin)

    def revoke(certificate):
        response = admin_client.post(f"/admin/certificates/{certificate.public_id}/revoke/", {"reason": "Forged ID"})
        assert response.status_code == 302 and _message(response) == "The certificate is revoked."

    revoke(first)
    _correct(registration, admin, django_capture_on_commit_callbacks)
    _correct(other, admin, django_capture_on_commit_callbacks)
    revoke(second)
    for certificate in (first, second):
        certificate.refresh_from_db()
        assert (certificate.is_revoked, certificate.revoked_reason) == (True, "Forged ID")

    for person in (registration, other):
        _check_in(trainer, person, django_capture_on_commit_callbacks)
    for certificate in (first, second):
        certificate.refresh_from_db()
        assert (certificate.is_revoked, certificate.revoked_reason) == (True, "Forged ID")
        assert _verification(certificate) == "revoked"


def test_a_correction_while_the_certificate_is_being_reinstated_still_revokes(
    started, admin, monkeypatch, django_capture_on_commit_callbacks
):
    from certificates import services as certificates
    from certificates import tasks

    _seminar, trainer, member, registration = started
    _check_in(trainer, registration, django_capture_on_commit_callbacks)
    _correct(registration, admin, django_capture_on_commit_callbacks)
    services.mark_attended(Registration.objects.get(pk=registration.pk))  # on_commit not run: no task yet
    real_issue = certificates.issue_for_attendance

    def issue_then_corrected(registration, render_in_background=True):
        issued = real_issue(registration, render_in_background)
        Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.REGISTERED)
        return issued

    monkeypatch.setattr(certificates, "issue_for_attendance", issue_then_corrected)
    tasks.issue_attendance(registration.pk)
    certificate = Certificate.objects.get(recipient=member)
    assert (certificate.is_revoked, certificate.revoked_reason) == (True, CORRECTED)


def test_a_holder_corrected_before_being_told_is_told_when_marked_present_again(
    started, admin, monkeypatch, mailoutbox, django_capture_on_commit_callbacks
):
    """The correction raced the first issuing task: the certificate exists, revoked, never rendered nor sent."""
    from certificates import services as certificates
    from certificates import tasks

    _seminar, trainer, member, registration = started
    services.mark_attended(Registration.objects.get(pk=registration.pk))  # on_commit not run: no task yet
    real_issue = certificates.issue_for_attendance

    def issue_then_corrected(registration, render_in_background=True):
        issued = real_issue(registration, render_in_background)
        _correct(registration, admin, django_capture_on_commit_callbacks)
        return issued

    with monkeypatch.context() as patch:
        patch.setattr(certificates, "issue_for_attendance", issue_then_corrected)
        tasks.issue_attendance(registration.pk)
    certificate = Certificate.objects.get(recipient=member)
    assert certificate.is_revoked and not certificate.pdf and mailoutbox == []

    _check_in(trainer, registration, django_capture_on_commit_callbacks)
    certificate.refresh_from_db()
    assert not certificate.is_revoked and certificate.pdf and certificate.notified_at is not None
    assert [message.to for message in mailoutbox] == [[member.email]]
    assert _verification(certificate) == "valid"
