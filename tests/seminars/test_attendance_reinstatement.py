"""Marking a person present again after a correction makes the certificate the correction revoked valid again,
never one an admin revoked for another reason, and tells a holder who was never told."""

import pytest

from certificates.models import Certificate
from seminars import services
from seminars.enums import RegistrationStatus
from seminars.models import Registration

from .attendance import CORRECTED, check_in, checklist, client, correct, message, second_person, status, verification

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["checklist", "qr"])
def test_marking_present_after_a_correction_makes_the_same_certificate_valid_again(
    started, admin, path, mailoutbox, django_capture_on_commit_callbacks
):
    seminar, trainer, member, registration = started
    check_in(trainer, registration, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(recipient=member)
    correct(registration, admin, django_capture_on_commit_callbacks)
    assert verification(certificate) == "revoked"
    mailoutbox.clear()

    if path == "qr":
        check_in(trainer, registration, django_capture_on_commit_callbacks)
    else:
        with django_capture_on_commit_callbacks(execute=True):
            client(trainer).post(checklist(seminar), {"present": [registration.pk]})
    assert status(registration) == RegistrationStatus.ATTENDED
    assert list(Certificate.objects.filter(recipient=member).values_list("pk", flat=True)) == [certificate.pk]
    certificate.refresh_from_db()
    assert (certificate.revoked_at, certificate.revoked_by, certificate.revoked_reason) == (None, None, "")
    assert verification(certificate) == "valid"
    assert mailoutbox == []  # the holder already has this certificate


def test_a_certificate_revoked_by_an_admin_for_another_reason_stays_revoked(
    started, admin, django_capture_on_commit_callbacks
):
    """Before the correction (the correction keeps the admin's reason) or after it (the admin's reason replaces the
    correction's): marking the person present again does not bring the certificate back."""
    seminar, trainer, member, registration = started
    other = second_person(seminar)
    for person in (registration, other):
        check_in(trainer, person, django_capture_on_commit_callbacks)
    first = Certificate.objects.get(recipient=member)
    second = Certificate.objects.get(recipient=other.user)
    admin_client = client(admin)

    def revoke(certificate):
        response = admin_client.post(f"/admin/certificates/{certificate.public_id}/revoke/", {"reason": "Forged ID"})
        assert response.status_code == 302 and message(response) == "The certificate is revoked."

    revoke(first)
    correct(registration, admin, django_capture_on_commit_callbacks)
    correct(other, admin, django_capture_on_commit_callbacks)
    revoke(second)
    for certificate in (first, second):
        certificate.refresh_from_db()
        assert (certificate.is_revoked, certificate.revoked_reason) == (True, "Forged ID")

    for person in (registration, other):
        check_in(trainer, person, django_capture_on_commit_callbacks)
    for certificate in (first, second):
        certificate.refresh_from_db()
        assert (certificate.is_revoked, certificate.revoked_reason) == (True, "Forged ID")
        assert verification(certificate) == "revoked"


def test_a_correction_while_the_certificate_is_being_reinstated_still_revokes(
    started, admin, monkeypatch, django_capture_on_commit_callbacks
):
    from certificates import services as certificates
    from certificates import tasks

    _seminar, trainer, member, registration = started
    check_in(trainer, registration, django_capture_on_commit_callbacks)
    correct(registration, admin, django_capture_on_commit_callbacks)
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
        correct(registration, admin, django_capture_on_commit_callbacks)
        return issued

    with monkeypatch.context() as patch:
        patch.setattr(certificates, "issue_for_attendance", issue_then_corrected)
        tasks.issue_attendance(registration.pk)
    certificate = Certificate.objects.get(recipient=member)
    assert certificate.is_revoked and not certificate.pdf and mailoutbox == []

    check_in(trainer, registration, django_capture_on_commit_callbacks)
    certificate.refresh_from_db()
    assert not certificate.is_revoked and certificate.pdf and certificate.notified_at is not None
    assert [message.to for message in mailoutbox] == [[member.email]]
    assert verification(certificate) == "valid"
