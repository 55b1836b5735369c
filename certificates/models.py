import secrets

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


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
    notified_at = models.DateTimeField(_("holder told"), null=True, blank=True, editable=False)
    # Position in the revocation status lists (see status_list.py); random, unique, never reused.
    status_index = models.PositiveIntegerField(_("status list position"), unique=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.CharField(_("reason for revocation"), max_length=300, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Revoked only because a seminar's attendance mark was corrected: marking the person present again makes
    # the certificate valid again, which a revocation by an admin for a reason of their own never does.
    revoked_by_correction = models.BooleanField(_("revoked by an attendance correction"), default=False, editable=False)

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


class CertificateDesign(models.Model):
    """How certificates of a kind look: colours, words, logo and signature, edited by Observatory admins."""

    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(
        _("used for"),
        max_length=10,
        choices=CertificateKind.choices,
        unique=True,
        help_text=_("One design per kind of certificate; without one, the built-in design is used."),
    )
    accent = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#0b6e4f",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("A colour like #0b6e4f."))],
    )
    heading_fr = models.CharField(_("heading in French"), max_length=100, blank=True)
    heading_ar = models.CharField(_("heading in Arabic"), max_length=100, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signatory_name = models.CharField(_("signatory"), max_length=120, blank=True)
    signatory_title = models.CharField(_("signatory's title"), max_length=160, blank=True)
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("accent", widget=forms.TextInput(attrs={"type": "color"})),
        FieldPanel("heading_fr"),
        FieldPanel("heading_ar"),
        FieldPanel("logo"),
        FieldPanel("signatory_name"),
        FieldPanel("signatory_title"),
        FieldPanel("signature"),
    ]

    class Meta:
        verbose_name = _("certificate design")
        verbose_name_plural = _("certificate designs")

    def __str__(self):
        return self.name
