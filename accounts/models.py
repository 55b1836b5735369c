from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from .validators import algerian_phone_validator, validate_arabic_name, validate_latin_name


class Wilaya(models.Model):
    """An Algerian province. Kept as rows, so a territorial reform is a data change."""

    code = models.PositiveSmallIntegerField(_("code"), unique=True)
    name_ar = models.CharField(_("name in Arabic"), max_length=80)
    name_fr = models.CharField(_("name in French"), max_length=80)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("wilaya")
        verbose_name_plural = _("wilayas")

    def __str__(self):
        return f"{self.code:02d} {self.name_fr}"

    def localised_name(self, language_code):
        return self.name_ar if language_code == "ar" else self.name_fr


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A member of the platform, signed in by e-mail.

    The two full names are what certificates print; first/last name stay for Wagtail's admin.
    """

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name_latin = models.CharField(
        _("full name in Latin letters"),
        max_length=150,
        blank=True,
        validators=[validate_latin_name],
        help_text=_("As it should be printed on your certificates, e.g. Amina Benali."),
    )
    full_name_arabic = models.CharField(
        _("full name in Arabic letters"),
        max_length=150,
        blank=True,
        validators=[validate_arabic_name],
        help_text=_("As it should be printed on your certificates, e.g. أمينة بن علي."),
    )
    association = models.CharField(_("association"), max_length=200, blank=True)
    wilaya = models.ForeignKey(
        Wilaya, verbose_name=_("wilaya"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[algerian_phone_validator])
    # No choices on the model: the list comes from settings.LANGUAGES, so a new locale needs no migration.
    preferred_language = models.CharField(_("preferred language"), max_length=12, blank=True)
    # What the member last read the site in (a page or the sign-up form): e-mails follow it when no choice is set.
    last_language = models.CharField(_("language last used"), max_length=12, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def is_observatory_admin(self):
        """Superusers and the Observatory admins group: they manage the shared bank, certificates and so on."""
        from .enums import GroupName

        return self.is_active and (self.is_superuser or self.groups.filter(name=GroupName.OBSERVATORY_ADMINS).exists())

    def get_full_name(self):
        return self.full_name_latin or self.full_name_arabic or super().get_full_name()

    def get_short_name(self):
        return self.first_name or self.get_full_name()

    def mail_language(self, fallback=None):
        """The language to write to the member in: the one they chose, else the one they last used on the site,
        else fallback (the page a request comes from), else the site's."""
        codes = dict(settings.LANGUAGES)
        for code in (self.preferred_language, self.last_language, fallback):
            if code in codes:
                return code
        return settings.LANGUAGE_CODE

    def remember_language(self, code):
        """Record the language the member is reading the site in; a write only when it changes."""
        if code in dict(settings.LANGUAGES) and code != self.last_language:
            User.objects.filter(pk=self.pk).exclude(last_language=code).update(last_language=code)
            self.last_language = code
