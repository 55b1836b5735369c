"""A lesson saved for offline use reads its files through the server, after the same access check."""

import pytest
from django.test import Client

from courses.models import Enrolment
from tests.factories import UserFactory
from tests.videos.test_delivery import media_url


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["download.mp4", "audio.m4a", "poster.jpg"])
def test_a_lesson_saved_for_offline_reads_its_files_through_the_server_after_the_same_check(
    lesson_with_video, video, name
):
    course, _lesson = lesson_with_video
    learner = UserFactory()
    Enrolment.objects.create(user=learner, course=course)
    client = Client()
    client.force_login(learner)
    response = client.get(media_url(video, name), HTTP_X_TADRIB_OFFLINE_SAVE="1")
    assert response.status_code == 200  # streamed, never a redirect to the bucket: the page's script stores it
    assert b"".join(response.streaming_content)[:4] != b""
    stranger = Client()
    stranger.force_login(UserFactory())
    assert stranger.get(media_url(video, name), HTTP_X_TADRIB_OFFLINE_SAVE="1").status_code == 403


@pytest.mark.django_db
def test_the_lesson_offers_saving_for_offline_with_its_size(lesson_with_video, video):
    from bs4 import BeautifulSoup

    from videos.player import megabytes

    course, lesson = lesson_with_video
    learner = UserFactory()
    Enrolment.objects.create(user=learner, course=course)
    client = Client()
    client.force_login(learner)
    page = BeautifulSoup(client.get(lesson.url).content.decode(), "html.parser")
    button = page.select_one("[data-save-lesson]")
    sizes = {r.kind: r.bytes for r in video.renditions.all()}
    base = f"/media/videos/{video.pk}"
    assert button.has_attr("hidden")  # shown by the script, where the browser can keep it
    assert (button["data-video"], int(button["data-video-bytes"])) == (f"{base}/download.mp4", sizes["download"])
    assert (button["data-sound"], int(button["data-sound-bytes"])) == (f"{base}/audio.m4a", sizes["sound"])
    assert button.text == f"Save this lesson for offline ({megabytes(sizes['download'])})"
    assert button["data-label-sound"] == f"Save this lesson for offline, sound only ({megabytes(sizes['sound'])})"
    assert button["data-files"] == f"{base}/poster.jpg"
    assert page.find("script", src=lambda src: src and src.endswith("js/offline_lessons.js"))
