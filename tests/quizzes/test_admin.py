import csv
import io
import re

import pytest

from courses.models import CoursePage
from courses.signals import sync_course_trainers
from quizzes import services
from quizzes.enums import QuestionKind
from quizzes.models import Question, QuestionCategory
from tests.factories import UserFactory, build_course
from tests.factories.quizzes import build_bank

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_admin(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def list_as_trainer(course, user):
    course.trainers.add(user)
    course.save_revision().publish()
    sync_course_trainers(course)


@pytest.fixture
def trainer(course):
    user = UserFactory(groups=["Trainers"], preferred_language="en")
    list_as_trainer(course, user)
    return user


def question_form(category, **extra):
    data = {
        "category": category.pk,
        "kind": "single",
        "points": "1",
        "text": "Who approves the budget?",
        "explanation": "",
        "tolerance": "0",
        "true_false_answer": "",
        "choices-TOTAL_FORMS": "2",
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
        "choices-0-text": "The general assembly",
        "choices-0-correct": "on",
        "choices-0-ORDER": "1",
        "choices-1-text": "The treasurer",
        "choices-1-ORDER": "2",
        "accepted_answers-TOTAL_FORMS": "0",
        "accepted_answers-INITIAL_FORMS": "0",
        "accepted_answers-MIN_NUM_FORMS": "0",
        "accepted_answers-MAX_NUM_FORMS": "1000",
    }
    data.update(extra)
    return data


def test_a_trainer_adds_questions_to_their_course_bank_only(client, trainer, bank, catalogues):
    category = bank[0]
    other_course = build_course(catalogues["ar"], lessons=0)[0]
    foreign = QuestionCategory.objects.create(name="Autre", course=other_course)
    client.force_login(trainer)
    response = client.post("/admin/snippets/quizzes/question/add/", question_form(category))
    assert response.status_code == 302
    assert Question.objects.filter(text="Who approves the budget?", category=category).exists()
    refused = client.post("/admin/snippets/quizzes/question/add/", question_form(foreign, text="Sneaky"))
    assert refused.status_code == 200 and not Question.objects.filter(text="Sneaky").exists()


def offered(html, field):
    select = re.search(rf'<select name="{field}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return set(re.findall(r'<option value="([^"]*)"', select))


def test_each_role_is_offered_exactly_the_courses_it_may_file_categories_under(client, trainer, course, catalogues):
    second = build_course(catalogues["fr"], lessons=0)[0]
    list_as_trainer(second, trainer)
    build_course(catalogues["ar"], lessons=0)  # a colleague's
    add = "/admin/snippets/quizzes/questioncategory/add/"
    client.force_login(trainer)
    form = client.get(add).content.decode()
    # Their courses, and no empty choice: the shared bank is not theirs to write to.
    assert offered(form, "course") == {str(course.pk), str(second.pk)}
    assert "Leave empty for the shared bank" not in form
    mine = QuestionCategory.objects.create(name="Budgets", course=second)
    form = client.get(f"/admin/snippets/quizzes/questioncategory/edit/{mine.pk}/").content.decode()
    assert offered(form, "course") == {str(course.pk), str(second.pk)}
    client.force_login(UserFactory(groups=["Observatory admins"]))
    form = client.get(add).content.decode()
    every_course = {str(pk) for pk in CoursePage.objects.values_list("pk", flat=True)}
    assert offered(form, "course") == {"", *every_course}
    assert '<option value="" selected>The shared bank</option>' in form
    client.force_login(UserFactory(groups=["Editors"]))
    response = client.get(add)
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_a_trainer_files_categories_under_their_own_courses_only(client, trainer, course, catalogues):
    other_course = build_course(catalogues["ar"], lessons=0)[0]
    client.force_login(trainer)
    add = "/admin/snippets/quizzes/questioncategory/add/"
    assert offered(client.get(add).content.decode(), "course") == {str(course.pk)}
    refusals = [
        (other_course.pk, "Select a valid choice."),
        ("", "Choose one of your courses: only the Observatory administrators keep the shared bank."),
    ]
    for value, message in refusals:
        response = client.post(add, {"name": "Intrusion", "course": value})
        assert response.status_code == 200 and message in response.content.decode()
    assert not QuestionCategory.objects.filter(name="Intrusion").exists()
    assert client.post(add, {"name": "Budgets", "course": course.pk}).status_code == 302
    mine = QuestionCategory.objects.get(name="Budgets", course=course)
    response = client.post(f"/admin/snippets/quizzes/questioncategory/edit/{mine.pk}/", {"name": "Moved", "course": ""})
    assert response.status_code == 200
    mine.refresh_from_db()
    assert (mine.name, mine.course) == ("Budgets", course)


def test_only_admins_keep_the_shared_bank(client, course):
    client.force_login(UserFactory(groups=["Observatory admins"]))
    add = "/admin/snippets/quizzes/questioncategory/add/"
    assert str(course.pk) in offered(client.get(add).content.decode(), "course")
    assert client.post(add, {"name": "Commun", "course": ""}).status_code == 302
    assert QuestionCategory.objects.get(name="Commun").course is None


def test_a_trainer_puts_questions_in_their_own_categories_only(client, trainer, bank):
    shared = QuestionCategory.objects.create(name="Commun", course=None)
    client.force_login(trainer)
    add = "/admin/snippets/quizzes/question/add/"
    assert offered(client.get(add).content.decode(), "category") == {"", str(bank[0].pk)}
    response = client.post(add, question_form(shared, text="Into the shared bank"))
    assert response.status_code == 200 and "Select a valid choice." in response.content.decode()
    assert not Question.objects.filter(text="Into the shared bank").exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"choices-0-correct": ""}, "exactly one correct"),
        ({"kind": "true_false"}, "Say whether the statement is true or false."),
        ({"kind": "short_text"}, "at least one accepted answer"),
        ({"kind": "numeric"}, "Give the correct number."),
        ({"choices-TOTAL_FORMS": "1"}, "at least two choices"),
    ],
)
def test_incomplete_questions_are_refused_with_a_reason(client, trainer, bank, changes, message):
    client.force_login(trainer)
    response = client.post("/admin/snippets/quizzes/question/add/", question_form(bank[0], **changes))
    assert response.status_code == 200 and message in response.content.decode()


def test_trainers_cannot_open_or_list_other_courses_questions(client, trainer, catalogues):
    other_course = build_course(catalogues["ar"], lessons=0)[0]
    foreign = build_bank(other_course, name="Autre")[1][QuestionKind.SINGLE]
    client.force_login(trainer)
    for action in ("edit", "delete", "history", "usage", "copy"):
        response = client.get(f"/admin/snippets/quizzes/question/{action}/{foreign.pk}/")
        assert (response.status_code, response["Location"]) == (302, "/admin/"), action  # Wagtail's refusal
    assert foreign.text not in client.get("/admin/snippets/quizzes/question/").content.decode()
    chooser = client.get("/admin/snippets/choose/quizzes/question/").content.decode()
    assert foreign.text not in chooser
    client.force_login(UserFactory(groups=["Trainees"]))
    response = client.get("/admin/snippets/quizzes/question/")
    assert (response.status_code, response["Location"]) == (302, "/admin/login/?next=/admin/snippets/quizzes/question/")


def test_results_csv_and_regrade_are_for_the_course_trainers(client, trainer, quiz, learner):
    attempt = services.start(learner, quiz)
    services.submit(attempt)
    client.force_login(trainer)
    page = client.get(f"/admin/quizzes/{quiz.pk}/results/")
    html = page.content.decode()
    assert page.status_code == 200 and learner.email in html
    export = client.get(f"/admin/quizzes/{quiz.pk}/results.csv")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Name", "E-mail"] and rows[1][1] == learner.email and rows[1][2] == "1"
    assert client.post(f"/admin/quizzes/{quiz.pk}/regrade/").status_code == 302
    assert client.get(f"/admin/quizzes/{quiz.pk}/regrade/").status_code == 405
    outsider = UserFactory(groups=["Trainers"])
    client.force_login(outsider)
    for response in (
        client.get(f"/admin/quizzes/{quiz.pk}/results/"),
        client.get(f"/admin/quizzes/{quiz.pk}/results.csv"),
        client.post(f"/admin/quizzes/{quiz.pk}/regrade/"),
    ):
        assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail's refusal
    client.force_login(learner)  # no admin access at all: the admin's door answers (see tests/home)
    response = client.get(f"/admin/quizzes/{quiz.pk}/results/")
    door = f"/admin/login/?next=/admin/quizzes/{quiz.pk}/results/"
    assert (response.status_code, response["Location"]) == (302, door)


def test_csv_cells_cannot_start_a_formula(client, trainer, quiz, learner):
    learner.full_name_latin = "=HYPERLINK(evil)"
    learner.save()
    services.submit(services.start(learner, quiz))
    client.force_login(trainer)
    export = client.get(f"/admin/quizzes/{quiz.pk}/results.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(export)))
    assert rows[1][0].startswith("'=")


def test_a_trainer_builds_a_quiz_page_in_their_course(client, trainer, course, bank):
    client.force_login(trainer)
    question = bank[1][QuestionKind.SINGLE]
    data = {
        "title": "Quiz final",
        "slug": "quiz-final",
        "pass_mark": "60",
        "attempts_allowed": "2",
        "grace_seconds": "30",
        "feedback": "immediate",
        "score_rule": "best",
        "shuffle_questions": "on",
        "required": "on",
        "items-TOTAL_FORMS": "2",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "1",
        "items-MAX_NUM_FORMS": "1000",
        "items-0-question": str(question.pk),
        "items-0-draw": "1",
        "items-0-ORDER": "1",
        "items-1-category": str(bank[0].pk),
        "items-1-draw": "3",
        "items-1-ORDER": "2",
        "action-publish": "publish",
    }
    response = client.post(f"/admin/pages/add/quizzes/quizpage/{course.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    from quizzes.models import QuizPage

    quiz = QuizPage.objects.get(slug="quiz-final")
    assert quiz.items.count() == 2
    header = client.get(f"/admin/pages/{quiz.pk}/edit/").content.decode()
    assert f"/admin/quizzes/{quiz.pk}/results/" in header


def test_deleting_a_question_used_by_a_quiz_is_refused_cleanly(client, quiz, bank):
    admin = UserFactory(groups=["Observatory admins"])
    client.force_login(admin)
    used = bank[1][QuestionKind.SINGLE]
    # The confirmation page offers no button for what is in use; a forged POST gets Wagtail's refusal.
    for url in (
        f"/admin/snippets/quizzes/question/delete/{used.pk}/",
        f"/admin/snippets/quizzes/questioncategory/delete/{bank[0].pk}/",
    ):
        response = client.post(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url
    assert Question.objects.filter(pk=used.pk).exists() and QuestionCategory.objects.filter(pk=bank[0].pk).exists()
