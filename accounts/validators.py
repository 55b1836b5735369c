import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# Algerian numbers: 0 or +213 / 00213, then 9 digits (mobile 5/6/7, landlines 2/3/4).
algerian_phone_validator = RegexValidator(
    r"^(?:\+213|00213|0)[2-7]\d{8}$",
    _("Enter an Algerian phone number, for example 0661 23 45 67 or +213 661 23 45 67."),
)

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
_ALLOWED_IN_NAMES = {"Zs", "Pd"}  # spaces and hyphens between names
_ALLOWED_MARKS = {"Mn"}  # Arabic diacritics (harakat)


def _letters_only(value):
    for char in value:
        category = unicodedata.category(char)
        if category.startswith("L") or category in _ALLOWED_IN_NAMES | _ALLOWED_MARKS or char in "'’.":
            continue
        return False
    return True


def validate_arabic_name(value):
    if not value:
        return
    if not _letters_only(value) or not _ARABIC_LETTER.search(value):
        raise ValidationError(_("Write the name in Arabic letters, as it should appear on certificates."))
    if any(char.isascii() and char.isalpha() for char in value):
        raise ValidationError(_("Write the name in Arabic letters, as it should appear on certificates."))


def validate_latin_name(value):
    if not value:
        return
    if not _letters_only(value) or _ARABIC_LETTER.search(value):
        raise ValidationError(_("Write the name in Latin letters, as it should appear on certificates."))


def normalise_phone(value):
    return re.sub(r"[\s.\-()]", "", value or "")
