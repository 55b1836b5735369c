from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Replay(models.Model):
    """A change sent by the offline queue, remembered under its key so that sending it again applies nothing."""

    key = models.UUIDField(_("key"), unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    path = models.CharField(_("address"), max_length=255)
    status = models.PositiveSmallIntegerField(_("answer status"), default=0)
    body = models.TextField(_("answer"), blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("offline change")
        verbose_name_plural = _("offline changes")
        indexes = [models.Index(fields=["user", "created"], name="replay_user_created")]

    def __str__(self):
        return f"{self.key} {self.path} {self.status}"
