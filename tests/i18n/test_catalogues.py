from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


def entries(language):
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    return [entry for entry in catalogue if not entry.obsolete]


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_every_string_is_translated(language):
    untranslated = [entry.msgid for entry in entries(language) if not entry.translated()]
    assert untranslated == []


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_compiled_catalogue_is_up_to_date(language):
    with translation.override(language):
        stale = [
            entry.msgid
            for entry in entries(language)
            if not entry.msgid_plural and not entry.msgctxt and translation.gettext(entry.msgid) != entry.msgstr
        ]
    assert stale == [], "run `make messages` to recompile the .mo files"


def test_arabic_strings_are_arabic():
    not_arabic = [
        entry.msgid
        for entry in entries("ar")
        if entry.msgstr and not any("\u0600" <= char <= "\u06ff" for char in entry.msgstr)
    ]
    assert not_arabic == []
