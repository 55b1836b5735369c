"""The question bank: questions belong to a course's categories (or to the shared bank kept by admins)."""

from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from quizzes.enums import QuestionKind
from quizzes.forms import QuestionCategoryForm, QuestionForm


class QuestionCategory(models.Model):
    base_form_class = QuestionCategoryForm

    name = models.CharField(_("name"), max_length=120)
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="question_categories",
        help_text=_("Leave empty for the shared bank (administrators only)."),
    )

    # A list of the user's own courses (the form narrows it), not the page chooser's whole tree.
    panels = [FieldPanel("name"), FieldPanel("course", widget=forms.Select)]

    class Meta:
        ordering = ["name"]
        verbose_name = _("question category")
        verbose_name_plural = _("question categories")
        constraints = [models.UniqueConstraint(fields=["course", "name"], name="unique_category_name_per_course")]

    def __str__(self):
        owner = self.course.title if self.course_id else _("shared bank")
        return f"{self.name} · {owner}"


class Question(index.Indexed, ClusterableModel):
    base_form_class = QuestionForm

    category = models.ForeignKey(
        QuestionCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="questions"
    )
    kind = models.CharField(_("type"), max_length=12, choices=QuestionKind.choices, default=QuestionKind.SINGLE)
    text = models.TextField(_("question"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    points = models.DecimalField(
        _("points"), max_digits=5, decimal_places=2, default=Decimal(1), validators=[MinValueValidator(Decimal("0.01"))]
    )
    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("Shown with the correct answer, as the quiz's feedback rule allows.")
    )
    true_false_answer = models.BooleanField(_("the statement is true"), null=True, blank=True)
    numeric_answer = models.DecimalField(_("correct number"), max_digits=14, decimal_places=4, null=True, blank=True)
    tolerance = models.DecimalField(
        _("tolerance (±)"), max_digits=14, decimal_places=4, default=Decimal(0), validators=[MinValueValidator(0)]
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)

    # "id": the admin lists search results within the user's scope, given as a set of ids (core.admin_scope).
    search_fields = [
        index.SearchField("text"),
        index.AutocompleteField("text"),
        index.FilterField("category"),
        index.FilterField("id"),
    ]
    panels = [
        # The categories the user may write to (the form narrows them); the chooser would offer the shared bank.
        FieldRowPanel([FieldPanel("category", widget=forms.Select), FieldPanel("kind"), FieldPanel("points")]),
        FieldPanel("text"),
        FieldPanel("image"),
        InlinePanel(
            "choices",
            heading=_("Choices (single and multiple choice)"),
            label=_("Choice"),
        ),
        FieldPanel("true_false_answer"),
        InlinePanel("accepted_answers", heading=_("Accepted answers (short text)"), label=_("Accepted answer")),
        MultiFieldPanel([FieldPanel("numeric_answer"), FieldPanel("tolerance")], heading=_("Number")),
        FieldPanel("explanation"),
    ]

    class Meta:
        ordering = ["category", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        text = " ".join(self.text.split())
        return text if len(text) <= 80 else f"{text[:79]}…"

    @property
    def course_id(self):
        return self.category.course_id


class Choice(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("text"), max_length=500)
    correct = models.BooleanField(_("correct"), default=False)

    panels = [FieldPanel("text"), FieldPanel("correct")]

    class Meta(Orderable.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self):
        return self.text


class AcceptedAnswer(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="accepted_answers")
    text = models.CharField(_("answer"), max_length=200)

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("accepted answer")
        verbose_name_plural = _("accepted answers")

    def __str__(self):
        return self.text
