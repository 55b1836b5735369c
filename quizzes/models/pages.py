from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from courses.models import CoursePage
from courses.permissions import CourseSubtreePermissions
from quizzes.enums import FeedbackPolicy, ScoreRule
from quizzes.forms import QuizPageForm


class QuizPage(CourseSubtreePermissions, Page):
    instructions = RichTextField(_("instructions"), features=["bold", "italic", "ul", "ol", "link"], blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=60, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=2, help_text=_("0 for unlimited attempts.")
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text=_("Leave empty for no time limit."),
    )
    grace_seconds = models.PositiveSmallIntegerField(
        _("grace period (seconds)"),
        default=30,
        validators=[MaxValueValidator(600)],
        help_text=_("Answers saved this long after the deadline still count (slow connections)."),
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    feedback = models.CharField(
        _("show correct answers"),
        max_length=12,
        choices=FeedbackPolicy.choices,
        default=FeedbackPolicy.LAST_ATTEMPT,
        help_text=_(
            "The score always shows. The correction (right answers, explanations) shows only as chosen here: "
            "shown right after an attempt, it can be copied into the next one."
        ),
    )
    score_rule = models.CharField(_("score"), max_length=8, choices=ScoreRule.choices, default=ScoreRule.BEST)
    shuffle_questions = models.BooleanField(_("shuffle the questions"), default=True)
    shuffle_choices = models.BooleanField(_("shuffle the choices"), default=True)
    required = models.BooleanField(
        _("required for course completion"), default=True, help_text=_("Learners must pass it to complete the course.")
    )

    parent_page_types = ["courses.CoursePage", "courses.ModulePage"]
    subpage_types = []
    base_form_class = QuizPageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("instructions"),
        InlinePanel("items", heading=_("Questions"), label=_("Question or draw"), min_num=1),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("attempts_allowed"), FieldPanel("score_rule")]),
                FieldRowPanel([FieldPanel("time_limit_minutes"), FieldPanel("grace_seconds")]),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("feedback"),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices"), FieldPanel("required")]),
            ],
            heading=_("Rules"),
        ),
    ]

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    @cached_property
    def course(self):
        return CoursePage.objects.ancestor_of(self).first()

    def is_open(self, now=None):
        now = now or timezone.now()
        return (self.opens_at is None or now >= self.opens_at) and (self.closes_at is None or now < self.closes_at)

    def unlimited(self):
        return self.attempts_allowed == 0

    def get_context(self, request, *args, **kwargs):
        from quizzes.views import overview_context

        context = super().get_context(request, *args, **kwargs)
        context.update(overview_context(request, self))
        return context

    def serve(self, request, *args, **kwargs):
        from django.http import Http404

        if self.course is None or not self.course.live:
            raise Http404
        return super().serve(request, *args, **kwargs)


class QuizItem(Orderable):
    """One slot of a quiz: a fixed question, or a random draw of N questions from a category."""

    quiz = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="items")
    question = models.ForeignKey(
        "quizzes.Question",
        verbose_name=_("question"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    category = models.ForeignKey(
        "quizzes.QuestionCategory",
        verbose_name=_("or draw from category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    draw = models.PositiveSmallIntegerField(
        _("number of questions to draw"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    panels = [FieldPanel("question"), FieldRowPanel([FieldPanel("category"), FieldPanel("draw")])]

    class Meta(Orderable.Meta):
        verbose_name = _("quiz item")
        verbose_name_plural = _("quiz items")
