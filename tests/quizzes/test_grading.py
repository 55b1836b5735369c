from decimal import Decimal
from types import SimpleNamespace

import pytest

from quizzes.enums import QuestionKind
from quizzes.grading import grade
from quizzes.normalise import normalise_text, parse_number
from tests.factories import build_course
from tests.factories.quizzes import build_bank


@pytest.mark.parametrize(
    ("typed", "accepted"),
    [
        ("القانونُ الأساسيُّ", "القانون الأساسي"),  # short vowels
        ("القانـــون الأساسي", "القانون الأساسي"),  # tatweel
        ("القانون الاساسي", "القانون الأساسي"),  # alef with hamza written bare
        ("  القانون   الأساسي ", "القانون الأساسي"),  # spaces
        ("إدارة", "ادارة"),
        ("آمال", "امال"),
        ("جمعيه", "جمعية"),  # ta marbuta written as ha
        ("مستشفى", "مستشفي"),  # alef maqsura / ya
        ("مسئول", "مسؤول"),  # hamza on ya / on waw
        ("Assemblée GÉNÉRALE", "assemblée générale"),
        ("١٥ عضوا", "15 عضوا"),
    ],
)
def test_typed_answers_match_despite_spelling_variants(typed, accepted):
    assert normalise_text(typed) == normalise_text(accepted)


@pytest.mark.parametrize(("typed", "other"), [("قانون", "القانون"), ("assemblee", "assemblée"), ("سماء", "سما")])
def test_different_words_stay_different(typed, other):
    assert normalise_text(typed) != normalise_text(other)


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("15", Decimal(15)),
        (" 3,5 ", Decimal("3.5")),
        ("٣٫٥", Decimal("3.5")),
        ("١٥", Decimal(15)),
        ("1 000,25", Decimal("1000.25")),
        ("1,000.25", Decimal("1000.25")),
        ("-2.5e3", Decimal(-2500)),
    ],
)
def test_numbers_are_read_in_every_way_learners_write_them(typed, number):
    assert parse_number(typed) == number


@pytest.mark.parametrize("typed", ["", "abc", "NaN", "Infinity", "1e999", "1.2.3", "9" * 50, "١٥ عضوا"])
def test_what_is_not_a_number_is_none(typed):
    assert parse_number(typed) is None


def answer(choices=(), text="", number=None):
    return SimpleNamespace(choices=list(choices), text=text, number=number)


@pytest.fixture
def bank(catalogues):
    course, _lessons = build_course(catalogues["ar"], lessons=0)
    return build_bank(course)[1]


@pytest.mark.django_db
def test_single_choice_true_false_short_text_and_numeric(bank):
    single = bank[QuestionKind.SINGLE]
    right, wrong = (choice.pk for choice in single.choices.order_by("-correct")[:2])
    assert grade(single, answer([right])) == (Decimal(1), True)
    assert grade(single, answer([wrong])) == (Decimal(0), False)
    assert grade(single, answer([right, wrong])) == (Decimal(0), False)
    assert grade(single, None) == (Decimal(0), False)
    true_false = bank[QuestionKind.TRUE_FALSE]
    assert grade(true_false, answer(text="true")) == (Decimal(1), True)
    assert grade(true_false, answer(text="false"))[1] is False
    assert grade(true_false, answer(text=""))[1] is False
    short = bank[QuestionKind.SHORT_TEXT]
    assert grade(short, answer(text="القانونُ الاساسي"))[1] is True
    assert grade(short, answer(text="النظام الداخلي"))[1] is False
    assert grade(short, answer(text="   "))[1] is False
    numeric = bank[QuestionKind.NUMERIC]
    assert grade(numeric, answer(number=Decimal(15)))[1] is True
    assert grade(numeric, answer(number=Decimal(16)))[1] is False
    numeric.tolerance = Decimal(1)
    assert grade(numeric, answer(number=Decimal(16)))[1] is True
    assert grade(numeric, answer(number=None))[1] is False


@pytest.mark.django_db
def test_multiple_choice_partial_credit_is_right_minus_wrong_over_right(bank):
    multiple = bank[QuestionKind.MULTIPLE]  # 2 points; three correct choices, one wrong
    ids = {choice.text: choice.pk for choice in multiple.choices.all()}
    minutes, accounts, statutes, wrong = ids["Minutes"], ids["Accounts"], ids["Statutes"], ids["Members' passwords"]
    assert grade(multiple, answer([minutes, accounts, statutes])) == (Decimal(2), True)
    assert grade(multiple, answer([minutes, accounts])) == (Decimal("1.33"), False)
    assert grade(multiple, answer([minutes, accounts, wrong])) == (Decimal("0.67"), False)
    assert grade(multiple, answer([minutes, wrong])) == (Decimal(0), False)  # never below zero
    assert grade(multiple, answer([wrong])) == (Decimal(0), False)
    assert grade(multiple, answer([minutes, accounts, statutes, wrong])) == (Decimal("1.33"), False)
