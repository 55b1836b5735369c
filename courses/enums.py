from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class Access(models.TextChoices):
    OPEN = "open", _("Open: anyone can read the lessons")
    ENROLMENT = "enrolment", _("Enrolment required")


class EnrolmentStatus(models.TextChoices):
    ACTIVE = "active", _("Enrolled")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
