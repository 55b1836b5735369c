"""A mistaken attendance mark is corrected by an Observatory admin, one person at a time and after a confirmation,
because the correction revokes the attendance certificate publicly. A checklist opened earlier never undoes what
happened since (a QR check-in, a correction), and marking the person present again makes the certificate that
the correction revoked valid again — never one an admin revoked for another reason."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from certificates.models import Certificate
from seminars import services
from seminars.enums import RegistrationStatus
from tests.factories import UserFactory

from .attendance import (
    CORRECTED,
    check_in,
    checklist,
    client,
    form_as_sent,
    message,
    second_person,
    status,
    verification,
)

pytestmark = pytest.mark.django_db


def test_a_checklist_opened_before_a_qr_check_in_does_not_withdraw_it(
    started, admin, django_capture_on_commit_callbacks
):
    seminar, trainer, member, registration = started
    other = second_person(seminar)
    admin_client = client(admin)
    old_page = admin_client.get(checklist(seminar)).content.decode()
    sent = form_as_sent(old_page)
    assert "present" not in sent  # nobody was ticked when the admin opened the list

    check_in(trainer, registration, django_capture_on_commit_callbacks)  # Nadia arrives, her code is scanned
    certificate = Certificate.objects.get(recipient=member)
    assert verification(certificate) == "valid"

    # The admin ticks Karim on the list they opened before, and saves it.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(checklist(seminar), {**sent, "present": [str(other.pk)]})
    assert response.status_code == 302 and message(response) == "Attendance saved."
    assert (status(registration), status(other)) == (RegistrationStatus.ATTENDED, RegistrationStatus.ATTENDED)
    certificate.refresh_from_db()
    assert not certificate.is_revoked and verification(certificate) == "valid"


def test_a_checklist_opened_before_a_correction_does_not_mark_the_person_again(
    started, admin, django_capture_on_commit_callbacks
):
    seminar, _trainer, member, registration = started
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_attended(registration)
    admin_client = client(admin)
    sent = form_as_sent(admin_client.get(checklist(seminar)).content.decode())

    with django_capture_on_commit_callbacks(execute=True):  # another admin corrects the mark meanwhile
        services.withdraw_attendance(registration, UserFactory(groups=["Observatory admins"]))
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(checklist(seminar), sent).status_code == 302
    assert status(registration) == RegistrationStatus.REGISTERED
    assert Certificate.objects.get(recipient=member).is_revoked


def test_an_admin_corrects_a_mark_after_confirming_and_the_certificate_is_revoked(
    started, admin, django_capture_on_commit_callbacks
):
    seminar, trainer, member, registration = started
    check_in(trainer, registration, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(recipient=member)
    correction = f"/en/seminar/{seminar.pk}/attendance/{registration.pk}/correct/"

    # The trainer sees the mark locked, has no way to correct it, and the correction's address refuses them.
    trainer_client = client(trainer)
    page = BeautifulSoup(trainer_client.get(checklist(seminar)).content.decode(), "html.parser")
    box = page.select_one(f"input[name=present][value='{registration.pk}']")
    assert box.has_attr("checked") and box.has_attr("disabled")
    assert page.select(f"a[href='{correction}']") == []
    assert trainer_client.get(correction).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        assert trainer_client.post(correction, {"marked_at": "x"}).status_code == 403
    assert status(registration) == RegistrationStatus.ATTENDED

    # The admin's list also locks the box (a slip of the thumb cannot revoke), and offers the correction.
    admin_client = client(admin)
    page = BeautifulSoup(admin_client.get(checklist(seminar)).content.decode(), "html.parser")
    box = page.select_one(f"input[name=present][value='{registration.pk}']")
    assert box.has_attr("checked") and box.has_attr("disabled")
    assert [link.get_text(" ", strip=True) for link in page.select(f"a[href='{correction}']")] == [
        "Not present? Nadia Saidi"
    ]
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(checklist(seminar), {})  # saving the list with nothing ticked changes nothing
    assert status(registration) == RegistrationStatus.ATTENDED

    confirmation = admin_client.get(correction)
    assert confirmation.status_code == 200
    text = BeautifulSoup(confirmation.content, "html.parser").select_one("main").get_text(" ", strip=True)
    assert "Nadia Saidi" in text and "revoked" in text and "verification page" in text
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(correction, form_as_sent(confirmation.content.decode(), "main form"))
    assert (response.status_code, response["Location"]) == (302, checklist(seminar))
    assert (
        message(response)
        == "Nadia Saidi is no longer marked present; their attendance certificate, if one was issued, is revoked."
    )
    assert status(registration) == RegistrationStatus.REGISTERED
    certificate.refresh_from_db()
    assert (certificate.is_revoked, certificate.revoked_by, certificate.revoked_reason) == (True, admin, CORRECTED)
    assert verification(certificate) == "revoked"
    assert CORRECTED in Client().get(f"/en/verify/{certificate.public_id}/").content.decode()
    # Its page in the admin says why, and still lets an admin revoke it for a reason of their own.
    detail = admin_client.get(f"/admin/certificates/{certificate.public_id}/").content.decode()
    assert "Revoked by an attendance correction: marking the person present again makes it valid again." in detail
    assert 'name="reason"' in detail

    # The person is back in the list, unticked, and nothing is left to correct.
    page = BeautifulSoup(admin_client.get(checklist(seminar)).content.decode(), "html.parser")
    box = page.select_one(f"input[name=present][value='{registration.pk}']")
    assert not box.has_attr("checked") and not box.has_attr("disabled")
    response = admin_client.get(correction)
    assert (response.status_code, response["Location"]) == (302, checklist(seminar))
    assert message(response) == "Nadia Saidi is not marked present."


def test_a_confirmation_opened_before_the_person_was_checked_in_again_corrects_nothing(
    started, admin, django_capture_on_commit_callbacks
):
    seminar, trainer, member, registration = started
    check_in(trainer, registration, django_capture_on_commit_callbacks)
    correction = f"/en/seminar/{seminar.pk}/attendance/{registration.pk}/correct/"
    admin_client = client(admin)
    sent = form_as_sent(admin_client.get(correction).content.decode(), "main form")

    # Meanwhile another admin corrects the mark, and Nadia really arrives and is checked in again.
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_attendance(registration, UserFactory(groups=["Observatory admins"]))
    check_in(trainer, registration, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(correction, sent)
    assert (response.status_code, response["Location"]) == (302, checklist(seminar))
    assert message(response) == (
        "Nadia Saidi's attendance was recorded again after you opened this page: nothing was corrected."
    )
    assert status(registration) == RegistrationStatus.ATTENDED
    assert verification(Certificate.objects.get(recipient=member)) == "valid"


def test_a_correction_is_refused_for_a_registration_of_another_seminar_and_for_altered_forms(
    started, admin, calendars, django_capture_on_commit_callbacks
):
    from tests.factories.seminars import build_seminar

    seminar, _trainer, _member, registration = started
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_attended(registration)
    elsewhere = build_seminar(calendars["fr"], title="Autre séminaire")
    admin_client = client(admin)
    assert admin_client.get(f"/en/seminar/{elsewhere.pk}/attendance/{registration.pk}/correct/").status_code == 404
    assert admin_client.post(f"/en/seminar/{elsewhere.pk}/attendance/{registration.pk}/correct/").status_code == 404
    correction = f"/en/seminar/{seminar.pk}/attendance/{registration.pk}/correct/"
    for altered in ({}, {"marked_at": "yesterday"}, {"marked_at": "2026-13-45T99:00:00+01:00"}):
        response = admin_client.post(correction, altered)
        assert (response.status_code, response["Location"]) == (302, checklist(seminar)), altered
        assert message(response) == "The page was altered; open it again from the list."
    assert admin_client.put(correction).status_code == 405
    assert status(registration) == RegistrationStatus.ATTENDED
