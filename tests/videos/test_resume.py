"""A learner who finished a video starts it again from the beginning, not one second before its end."""

import re

import pytest

from courses import services as courses
from tests.factories import UserFactory
from videos.models import Video
from videos.playback import resume_from

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("saved", "duration", "start"),
    [
        (0, 300, 0),
        (120, 300, 120),
        (293, 300, 293),  # 7 s before the end of a 5-minute video: the learner stopped before the end
        (294, 300, 0),  # within the last 2 % (6 s): finished
        (299, 300, 0),
        (300, 300, 0),
        (340, 300, 0),  # a position past the end (an older, longer version of the video)
        (54, 60, 54),
        (55, 60, 0),  # a one-minute clip: the last 5 s count, 2 % would be 1.2 s
        (3527, 3600, 3527),
        (3528, 3600, 0),  # an hour-long recording: the last 72 s (2 %), where the credits roll
        (2, 4, 0),  # shorter than the margin: always from the start
        (120, None, 120),  # duration unknown: resume as saved
    ],
)
def test_where_playback_starts(saved, duration, start):
    assert resume_from(saved, duration) == start


def player_of(html):
    return re.search(r"<figure [^>]*data-player[^>]*>", html).group(0)


@pytest.mark.parametrize(
    ("saved", "start", "restart"),
    [(120, "120.0", False), (296, "0", True), (0, "0", False)],
)
def test_the_lesson_page_starts_a_finished_video_from_the_beginning(client, lesson_with_video, saved, start, restart):
    course, lesson = lesson_with_video
    Video.objects.filter(pk=lesson.body[0].value["video"].pk).update(duration=300.0)
    learner = UserFactory()
    courses.enrol(learner, course)
    if saved:
        courses.save_position(learner, lesson, saved)
    client.force_login(learner)
    player = player_of(client.get(lesson.url).content.decode())
    assert f'data-start="{start}"' in player
    assert ("data-restart" in player) is restart
