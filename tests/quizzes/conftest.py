import pytest

from courses.models import Enrolment
from tests.factories import UserFactory, build_course
from tests.factories.quizzes import build_bank, build_quiz


@pytest.fixture
def course(catalogues):
    return build_course(catalogues["ar"], lessons=1)[0]


@pytest.fixture
def bank(course):
    return build_bank(course)


@pytest.fixture
def quiz(course, bank):
    _category, questions = bank
    return build_quiz(course, list(questions.values()), pass_mark=60, attempts_allowed=2)


@pytest.fixture
def learner(course):
    user = UserFactory(preferred_language="ar")
    Enrolment.objects.create(user=user, course=course)
    return user


def quiz_url(quiz, suffix=""):
    return quiz.url + suffix
