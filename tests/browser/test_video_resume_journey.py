"""A learner who watched a lesson video to its end starts it again from the beginning next time."""

import time

import pytest
from django.core.files import File

from courses import services as courses
from courses.enums import Access
from courses.models import CourseIndexPage, LessonPage, LessonProgress
from tests.factories import UserFactory, build_course
from tests.factories.accounts import PASSWORD
from videos import services as videos
from videos.models import Video
from videos.samples import write_test_card

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restored_db")]
SECONDS = 12


@pytest.fixture
def lesson(tmp_path):
    source = write_test_card(tmp_path / "lesson.mp4", width=320, height=180, seconds=SECONDS, preset="ultrafast")
    with source.open("rb") as handle:
        video = Video.objects.create(title="Le bureau", owner=UserFactory(), original=File(handle, name="lesson.mp4"))
    videos.submit(video)  # no transaction here: the test queue converts it at once
    video.refresh_from_db()
    assert video.is_ready
    course, lessons = build_course(
        CourseIndexPage.objects.get(locale__language_code="en"), lessons=1, access=Access.ENROLMENT
    )
    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    lesson.body = [("video", {"video": video, "caption": ""})]
    lesson.save_revision().publish()
    return lesson


def first_second(page, player, timeout=30):
    """Play, and return where the player is once it has played about a second (polled: the CSP forbids eval)."""
    player.evaluate("v => { v.muted = true; v.play().catch(() => {}); }")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        position = player.evaluate("v => v.currentTime")
        if position >= 1:
            return position
        page.wait_for_timeout(100)
    raise AssertionError("the video did not play")


def test_a_finished_video_starts_again_from_the_beginning_and_the_new_position_is_kept(live_server, page, lesson):
    learner = UserFactory()
    courses.enrol(learner, lesson.course)
    courses.save_position(learner, lesson, SECONDS - 1)  # the last beacon of a video watched to its end
    base = live_server.url
    page.goto(f"{base}/en/accounts/login/")
    page.fill("input[name=login]", learner.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(base + "/en/")

    page.goto(base + lesson.url)
    figure = page.locator("[data-player]")
    assert figure.get_attribute("data-start") == "0"
    player = figure.locator("video")
    assert first_second(page, player) < 3  # from the beginning, not from second 11

    assert saved_when_paused(page, player, learner, lesson) < 3  # watching again moves the saved position back

    # Someone who stopped in the middle still resumes there.
    LessonProgress.objects.filter(user=learner, lesson=lesson).update(position_seconds=6)
    page.reload()
    assert figure.get_attribute("data-start") == "6.0"
    assert first_second(page, player) >= 6
    assert saved_when_paused(page, player, learner, lesson) >= 6


def saved_when_paused(page, player, learner, lesson, timeout=15):
    """Pause, then wait until the server holds the paused position: the player's last beacon has been handled
    (and, the position being sent already, leaving the page sends no other)."""
    player.evaluate("v => v.pause()")
    paused_at = int(player.evaluate("v => Math.floor(v.currentTime)"))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if LessonProgress.objects.get(user=learner, lesson=lesson).position_seconds == paused_at:
            return paused_at
        page.wait_for_timeout(100)
    raise AssertionError(f"the position {paused_at} was never saved")
