from django.db import models
from django.utils.translation import gettext_lazy as _


class SeminarKind(models.TextChoices):
    SEMINAR = "seminar", _("Seminar")
    STUDY_DAY = "study_day", _("Study day")
    ONLINE = "online", _("Online training")


class SeminarStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
    ATTENDED = "attended", _("Attended")
