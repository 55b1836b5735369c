"""How learners' typed answers are compared with the accepted ones.

Text: Unicode NFKC, case folded, surrounding spaces dropped and inner runs of spaces made one; in Arabic the
short vowels and other diacritics (tashkil) and the tatweel are ignored, and letters learners write in several
ways are made one: alef with hamza or madda (أ إ آ ٱ) → ا, hamza on waw or ya (ؤ ئ) → ء (so مسئول = مسؤول),
alef maqsura ى → ي, ta marbuta ة → ه. Eastern Arabic digits
count as the same digits. Numbers accept a decimal comma or point and Arabic digits and separators.
"""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ؤ": "ء",
        "ئ": "ء",
        "ى": "ي",
        "ی": "ي",
        "ة": "ه",
    }
)
DIGITS = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}})
SPACES = re.compile(r"\s+")
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d{1,3})?$")


def normalise_text(value):
    value = unicodedata.normalize("NFKC", str(value))
    value = ARABIC_MARKS.sub("", value).translate(LETTERS).translate(DIGITS)
    return SPACES.sub(" ", value.casefold()).strip()


def parse_number(value):
    """The Decimal a learner typed, or None when it is not a number ("3,5", "٣٫٥", "1 000", "-2.5e3")."""
    text = unicodedata.normalize("NFKC", str(value)).translate(DIGITS).strip().lower()
    if not text or len(text) > 40:
        return None
    text = text.replace("\u066b", ".").replace("\u066c", "").replace("\u00a0", "").replace(" ", "")
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal_mark == "," else ",", "").replace(",", ".")
    else:
        text = text.replace(",", ".")
    if not NUMBER.match(text):
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() and abs(number) < Decimal("1e12") else None
