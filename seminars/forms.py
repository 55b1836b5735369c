from django import forms
from django.utils.translation import gettext_lazy as _

MAX_ANSWER = 300


class RegistrationForm(forms.Form):
    """The organiser's questions for this seminar, built from its SeminarQuestion rows."""

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"question_{question.pk}"] = forms.CharField(
                label=question.label, required=question.required, max_length=MAX_ANSWER
            )

    def answers(self):
        return {question.label: self.cleaned_data.get(f"question_{question.pk}", "") for question in self.questions}


class AttendanceForm(forms.Form):
    present = forms.TypedMultipleChoiceField(coerce=int, required=False, label=_("Present"))

    def __init__(self, *args, registrations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [(registration.pk, registration.pk) for registration in registrations]


class AttendanceCorrectionForm(forms.Form):
    """When the mark the admin is taking back was recorded, as the confirmation page showed it."""

    marked_at = forms.DateTimeField(widget=forms.HiddenInput)
