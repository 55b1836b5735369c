from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.blocks import LessonBodyBlock
from courses.enums import Access, Level
from courses.forms import CoursePageForm, LessonPageForm
from courses.permissions import CourseSubtreePermissions


class CourseIndexPage(Page):
    """The catalogue of courses in one language."""

    introduction = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from courses.catalogue import catalogue_context

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(request, self))
        return context


class CoursePage(CourseSubtreePermissions, Page):
    summary = models.TextField(_("summary"), max_length=400, help_text=_("Two or three sentences for the catalogue."))
    objectives = RichTextField(_("objectives"), features=["bold", "italic", "ul", "ol", "link"], blank=True)
    audience = models.TextField(_("audience"), blank=True, help_text=_("Who the course is for."))
    level = models.CharField(_("level"), max_length=16, choices=Level.choices, default=Level.BEGINNER)
    theme = models.ForeignKey(
        "courses.CourseTheme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
    )
    # The language the course is taught in; no choices here so a new locale needs no migration.
    language = models.CharField(_("language of instruction"), max_length=12)
    estimated_hours = models.DecimalField(_("estimated hours"), max_digits=5, decimal_places=1, default=1)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    trainers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        blank=True,
        related_name="trained_courses",
        limit_choices_to={"groups__name": "Trainers"},
        help_text=_("The trainers listed here may edit this course and its lessons."),
    )
    prerequisites = ParentalManyToManyField(
        "self",
        verbose_name=_("prerequisites"),
        blank=True,
        symmetrical=False,
        related_name="required_by",
        help_text=_("Courses a learner must complete before enrolling."),
    )
    access = models.CharField(_("access"), max_length=12, choices=Access.choices, default=Access.ENROLMENT)
    featured = models.BooleanField(_("featured on the home page"), default=False)

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage", "courses.LessonPage"]
    base_form_class = CoursePageForm

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.SearchField("audience"),
        index.FilterField("level"),
        index.FilterField("language"),
        index.FilterField("theme"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary", widget=forms.Textarea(attrs={"rows": 3})),
        FieldPanel("cover_image"),
        FieldPanel("objectives"),
        FieldPanel("audience", widget=forms.Textarea(attrs={"rows": 2})),
    ]
    course_panels = [
        MultiFieldPanel(
            [
                FieldPanel("level"),
                FieldPanel("theme"),
                FieldPanel("language", widget=forms.Select(choices=settings.LANGUAGES)),
                FieldPanel("estimated_hours"),
            ],
            heading=_("Description"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("access", widget=forms.RadioSelect),
                FieldPanel("prerequisites", widget=forms.CheckboxSelectMultiple),
                FieldPanel("featured"),
            ],
            heading=_("Enrolment"),
        ),
        FieldPanel("trainers", widget=forms.CheckboxSelectMultiple),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(course_panels, heading=_("Course")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def course_for_permissions(self):
        return self

    def clean(self):
        super().clean()
        if not self.language and self.locale_id:
            self.language = self.locale.language_code
        if self.pk and any(course.pk == self.pk for course in self.prerequisites.all()):
            raise ValidationError({"prerequisites": _("A course cannot be its own prerequisite.")})

    def get_context(self, request, *args, previewed=None, **kwargs):
        from courses.page_context import course_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_context(request, self, previewed=previewed))
        return context


class ModulePage(CourseSubtreePermissions, Page):
    """An optional chapter grouping lessons inside a course."""

    introduction = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    @cached_property
    def course(self):
        return CoursePage.objects.ancestor_of(self).first()

    def serve(self, request, *args, **kwargs):
        from django.shortcuts import redirect

        # A module is a heading of its course's syllabus, not a page of its own.
        return redirect(f"{self.course.get_url(request)}#module-{self.pk}")

    def get_preview_template(self, request, mode_name):
        return self.course.get_template(request)

    def get_preview_context(self, request, mode_name):
        return self.course.get_context(request, previewed=self)


class LessonPage(CourseSubtreePermissions, Page):
    body = StreamField(LessonBodyBlock(), verbose_name=_("body"), blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=15)
    required = models.BooleanField(
        _("required for completion"),
        default=True,
        help_text=_("Untick for optional reading that does not count towards the course's completion."),
    )

    parent_page_types = ["courses.CoursePage", "courses.ModulePage"]
    subpage_types = []
    base_form_class = LessonPageForm

    search_fields = [*Page.search_fields, index.SearchField("body")]
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("estimated_minutes"), FieldPanel("required")], heading=_("Lesson")),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    @cached_property
    def course(self):
        return CoursePage.objects.ancestor_of(self).first()

    @property
    def has_video(self):
        return any(block.block_type == "video" for block in self.body)

    def get_context(self, request, *args, **kwargs):
        from courses.page_context import UNKNOWN, lesson_context

        enrolment = kwargs.pop("enrolment", UNKNOWN)
        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(request, self, enrolment))
        return context

    def serve(self, request, *args, **kwargs):
        from courses.page_context import lesson_access

        refusal, enrolment = lesson_access(request, self)
        return refusal or super().serve(request, *args, enrolment=enrolment, **kwargs)
