from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from .enums import FeedbackPolicy, QuestionKind


def _kept(formset):
    """The cleaned rows of an inline formset that are neither empty nor marked for deletion."""
    formset.is_valid()  # the parent form is cleaned before its formsets: clean them now (the result is cached)
    return [
        form.cleaned_data
        for form in formset.forms
        if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
    ]


class QuestionForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "category" in self.fields:
            from .access import editable_categories

            self.fields["category"].queryset = editable_categories(self.for_user)

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        choices = _kept(self.formsets["choices"]) if "choices" in self.formsets else []
        answers = _kept(self.formsets["accepted_answers"]) if "accepted_answers" in self.formsets else []
        correct = sum(1 for choice in choices if choice.get("correct"))
        if kind == QuestionKind.SINGLE and (len(choices) < 2 or correct != 1):
            raise ValidationError(_("A single-choice question needs at least two choices, exactly one correct."))
        if kind == QuestionKind.MULTIPLE and (len(choices) < 2 or correct < 1):
            raise ValidationError(_("A multiple-choice question needs at least two choices, one or more correct."))
        if kind == QuestionKind.TRUE_FALSE and cleaned.get("true_false_answer") is None:
            self.add_error("true_false_answer", _("Say whether the statement is true or false."))
        if kind == QuestionKind.SHORT_TEXT and not answers:
            raise ValidationError(_("A short-text question needs at least one accepted answer."))
        if kind == QuestionKind.NUMERIC and cleaned.get("numeric_answer") is None:
            self.add_error("numeric_answer", _("Give the correct number."))
        return cleaned


class QuestionCategoryForm(WagtailAdminModelForm):
    """A trainer files categories under the courses they are listed on; only admins keep the shared bank."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "course" in self.fields:
            from .access import editable_courses, is_bank_admin

            field = self.fields["course"]
            field.queryset = editable_courses(self.for_user)
            if is_bank_admin(self.for_user):
                field.empty_label = _("The shared bank")
            else:
                # No empty choice to offer: an empty course is the shared bank, which is not theirs.
                field.required, field.empty_label, field.help_text = True, None, ""
                field.error_messages["required"] = _(
                    "Choose one of your courses: only the Observatory administrators keep the shared bank."
                )


class QuizPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "items" in self.formsets:
            from .access import usable_categories, usable_questions

            for form in self.formsets["items"].forms + [self.formsets["items"].empty_form]:
                form.fields["question"].queryset = usable_questions(self.for_user)
                form.fields["category"].queryset = usable_categories(self.for_user)

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The quiz must close after it opens."))
        if cleaned.get("feedback") == FeedbackPolicy.AFTER_CLOSE and not closes:
            self.add_error("feedback", _("Set a closing date to show the answers after it."))
        items = _kept(self.formsets["items"]) if "items" in self.formsets else []
        for item in items:
            if bool(item.get("question")) == bool(item.get("category")):
                raise ValidationError(_("Each quiz item is either one question or a draw from one category."))
        if not items:
            raise ValidationError(_("Add at least one question or draw to the quiz."))
        return cleaned
