"""Registration rules. Seats are taken with a conditional update on one row (`Seats.taken < capacity`), so
parallel registrations never overbook; promotion from the waiting list moves one row at a time with a
conditional update on its status, so two cancellations never promote the same person twice."""

import django.dispatch
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from . import notices
from .enums import RegistrationStatus
from .models import Registration, Seats

# Sent when a participant's attendance is recorded (kwargs: registration). The certificates app listens.
attendance_recorded = django.dispatch.Signal()

ACTIVE = (RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED, RegistrationStatus.ATTENDED)


class RegistrationError(Exception):
    """A refusal with a message for the member."""


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


def mark_attended(registration, present=True, now=None):
    """Record (or undo) attendance; only people holding a seat can attend."""
    if present:
        updated = Registration.objects.filter(pk=registration.pk, status=RegistrationStatus.REGISTERED).update(
            status=RegistrationStatus.ATTENDED, attended_at=now or timezone.now()
        )
        if updated:
            registration.refresh_from_db()
            transaction.on_commit(lambda: attendance_recorded.send(sender=Registration, registration=registration))
        return bool(updated)
    updated = Registration.objects.filter(pk=registration.pk, status=RegistrationStatus.ATTENDED).update(
        status=RegistrationStatus.REGISTERED, attended_at=None
    )
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
