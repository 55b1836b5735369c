"""Registration rules. Seats are taken with a conditional update on one row (`Seats.taken < capacity`), so
parallel registrations never overbook; promotion from the waiting list moves one row at a time with a
conditional update on its status, so two cancellations never promote the same person twice."""

from datetime import timedelta

import django.dispatch
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from . import notices
from .enums import RegistrationStatus, SeminarStatus
from .models import Registration, Seats

# Sent when a participant's attendance is recorded (kwargs: registration). The certificates app listens.
attendance_recorded = django.dispatch.Signal()
# Sent when an Observatory admin corrects a mistaken mark (kwargs: registration, by): its certificate is revoked.
attendance_withdrawn = django.dispatch.Signal()

# Attendance is taken at the door: from this long before the seminar starts, and any time after it.
ATTENDANCE_OPENS_BEFORE_START = timedelta(hours=1)

ACTIVE = (RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED, RegistrationStatus.ATTENDED)


class RegistrationError(Exception):
    """A refusal with a message for the member."""


class AttendanceError(RegistrationError):
    """A refusal with a message for the organiser taking attendance."""


def _take_seat(seminar):
    """True when a seat was free and is now taken by the caller."""
    Seats.objects.get_or_create(seminar=seminar)
    if not seminar.capacity:
        Seats.objects.filter(seminar=seminar).update(taken=F("taken") + 1)
        return True
    return bool(Seats.objects.filter(seminar=seminar, taken__lt=seminar.capacity).update(taken=F("taken") + 1))


def _free_seat(seminar):
    Seats.objects.filter(seminar=seminar, taken__gt=0).update(taken=F("taken") - 1)


def current_registration(user, seminar):
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(user=user, seminar=seminar, status__in=ACTIVE).first()


def register(user, seminar, answers=None, now=None):
    """Register the member, or put them on the waiting list when every seat is taken."""
    if not seminar.live or not seminar.registration_is_open(now):
        raise RegistrationError(_("Registration for this seminar is not open."))
    existing = current_registration(user, seminar)
    if existing is not None:
        return existing
    with transaction.atomic():
        status = RegistrationStatus.REGISTERED if _take_seat(seminar) else RegistrationStatus.WAITLISTED
        try:
            with transaction.atomic():
                registration, created = Registration.objects.get_or_create(
                    user=user, seminar=seminar, defaults={"status": status, "answers": answers or {}}
                )
        except IntegrityError:  # a parallel click of the same member won
            registration, created = Registration.objects.get(user=user, seminar=seminar), False
        if not created:
            if registration.status != RegistrationStatus.CANCELLED:
                if status == RegistrationStatus.REGISTERED:
                    _free_seat(seminar)
                return registration
            # Coming back after cancelling: a fresh place at the end of the queue.
            registration.status, registration.answers, registration.created = status, answers or {}, timezone.now()
            registration.reminded_week = registration.reminded_day = None
            registration.save()
    transaction.on_commit(lambda: notices.registration_confirmed(registration))
    return registration


def cancel(user, seminar):
    """Cancel the member's registration; a freed seat goes to the first person waiting."""
    with transaction.atomic():
        registration = current_registration(user, seminar)
        if registration is None:
            return None
        held_seat = registration.holds_a_seat
        updated = Registration.objects.filter(pk=registration.pk, status=registration.status).update(
            status=RegistrationStatus.CANCELLED
        )
        if not updated:
            return None
        if held_seat:
            _free_seat(seminar)
            promote_waiting(seminar)
    registration.refresh_from_db()
    return registration


def promote_waiting(seminar):
    """Give free seats to the waiting list, first come first served; each promoted person is told."""
    promoted = []
    while True:
        waiting = (
            Registration.objects.filter(seminar=seminar, status=RegistrationStatus.WAITLISTED)
            .order_by("created", "pk")
            .first()
        )
        if waiting is None or not _take_seat(seminar):
            break
        if Registration.objects.filter(pk=waiting.pk, status=RegistrationStatus.WAITLISTED).update(
            status=RegistrationStatus.REGISTERED
        ):
            promoted.append(waiting.pk)
        else:
            _free_seat(seminar)  # someone else promoted or cancelled them meanwhile
    for pk in promoted:
        transaction.on_commit(lambda pk=pk: notices.promoted(Registration.objects.get(pk=pk)))
    return promoted


def attendance_opens_at(seminar):
    return seminar.starts_at - ATTENDANCE_OPENS_BEFORE_START


def attendance_refusal(seminar, now=None):
    """Why attendance cannot be recorded for the seminar now (a message), or None when it can."""
    if seminar.status != SeminarStatus.SCHEDULED:
        return _("This seminar is cancelled or postponed: attendance cannot be recorded.")
    if (now or timezone.now()) < attendance_opens_at(seminar):
        opens = timezone.localtime(attendance_opens_at(seminar)).strftime("%d/%m/%Y %H:%M")
        return _("Attendance can be recorded from %(time)s.") % {"time": opens}
    return None


def mark_attended(registration, now=None):
    """Record that a person holding a seat is present; True when this call recorded it.

    Raises AttendanceError before the seminar (a mark made then would issue a certificate at once).
    """
    now = now or timezone.now()
    refusal = attendance_refusal(registration.seminar, now)
    if refusal:
        raise AttendanceError(refusal)
    # The seminar's rules again in the update itself: a change of dates published meanwhile cannot slip through.
    updated = Registration.objects.filter(
        pk=registration.pk,
        status=RegistrationStatus.REGISTERED,
        seminar__status=SeminarStatus.SCHEDULED,
        seminar__starts_at__lte=now + ATTENDANCE_OPENS_BEFORE_START,
    ).update(status=RegistrationStatus.ATTENDED, attended_at=now)
    if updated:
        registration.refresh_from_db()
        transaction.on_commit(lambda: attendance_recorded.send(sender=Registration, registration=registration))
    return bool(updated)


def can_correct_attendance(user):
    return getattr(user, "is_observatory_admin", False)


def withdraw_attendance(registration, by, marked_at=None):
    """Undo a mistaken mark (Observatory admins only: a certificate may have gone out); True when undone.

    `marked_at`: when the mark the admin saw was recorded. A mark recorded since (the person was checked in
    again meanwhile) is another mark, and stays."""
    if not can_correct_attendance(by):
        raise AttendanceError(_("Only an Observatory admin can correct attendance already recorded."))
    seen = {"attended_at": marked_at} if marked_at is not None else {}
    updated = Registration.objects.filter(pk=registration.pk, status=RegistrationStatus.ATTENDED, **seen).update(
        status=RegistrationStatus.REGISTERED, attended_at=None
    )
    if updated:
        registration.refresh_from_db()
        transaction.on_commit(lambda: attendance_withdrawn.send(sender=Registration, registration=registration, by=by))
    return bool(updated)


def attendees(seminar):
    """The people whose attendance is recorded: what attendance certificates are issued from."""
    return Registration.objects.filter(seminar=seminar, status=RegistrationStatus.ATTENDED).select_related("user")


def can_organise(user, seminar):
    """Trainers listed on the seminar, and whoever may edit its page (editors, admins), see its registrations."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or seminar.trainers.filter(pk=user.pk).exists():
        return True
    return seminar.permissions_for_user(user).can_edit()
