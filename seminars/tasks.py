"""Scheduled work (django-q2): reminders 7 days and 1 day before a seminar, each sent once.

Each reminder is claimed with a conditional update (`reminded_day IS NULL` → now) before the e-mail goes out,
so a second scheduler run, or a second worker, finds nothing left to send: at most once, never twice.
"""

from datetime import timedelta

from django.utils import timezone

from . import notices
from .enums import RegistrationStatus, SeminarStatus
from .models import Registration

WEEK, DAY = timedelta(days=7), timedelta(days=1)


def _due(now, window, field):
    return Registration.objects.filter(
        status=RegistrationStatus.REGISTERED,
        seminar__live=True,
        seminar__status=SeminarStatus.SCHEDULED,
        seminar__starts_at__gt=now,
        seminar__starts_at__lte=now + window,
        **{f"{field}__isnull": True},
    )


def send_reminders(now=None):
    now = now or timezone.now()
    sent = 0
    for days, window, field in ((1, DAY, "reminded_day"), (7, WEEK, "reminded_week")):
        due = _due(now, window, field)
        if days == 7:
            # Not for people who registered this week: they just had their confirmation.
            due = due.exclude(seminar__starts_at__lte=now + DAY).filter(created__lte=now - timedelta(hours=12))
        for registration in due.select_related("user", "seminar"):
            claimed = Registration.objects.filter(pk=registration.pk, **{f"{field}__isnull": True}).update(
                **{field: now, **({"reminded_week": now} if days == 1 else {})}
            )
            if claimed:
                notices.reminder(registration, days)
                sent += 1
    return sent
