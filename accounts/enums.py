from django.db import models
from django.utils.translation import gettext_lazy as _


class GroupName(models.TextChoices):
    """The platform's roles; each is a Django group created by a data migration."""

    TRAINEES = "Trainees", _("Trainees")
    TRAINERS = "Trainers", _("Trainers")
    EDITORS = "Editors", _("Editors")
    OBSERVATORY_ADMINS = "Observatory admins", _("Observatory admins")
