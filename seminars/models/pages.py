from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from seminars.blocks import ProgrammeBlock
from seminars.enums import SeminarKind, SeminarStatus


class SeminarIndexPage(Page):
    """The Observatory's calendar of seminars, study days and online trainings, in one language."""

    introduction = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["seminars.SeminarPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = _("seminar calendar")

    def get_context(self, request, *args, **kwargs):
        from seminars.listing import calendar_context

        context = super().get_context(request, *args, **kwargs)
        context.update(calendar_context(request, self))
        return context


class SeminarPage(Page):
    kind = models.CharField(_("kind"), max_length=12, choices=SeminarKind.choices, default=SeminarKind.SEMINAR)
    status = models.CharField(
        _("status"), max_length=12, choices=SeminarStatus.choices, default=SeminarStatus.SCHEDULED
    )
    summary = models.TextField(_("summary"), max_length=400)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    wilaya = models.ForeignKey(
        "accounts.Wilaya", verbose_name=_("wilaya"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    address = models.TextField(_("venue address"), blank=True)
    map_url = models.URLField(_("map link"), blank=True)
    online_url = models.URLField(
        _("online meeting link"), blank=True, help_text=_("Shown only to registered participants.")
    )
    trainers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        blank=True,
        related_name="seminars_trained",
        limit_choices_to={"groups__name": "Trainers"},
        help_text=_("They see the registrations and record attendance."),
    )
    programme = StreamField(ProgrammeBlock(), verbose_name=_("programme"), blank=True)
    capacity = models.PositiveIntegerField(
        _("seats"), default=30, validators=[MaxValueValidator(100_000)], help_text=_("0 for no limit.")
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Empty: until the seminar starts.")
    )
    audience = models.TextField(_("audience"), blank=True)
    language = models.CharField(_("language"), max_length=12)
    theme = models.ForeignKey(
        "courses.CourseTheme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    courses = ParentalManyToManyField(
        "courses.CoursePage", verbose_name=_("related courses"), blank=True, related_name="+"
    )

    parent_page_types = ["seminars.SeminarIndexPage"]
    subpage_types = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("address"),
        index.FilterField("kind"),
        index.FilterField("starts_at"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary", widget=forms.Textarea(attrs={"rows": 3})),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldRowPanel(
                    [FieldPanel("language", widget=forms.Select(choices=settings.LANGUAGES)), FieldPanel("theme")]
                ),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("wilaya"), FieldPanel("address"), FieldPanel("map_url"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
                InlinePanel("questions", heading=_("Questions for registrants"), label=_("Question")),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("audience"),
        FieldPanel("programme"),
        FieldPanel("trainers", widget=forms.CheckboxSelectMultiple),
        FieldPanel("courses"),
    ]

    class Meta:
        verbose_name = _("seminar")
        verbose_name_plural = _("seminars")

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The seminar must end after it starts.")
        if self.kind == SeminarKind.ONLINE and not self.online_url:
            errors["online_url"] = _("An online training needs its meeting link.")
        if self.kind != SeminarKind.ONLINE and not self.wilaya_id:
            errors["wilaya"] = _("Say in which wilaya the seminar takes place.")
        if self.registration_opens and self.registration_closes and self.registration_closes <= self.registration_opens:
            errors["registration_closes"] = _("Registration must close after it opens.")
        if errors:
            raise ValidationError(errors)
        if not self.language and self.locale_id:
            self.language = self.locale.language_code

    @property
    def is_online(self):
        return self.kind == SeminarKind.ONLINE

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    def registration_is_open(self, now=None):
        now = now or timezone.now()
        closes = self.registration_closes or self.starts_at
        return (
            self.status == SeminarStatus.SCHEDULED
            and (self.registration_opens is None or now >= self.registration_opens)
            and now < closes
        )

    def get_context(self, request, *args, **kwargs):
        from seminars.views import seminar_context

        context = super().get_context(request, *args, **kwargs)
        context.update(seminar_context(request, self))
        return context


class SeminarQuestion(Orderable):
    """A question the organiser asks registrants ("association", "dietary needs")."""

    seminar = ParentalKey(SeminarPage, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("question"), max_length=200)
    required = models.BooleanField(_("required"), default=False)

    panels = [FieldPanel("label"), FieldPanel("required")]

    class Meta(Orderable.Meta):
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")

    def __str__(self):
        return self.label
