from datetime import timedelta
from decimal import Decimal

import pytest
from django.http import QueryDict
from django.utils import timezone

from courses.enums import EnrolmentStatus
from courses.models import Enrolment, LessonProgress
from courses.progress import course_progress
from quizzes import services
from quizzes.enums import FeedbackPolicy, QuestionKind, ScoreRule
from quizzes.models import AcceptedAnswer, Attempt, Choice, Outcome, Response
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def form(attempt, answers):
    """The attempt form's fields for {question: value} (choice texts are turned into positions)."""
    data = QueryDict(mutable=True)
    slots = {slot["question"]: slot for slot in attempt.layout}
    for question, value in answers.items():
        data.appendlist("shown", str(question.pk))
        if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            texts = value if isinstance(value, list) else [value]
            for text in texts:
                choice = question.choices.get(text=text)
                data.appendlist(f"q{question.pk}", str(slots[question.pk]["choices"].index(choice.pk)))
        else:
            data[f"q{question.pk}"] = value
    return data


def all_right(questions):
    return {
        questions[QuestionKind.SINGLE]: "الجمعية العامة",
        questions[QuestionKind.MULTIPLE]: ["Minutes", "Accounts", "Statutes"],
        questions[QuestionKind.TRUE_FALSE]: "true",
        questions[QuestionKind.SHORT_TEXT]: "القانونُ الاساسي",
        questions[QuestionKind.NUMERIC]: "١٥",
    }


def test_a_learner_takes_the_quiz_and_is_graded_on_the_server(quiz, bank, learner):
    questions = bank[1]
    attempt = services.start(learner, quiz)
    assert (attempt.number, attempt.max_score, attempt.deadline) == (1, Decimal(6), None)
    assert services.start(learner, quiz).pk == attempt.pk  # reopening resumes the same attempt
    services.save_answers(attempt, form(attempt, all_right(questions)))
    graded = services.submit(attempt)
    assert (graded.score, graded.percent, graded.passed) == (Decimal(6), Decimal(100), True)
    assert Outcome.objects.get(quiz=quiz, user=learner).passed


def test_partial_answers_score_partially_and_unanswered_questions_score_nothing(quiz, bank, learner):
    questions = bank[1]
    attempt = services.start(learner, quiz)
    answers = {
        questions[QuestionKind.MULTIPLE]: ["Minutes", "Accounts"],
        questions[QuestionKind.TRUE_FALSE]: "false",
        questions[QuestionKind.NUMERIC]: "15,0",
    }
    graded = services.submit(attempt, form(attempt, answers))
    assert graded.score == Decimal("2.33") and graded.percent == Decimal("38.83") and graded.passed is False
    assert not Outcome.objects.get(quiz=quiz, user=learner).passed


def test_attempts_are_limited_and_the_best_or_last_score_counts(quiz, bank, learner):
    questions = bank[1]
    first = services.start(learner, quiz)
    services.submit(first, form(first, all_right(questions)))
    second = services.start(learner, quiz)
    services.submit(second, form(second, {}))
    assert second.number == 2
    with pytest.raises(services.QuizError, match="used all your attempts"):
        services.start(learner, quiz)
    assert Outcome.objects.get(quiz=quiz, user=learner).percent == Decimal(100)  # best
    quiz.score_rule = ScoreRule.LAST
    quiz.save_revision().publish()
    services.update_outcome(learner, quiz)
    assert Outcome.objects.get(quiz=quiz, user=learner).percent == Decimal(0)


def test_only_enrolled_learners_start(quiz, course, client):
    stranger = UserFactory()
    with pytest.raises(services.QuizError):
        services.start(stranger, quiz)
    client.force_login(stranger)
    assert client.post(f"/ar/quizzes/{quiz.pk}/start/").status_code == 403
    Enrolment.objects.create(user=stranger, course=course, status=EnrolmentStatus.WITHDRAWN)
    assert client.post(f"/ar/quizzes/{quiz.pk}/start/").status_code == 403
    client.logout()
    assert client.post(f"/ar/quizzes/{quiz.pk}/start/").status_code == 302  # to the login page
    assert not Attempt.objects.exists()


def test_a_closed_or_not_yet_open_quiz_cannot_be_started(quiz, learner):
    quiz.opens_at = timezone.now() + timedelta(days=1)
    with pytest.raises(services.QuizError, match="not open"):
        services.start(learner, quiz)
    quiz.opens_at, quiz.closes_at = None, timezone.now() - timedelta(minutes=1)
    with pytest.raises(services.QuizError, match="not open"):
        services.start(learner, quiz)


def test_the_time_limit_is_kept_by_the_server_clock(quiz, bank, learner):
    questions = bank[1]
    quiz.time_limit_minutes, quiz.grace_seconds = 10, 30
    quiz.save_revision().publish()
    started = timezone.now() - timedelta(hours=1)
    attempt = services.start(learner, quiz, now=started)
    assert attempt.deadline == started + timedelta(minutes=10)
    single, true_false = questions[QuestionKind.SINGLE], questions[QuestionKind.TRUE_FALSE]
    services.save_answers(attempt, form(attempt, {single: "الجمعية العامة"}), now=started + timedelta(minutes=5))
    # Within the grace period a save still counts; after it, it is refused.
    services.save_answers(attempt, form(attempt, {true_false: "true"}), now=started + timedelta(minutes=10, seconds=20))
    with pytest.raises(services.QuizError, match="Time is up"):
        services.save_answers(
            attempt, form(attempt, {questions[QuestionKind.NUMERIC]: "15"}), now=started + timedelta(minutes=11)
        )
    # A late submission is graded with what was saved in time; the answers it carries are ignored.
    late = services.submit(attempt, form(attempt, all_right(questions)), now=started + timedelta(minutes=11))
    assert late.closed_by_timeout and late.score == Decimal(2)


def test_the_scheduled_task_and_the_next_visit_close_expired_attempts(quiz, bank, learner, client):
    quiz.time_limit_minutes = 5
    quiz.save_revision().publish()
    started = timezone.now() - timedelta(minutes=30)
    attempt = services.start(learner, quiz, now=started)
    services.save_answers(attempt, form(attempt, {bank[1][QuestionKind.TRUE_FALSE]: "true"}), now=started)
    assert services.close_expired_attempts() == 1
    attempt.refresh_from_db()
    assert not attempt.is_open and attempt.closed_by_timeout and attempt.score == Decimal(1)
    assert services.close_expired_attempts() == 0  # graded once
    second = services.start(learner, quiz, now=started)
    client.force_login(learner)
    response = client.get(f"/ar/quizzes/attempts/{second.pk}/")
    assert response.status_code == 302 and response.url.endswith(f"/attempts/{second.pk}/result/")
    second.refresh_from_db()
    assert not second.is_open


def test_answers_for_questions_outside_the_attempt_or_tampered_choices_are_refused(quiz, course, bank, learner):
    from tests.factories.quizzes import build_bank as another_bank

    outsider = another_bank(course, name="أخرى")[1][QuestionKind.SINGLE]
    attempt = services.start(learner, quiz)
    single = bank[1][QuestionKind.SINGLE]
    cases = [
        {f"q{outsider.pk}": "0"},
        {f"q{single.pk}": "7"},
        {f"q{single.pk}": ["0", "1"]},
        {f"q{single.pk}": "-1"},
        {f"q{single.pk}": "x"},
        {"qabc": "1"},
        {"shown": "zz"},
        {f"q{bank[1][QuestionKind.TRUE_FALSE].pk}": "maybe"},
        {f"q{bank[1][QuestionKind.SHORT_TEXT].pk}": "ب" * 501},
        {f"q{single.pk}": str(2**40)},
    ]
    for case in cases:
        data = QueryDict(mutable=True)
        for key, value in case.items():
            data.setlist(key, value if isinstance(value, list) else [value])
        with pytest.raises(services.QuizError):
            services.save_answers(attempt, data)
    assert not Response.objects.exists()


def test_autosave_endpoint_answers_json_and_refuses_other_learners_and_late_saves(quiz, bank, learner, client):
    attempt = services.start(learner, quiz)
    single = bank[1][QuestionKind.SINGLE]
    url = f"/ar/quizzes/attempts/{attempt.pk}/save/"
    client.force_login(learner)
    saved = client.post(url, {"shown": [single.pk], f"q{single.pk}": "0"})
    assert saved.status_code == 200 and saved.json()["saved"] == 1
    assert client.post(url, {f"q{single.pk}": "9"}).status_code == 400
    assert client.get(url).status_code == 405
    other = UserFactory()
    Enrolment.objects.create(user=other, course=quiz.course)
    client.force_login(other)
    assert client.post(url, {f"q{single.pk}": "1"}).status_code == 404  # not their attempt
    assert client.get(f"/ar/quizzes/attempts/{attempt.pk}/").status_code == 404
    client.force_login(learner)
    assert client.post(f"/ar/quizzes/attempts/{attempt.pk}/", {}).status_code == 302  # submitted
    assert client.post(url, {f"q{single.pk}": "1"}).status_code == 409
    assert Response.objects.get().choices == [attempt.layout[0]["choices"][0]]


def test_unticking_every_box_clears_a_saved_answer(quiz, bank, learner):
    attempt = services.start(learner, quiz)
    multiple = bank[1][QuestionKind.MULTIPLE]
    services.save_answers(attempt, form(attempt, {multiple: ["Minutes"]}))
    services.save_answers(attempt, form(attempt, {multiple: []}))
    assert Response.objects.get(question=multiple).choices == []


def test_script_in_a_short_answer_is_stored_as_text_and_shown_escaped(quiz, bank, learner, client):
    quiz.feedback = FeedbackPolicy.IMMEDIATE  # the correction repeats the learner's answer
    quiz.save_revision().publish()
    short = bank[1][QuestionKind.SHORT_TEXT]
    attempt = services.start(learner, quiz)
    services.submit(attempt, form(attempt, {short: "<script>alert('x')</script>"}))
    client.force_login(learner)
    html = client.get(f"/ar/quizzes/attempts/{attempt.pk}/result/").content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html


@pytest.mark.parametrize(
    ("policy", "closes_in", "shown"),
    [
        (FeedbackPolicy.IMMEDIATE, None, True),
        (FeedbackPolicy.NEVER, None, False),
        (FeedbackPolicy.AFTER_CLOSE, timedelta(days=1), False),
        (FeedbackPolicy.AFTER_CLOSE, -timedelta(minutes=1), True),
    ],
)
def test_feedback_policies(quiz, bank, learner, client, policy, closes_in, shown):
    quiz.feedback = policy
    quiz.closes_at = timezone.now() + timedelta(days=2) if closes_in is not None else None
    quiz.save_revision().publish()
    attempt = services.start(learner, quiz)
    services.submit(attempt, form(attempt, {}))
    if closes_in is not None:
        type(quiz).objects.filter(pk=quiz.pk).update(closes_at=timezone.now() + closes_in)
    client.force_login(learner)
    html = client.get(f"/ar/quizzes/attempts/{attempt.pk}/result/").content.decode()
    assert "0 / 6" in html.replace("\u00a0", " ")
    for secret in ("الجمعية العامة هي صاحبة القرار.", "القانون الأساسي"):
        assert (secret in html) is shown


def test_passing_the_quiz_completes_the_course_and_a_regrade_follows_corrections(quiz, course, bank, learner):
    questions = bank[1]
    lesson = course.get_children().live().first()
    LessonProgress.objects.create(user=learner, lesson_id=lesson.pk, completed_at=timezone.now())
    progress = course_progress(learner, course)
    assert (progress.required_total, progress.required_done) == (2, 1)
    assert [activity.page.pk for activity in progress.activities] == [quiz.pk]
    attempt = services.start(learner, quiz)
    answers = all_right(questions)
    answers[questions[QuestionKind.SINGLE]] = "الرئيس وحده"  # wrong, for now
    answers[questions[QuestionKind.MULTIPLE]] = ["Minutes"]
    answers[questions[QuestionKind.SHORT_TEXT]] = "النظام الأساسي"
    graded = services.submit(attempt, form(attempt, answers))
    assert graded.percent == Decimal("44.50") and not graded.passed  # 0.67 + 1 + 1 of 6
    assert Enrolment.objects.get(user=learner).status == EnrolmentStatus.ACTIVE

    # The trainer realises two questions were wrong: the president answer and a missing accepted answer.
    Choice.objects.filter(question=questions[QuestionKind.SINGLE]).update(correct=False)
    Choice.objects.filter(question=questions[QuestionKind.SINGLE], text="الرئيس وحده").update(correct=True)
    AcceptedAnswer.objects.create(question=questions[QuestionKind.SHORT_TEXT], text="النظام الأساسي")
    assert services.regrade(quiz) == 1
    graded.refresh_from_db()
    assert graded.percent == Decimal("77.83") and graded.passed
    assert Outcome.objects.get(user=learner).passed
    assert Enrolment.objects.get(user=learner).status == EnrolmentStatus.COMPLETED
    assert course_progress(learner, course).is_complete


def test_the_course_page_lists_the_quiz_in_the_syllabus(quiz, course, client):
    html = client.get(course.url).content.decode()
    assert quiz.title in html and "syllabus__item--activity" in html


def test_huge_or_field_stuffed_payloads_get_400_and_change_nothing(quiz, bank, learner, client):
    attempt = services.start(learner, quiz)
    client.force_login(learner)
    url = f"/ar/quizzes/attempts/{attempt.pk}/save/"
    short = bank[1][QuestionKind.SHORT_TEXT]
    assert client.post(url, {f"q{short.pk}": "x" * (3 * 1024 * 1024)}).status_code == 400
    assert client.post(url, {f"q{short.pk}": "a", **{f"f{n}": "1" for n in range(10_001)}}).status_code == 400
    assert client.post(f"/ar/quizzes/attempts/{attempt.pk}/", {f"q{short.pk}": "x" * 600}).status_code == 302
    attempt.refresh_from_db()
    assert attempt.is_open and not Response.objects.exists()  # the over-long answer was refused, nothing graded


def test_trainers_use_the_shared_bank_in_quizzes_but_only_admins_edit_it(course, bank):
    from courses.signals import sync_course_trainers
    from quizzes.access import editable_categories, usable_categories
    from quizzes.models import QuestionCategory

    shared = QuestionCategory.objects.create(name="Citoyenneté", course=None)
    trainer = UserFactory(groups=["Trainers"])
    course.trainers.add(trainer)
    course.save_revision().publish()
    sync_course_trainers(course)
    assert set(usable_categories(trainer)) == {shared, bank[0]}
    assert set(editable_categories(trainer)) == {bank[0]}
    admin = UserFactory(groups=["Observatory admins"])
    assert shared in editable_categories(admin)
