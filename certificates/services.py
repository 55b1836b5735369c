"""Issuing, re-issuing and revoking certificates. Issuance is idempotent: one certificate per recipient and
source, guaranteed by a unique constraint, so a signal fired twice or two workers racing give one certificate."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext

from .models import Certificate, CertificateKind
from .status_list import new_status_index

MAX_NAME = 120
MAX_TITLE = 200


def _clip(text, limit):
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _names(user):
    latin = _clip(user.full_name_latin or user.get_full_name() or user.email.split("@")[0], MAX_NAME)
    return {"name_latin": latin, "name_arabic": _clip(user.full_name_arabic, MAX_NAME)}


def _trainers(page):
    return [_clip(trainer.full_name_latin or trainer.get_full_name(), MAX_NAME) for trainer in page.trainers.all()]


def course_snapshot(user, course, when):
    from quizzes.models import Outcome

    outcomes = list(
        Outcome.objects.filter(user=user, passed=True, quiz__path__startswith=course.path).values_list(
            "percent", flat=True
        )
    )
    grade = (sum(outcomes, Decimal(0)) / len(outcomes)).quantize(Decimal("0.1")) if outcomes else None
    return {
        **_names(user),
        "kind": CertificateKind.COURSE,
        "title": _clip(course.title, MAX_TITLE),
        "language": course.language,
        "hours": str(course.estimated_hours),
        "trainers": _trainers(course),
        "grade": str(grade) if grade is not None else None,
        "date": when.date().isoformat(),
    }


def seminar_snapshot(user, seminar, when):
    hours = Decimal((seminar.ends_at - seminar.starts_at).total_seconds() / 3600).quantize(Decimal("0.1"))
    wilaya = seminar.wilaya
    return {
        **_names(user),
        "kind": CertificateKind.SEMINAR,
        "title": _clip(seminar.title, MAX_TITLE),
        "language": seminar.language,
        "hours": str(hours),
        "trainers": _trainers(seminar),
        "grade": None,
        "date": timezone.localtime(seminar.starts_at).date().isoformat(),
        "place_ar": wilaya.name_ar if wilaya else "",
        "place_fr": wilaya.name_fr if wilaya else "",
    }


def _issue(user, kind, source_key, snapshot, render_in_background=True, **source):
    now = timezone.now()
    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    recipient=user,
                    kind=kind,
                    source_key=source_key,
                    issued_at=now,
                    snapshot=snapshot,
                    status_index=new_status_index(),
                    **source,
                )
        except IntegrityError:
            existing = Certificate.objects.filter(recipient=user, source_key=source_key).first()
            if existing is not None:
                return existing, False
            continue  # the random status position was taken: draw another
        if render_in_background:
            transaction.on_commit(lambda pk=certificate.pk: _after_issue(pk))
        return certificate, True
    raise RuntimeError("no free status list position after 5 draws")


def _after_issue(certificate_id):
    from django_q.tasks import async_task

    async_task("certificates.tasks.render_and_notify", certificate_id, task_name=f"certificate-{certificate_id}")


def issue_for_course(user, course, render_in_background=True):
    """The course certificate (created, or the one that exists); its PDF is made by a task unless the caller,
    already a task, makes it itself (`render_in_background=False`)."""
    snapshot = course_snapshot(user, course, timezone.now())
    key = f"course:{course.pk}"
    return _issue(user, CertificateKind.COURSE, key, snapshot, render_in_background, course=course)


def issue_for_attendance(registration, render_in_background=True):
    seminar, user = registration.seminar, registration.user
    snapshot = seminar_snapshot(user, seminar, timezone.now())
    key = f"seminar:{seminar.pk}"
    return _issue(user, CertificateKind.SEMINAR, key, snapshot, render_in_background, seminar=seminar)


def revoke_for_corrected_attendance(registration, by=None):
    """The attendance certificate of a person whose mark was corrected (never present) is revoked, publicly.

    A certificate already revoked (by an admin, for a reason of their own) keeps that revocation."""
    certificate = Certificate.objects.filter(
        recipient_id=registration.user_id, source_key=f"seminar:{registration.seminar_id}"
    ).first()
    if certificate is None:
        return False
    reason = _clip(gettext("Attendance corrected: the holder was not recorded present."), 300)
    return bool(
        Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_by=by, revoked_reason=reason, revoked_by_correction=True
        )
    )


def reinstate_after_correction(certificate):
    """The person is marked present again: the certificate their correction revoked is valid again, under the
    same number. One revoked by an admin for another reason stays revoked. True when reinstated."""
    reinstated = Certificate.objects.filter(pk=certificate.pk, revoked_by_correction=True).update(
        revoked_at=None, revoked_by=None, revoked_reason="", revoked_by_correction=False
    )
    if reinstated:
        certificate.refresh_from_db()
    return bool(reinstated)


def refresh(certificate):
    """Re-issue: a new PDF from the current names and titles, under the same public id."""
    source = certificate.course or certificate.seminar
    if source is not None:
        if certificate.kind == CertificateKind.COURSE:
            snapshot = course_snapshot(certificate.recipient, source, certificate.issued_at)
        else:
            snapshot = seminar_snapshot(certificate.recipient, source, certificate.issued_at)
        Certificate.objects.filter(pk=certificate.pk).update(snapshot=snapshot)
    transaction.on_commit(lambda: _after_issue(certificate.pk))


def revoke(certificate, by, reason):
    """An admin revokes, once; the date and reason are public on the verification page. A certificate revoked by
    an attendance correction takes the admin's reason (and keeps its date), so marking the person present again
    no longer brings it back."""
    return bool(
        Certificate.objects.filter(
            Q(revoked_at__isnull=True) | Q(revoked_by_correction=True), pk=certificate.pk
        ).update(
            revoked_at=Coalesce(F("revoked_at"), Value(timezone.now())),
            revoked_by=by,
            revoked_reason=_clip(reason, 300),
            revoked_by_correction=False,
        )
    )
