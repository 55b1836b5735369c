import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from courses.models import CoursePage, Enrolment
from quizzes import services
from quizzes.models import QuizPage
from seminars.models import Registration, SeminarPage
from tests.factories import UserFactory
from videos.models import Video


@pytest.mark.django_db
def test_the_demo_loads_twice_without_duplicates_and_its_quizzes_can_be_taken(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the demo videos are converted on commit
        call_command("seed_demo", verbosity=0)
    counts = (CoursePage.objects.count(), QuizPage.objects.count(), Video.objects.count(), Registration.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (
        CoursePage.objects.count(),
        QuizPage.objects.count(),
        Video.objects.count(),
        Registration.objects.count(),
    ) == counts
    seminars = SeminarPage.objects.live()
    assert {s.wilaya.code for s in seminars if s.wilaya} >= {11, 16, 31} and seminars.filter(kind="online").exists()
    assert (
        seminars.filter(ends_at__lt=timezone.now()).exists() and seminars.filter(starts_at__gt=timezone.now()).exists()
    )
    assert Registration.objects.filter(status="waitlisted").exists()
    assert Site.objects.get(is_default_site=True).root_url == settings.WAGTAILADMIN_BASE_URL  # not localhost
    assert all(video.is_ready for video in Video.objects.all())
    for quiz in QuizPage.objects.live():
        course = quiz.course
        questions = {item.question.kind for item in quiz.items.exclude(question=None)}
        assert {"single", "multiple", "true_false", "short_text", "numeric"} <= questions
        assert course.language == quiz.locale.language_code
        learner = UserFactory()
        Enrolment.objects.create(user=learner, course=course)
        attempt = services.start(learner, quiz)
        assert len(attempt.layout) == 10
    assert QuizPage.objects.live().count() == 2
