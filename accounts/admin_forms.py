"""Wagtail's user forms with the member fields, for Observatory admins managing accounts."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm

from .forms import WilayaChoiceField, language_choices
from .models import Wilaya

MEMBER_FIELDS = ["full_name_latin", "full_name_arabic", "association", "wilaya", "phone", "preferred_language"]


class MemberFields(forms.Form):
    wilaya = WilayaChoiceField(queryset=Wilaya.objects.all(), required=False, label=_("Wilaya"))
    preferred_language = forms.ChoiceField(choices=language_choices, required=False, label=_("Preferred language"))


class MemberCreationForm(UserCreationForm):
    wilaya = MemberFields.base_fields["wilaya"]
    preferred_language = MemberFields.base_fields["preferred_language"]

    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(MEMBER_FIELDS)


class MemberEditForm(UserEditForm):
    wilaya = MemberFields.base_fields["wilaya"]
    preferred_language = MemberFields.base_fields["preferred_language"]

    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(MEMBER_FIELDS)
