"""Every plural string reads as Arabic and French do: Arabic has six forms (0, 1, 2, 3–10, 11–99, 100 and more),
French says "0 leçon" and "1 leçon" but "2 leçons"; numbers stay in Western digits."""

import re
from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
ARABIC_PLURALS = (
    "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5;"
)
FRENCH_PLURALS = "nplurals=2; plural=(n > 1);"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
WORDS = {"title": "Tadrib", "name": "Amina"}  # placeholders that are not the count
EASTERN_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def catalogue(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def plural_entries(language):
    return [entry for entry in catalogue(language) if entry.msgid_plural and not entry.obsolete]


def render(entry, count):
    """The entry as the site shows it for count (through the compiled catalogue, as templates use it)."""
    if entry.msgctxt:
        text = translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, count)
    else:
        text = translation.ngettext(entry.msgid, entry.msgid_plural, count)
    names = set(PLACEHOLDER.findall(entry.msgid + entry.msgid_plural))
    return text % {name: WORDS.get(name, count) for name in names}


def shape(text, count):
    """The words around the number: what has to change from one plural form to the next."""
    return text.replace(str(count), "N")


def ids(entries):
    return [entry.msgid for entry in entries]


@pytest.mark.parametrize(("language", "rule"), [("ar", ARABIC_PLURALS), ("fr", FRENCH_PLURALS)])
def test_catalogues_declare_the_languages_plural_rule(language, rule):
    assert catalogue(language).metadata["Plural-Forms"] == rule


def test_the_catalogues_have_plural_strings():
    assert len(plural_entries("ar")) >= 7 and ids(plural_entries("ar")) == ids(plural_entries("fr"))


@pytest.mark.parametrize("entry", plural_entries("ar"), ids=ids(plural_entries("ar")))
def test_arabic_plurals_have_their_six_forms(entry):
    assert "fuzzy" not in entry.flags
    assert sorted(entry.msgstr_plural) == [0, 1, 2, 3, 4, 5] and all(entry.msgstr_plural.values())
    with translation.override("ar"):
        shown = {count: render(entry, count) for count in (0, 1, 2, 3, 11, 100)}
    for count, text in shown.items():
        assert any("\u0600" <= char <= "\u06ff" for char in text), text
        assert not EASTERN_DIGITS.search(text), text
        if count >= 3:
            assert re.search(rf"(?<!\d){count}(?!\d)", text), text  # the number itself, in Western digits
    few = shape(shown[3], 3)
    assert shape(shown[1], 1) != few, "one thing is not said like three"
    assert shape(shown[2], 2) != few, "two things take the dual"
    assert shape(shown[11], 11) != few, "eleven to ninety-nine take the singular noun"
    assert len({shape(text, count) for count, text in shown.items()}) >= 4


@pytest.mark.parametrize("entry", plural_entries("fr"), ids=ids(plural_entries("fr")))
def test_french_plurals_treat_zero_and_one_as_singular(entry):
    assert "fuzzy" not in entry.flags
    assert sorted(entry.msgstr_plural) == [0, 1] and all(entry.msgstr_plural.values())
    with translation.override("fr"):
        shown = {count: render(entry, count) for count in (0, 1, 2)}
    assert shape(shown[0], 0) == shape(shown[1], 1) != shape(shown[2], 2)
    for count in (0, 2):
        assert re.search(rf"(?<!\d){count}(?!\d)", shown[count]), shown[count]
