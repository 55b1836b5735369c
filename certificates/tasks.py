"""Background work (django-q2): issue on events, render the PDF, tell the recipient. Safe to run twice.

A task that issues also renders (one task per certificate, not two: half the queue traffic), and a bulk issue
hands out batches, so 500 attendees are 50 tasks (bench/certificates.py measures it)."""

import logging

from django.core.files.base import ContentFile
from django.utils import timezone

from .models import Certificate

logger = logging.getLogger(__name__)


def issue_course(user_id, course_id):
    from courses.enums import EnrolmentStatus
    from courses.models import CoursePage, Enrolment

    from .services import issue_for_course

    enrolment = (
        Enrolment.objects.filter(user_id=user_id, course_id=course_id, status=EnrolmentStatus.COMPLETED)
        .select_related("user")
        .first()
    )
    course = CoursePage.objects.filter(pk=course_id).first()
    if enrolment is None or course is None:
        return None
    return _render_if_needed(issue_for_course(enrolment.user, course, render_in_background=False)[0])


def issue_attendance(registration_id):
    from seminars.enums import RegistrationStatus
    from seminars.models import Registration
    from seminars.services import attendance_refusal

    from . import services

    attended = Registration.objects.filter(pk=registration_id, status=RegistrationStatus.ATTENDED)
    registration = attended.select_related("user", "seminar").first()
    # A mark made before the seminar (under older rules) waits until the seminar takes place.
    if registration is None or attendance_refusal(registration.seminar):
        return None
    certificate, created = services.issue_for_attendance(registration, render_in_background=False)
    reinstated = not created and services.reinstate_after_correction(certificate)
    if not attended.exists():
        # Corrected while this task was issuing or reinstating: the correction found nothing to revoke yet.
        services.revoke_for_corrected_attendance(registration)
        return None
    if reinstated and certificate.pdf and certificate.notified_at is None:
        _tell_holder_once(certificate)  # the correction came before the holder was told
    return _render_if_needed(certificate)


def issue_attendance_batch(registration_ids):
    """Bulk issuance: each registration on its own, so one failure does not stop the others; the task fails
    afterwards if any did, and its retry skips what is done."""
    failed = 0
    for registration_id in registration_ids:
        try:
            issue_attendance(registration_id)
        except Exception:
            failed += 1
            logger.exception("certificate for registration %s failed", registration_id)
    if failed:
        raise RuntimeError(f"{failed} of {len(registration_ids)} certificates failed")
    return len(registration_ids)


def _render_if_needed(certificate):
    """Render a new certificate, or one whose earlier rendering failed; never twice."""
    if not certificate.pdf:
        render_and_notify(certificate.pk)
    return certificate.pk


def render_and_notify(certificate_id):
    from .pdf import render_pdf

    certificate = Certificate.objects.select_related("recipient").filter(pk=certificate_id).first()
    if certificate is None:
        return
    old = certificate.pdf.name
    certificate.pdf.save("certificate.pdf", ContentFile(render_pdf(certificate)), save=False)
    # Swap only if nobody swapped meanwhile; the loser of a race removes its own file, so none is orphaned.
    if Certificate.objects.filter(pk=certificate.pk, pdf=old).update(pdf=certificate.pdf.name):
        if old:
            certificate.pdf.storage.delete(old)
    else:
        certificate.pdf.storage.delete(certificate.pdf.name)
    _tell_holder_once(certificate)
    return certificate.pdf.name


def _tell_holder_once(certificate):
    """Told once, even when two tasks render the same new certificate at the same moment; never while revoked."""
    from .notices import certificate_ready

    told = Certificate.objects.filter(pk=certificate.pk, notified_at__isnull=True, revoked_at__isnull=True).update(
        notified_at=timezone.now()
    )
    if told:
        certificate_ready(certificate)
