from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import User, Wilaya
from .validators import normalise_phone, validate_arabic_name, validate_latin_name


def language_choices():
    return [("", _("Same as the site")), *settings.LANGUAGES]


class WilayaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        from django.utils.translation import get_language

        return f"{obj.code:02d} — {obj.localised_name(get_language())}"


class NamesMixin:
    """Certificates need at least one of the two names."""

    def clean(self):
        cleaned = super().clean()
        names_given = cleaned.get("full_name_latin") or cleaned.get("full_name_arabic")
        names_invalid = "full_name_latin" in self.errors or "full_name_arabic" in self.errors
        if not names_given and not names_invalid:
            self.add_error("full_name_latin", _("Give your full name in Latin letters, in Arabic letters, or both."))
        return cleaned


class SignupForm(NamesMixin, forms.Form):
    """Fields allauth adds to its sign-up form; only what certificates and the Observatory need."""

    # A plain form does not run model validators, so they are given to the fields here.
    full_name_latin = User._meta.get_field("full_name_latin").formfield(validators=[validate_latin_name])
    full_name_arabic = User._meta.get_field("full_name_arabic").formfield(validators=[validate_arabic_name])
    association = User._meta.get_field("association").formfield()
    wilaya = WilayaChoiceField(queryset=Wilaya.objects.filter(is_active=True), required=False, label=_("Wilaya"))

    field_order = ["email", "full_name_latin", "full_name_arabic", "association", "wilaya", "password1", "password2"]

    def signup(self, request, user):
        for field in ("full_name_latin", "full_name_arabic", "association", "wilaya"):
            setattr(user, field, self.cleaned_data.get(field) or getattr(user, field))
        # The language of the form is the one the member uses, not a choice they made: it is not a preference.
        user.last_language = getattr(request, "LANGUAGE_CODE", "")
        user.save()


class ProfileForm(NamesMixin, forms.ModelForm):
    wilaya = WilayaChoiceField(queryset=Wilaya.objects.filter(is_active=True), required=False, label=_("Wilaya"))
    preferred_language = forms.ChoiceField(choices=language_choices, required=False, label=_("Preferred language"))

    class Meta:
        model = User
        fields = ["full_name_latin", "full_name_arabic", "association", "wilaya", "phone", "preferred_language"]
        widgets = {"phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "dir": "ltr"})}

    def clean_phone(self):
        phone = normalise_phone(self.cleaned_data.get("phone"))
        if phone:
            User._meta.get_field("phone").run_validators(phone)
        return phone
