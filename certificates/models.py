import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_public_id():
    """20 URL-safe characters (120 random bits): unguessable, short enough to print and type."""
    return secrets.token_urlsafe(15)


def pdf_path(certificate, filename):
    return f"certificates/{certificate.public_id}-{secrets.token_hex(4)}.pdf"


class CertificateKind(models.TextChoices):
    COURSE = "course", _("Course completion")
    SEMINAR = "seminar", _("Seminar attendance")


class Certificate(models.Model):
    public_id = models.CharField(_("public id"), max_length=32, unique=True, default=new_public_id, editable=False)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="certificates"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=CertificateKind.choices)
    # The source may be unpublished or deleted later: the snapshot keeps what was certified.
    course = models.ForeignKey("courses.CoursePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    seminar = models.ForeignKey(
        "seminars.SeminarPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_key = models.CharField(max_length=40, editable=False)  # "course:12", "seminar:7": one per recipient
    issued_at = models.DateTimeField(_("issued"))
    snapshot = models.JSONField(_("what is certified"), default=dict)
    pdf = models.FileField(_("PDF"), upload_to=pdf_path, max_length=255, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.CharField(_("reason for revocation"), max_length=300, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "source_key"], name="one_certificate_per_source"),
        ]

    def __str__(self):
        return f"{self.snapshot.get('title', '')} · {self.snapshot.get('name_latin', '')} ({self.public_id})"

    @property
    def is_revoked(self):
        return self.revoked_at is not None
