import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from seminars.enums import RegistrationStatus


def new_token():
    return secrets.token_urlsafe(24)


class Registration(models.Model):
    seminar = models.ForeignKey("seminars.SeminarPage", on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="seminar_registrations")
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    created = models.DateTimeField(_("registered on"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    checkin_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    attended_at = models.DateTimeField(_("attended"), null=True, blank=True)
    reminded_week = models.DateTimeField(null=True, blank=True)
    reminded_day = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["seminar", "created", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [models.UniqueConstraint(fields=["seminar", "user"], name="one_registration_per_person")]
        indexes = [models.Index(fields=["seminar", "status", "created"])]

    def __str__(self):
        return f"{self.seminar_id} · {self.user_id} · {self.status}"

    @property
    def holds_a_seat(self):
        return self.status in (RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED)


class Seats(models.Model):
    """How many seats of a seminar are taken: one row, changed only by conditional updates, so parallel
    registrations can never take more seats than there are (on SQLite and PostgreSQL alike)."""

    seminar = models.OneToOneField("seminars.SeminarPage", on_delete=models.CASCADE, related_name="seats")
    taken = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("seats")
        verbose_name_plural = _("seats")

    def __str__(self):
        return f"{self.seminar_id}: {self.taken}"


class CalendarChange(models.Model):
    """The iCalendar SEQUENCE of a seminar and the fingerprint of what calendar apps see (dates, place, status):
    kept outside the page so that publishing an older revision cannot move it backwards."""

    seminar = models.OneToOneField("seminars.SeminarPage", on_delete=models.CASCADE, related_name="calendar_change")
    sequence = models.PositiveIntegerField(default=0)
    fingerprint = models.CharField(max_length=64, blank=True)

    def __str__(self):
        return f"{self.seminar_id}: {self.sequence}"


class CalendarFeed(models.Model):
    """A member's private "my seminars" feed; a new token revokes the old address."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="seminar_feed")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.user_id}"
