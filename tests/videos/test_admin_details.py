"""A ready video's edit page shows the poster, the length, what each quality costs, a preview and where it is used."""

import os
import re

import pytest
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from courses.signals import sync_course_trainers
from tests.factories import UserFactory
from videos.enums import VideoStatus
from videos.models import Video

pytestmark = pytest.mark.django_db
ON_S3 = bool(os.environ.get("AWS_STORAGE_BUCKET_NAME"))
UNUSED_HINT = "Not used in any lesson yet. To show it to learners, edit a lesson, add a “Video” block to its body"


def edit_page(client, video, language="en"):
    response = client.get(f"/admin/snippets/videos/video/edit/{video.pk}/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def test_a_ready_video_shows_poster_length_qualities_preview_and_the_lessons_using_it(client, lesson_with_video):
    course, lesson = lesson_with_video
    video = Video.objects.get(pk=lesson.body[0].value["video"].pk)
    course.trainers.add(video.owner)
    sync_course_trainers(course)  # the owner teaches the course, so may edit its lesson
    client.force_login(video.owner)
    html = edit_page(client, video)
    media = f"/media/videos/{video.pk}"
    assert re.search(rf'<img [^>]*src="{media}/poster.jpg"[^>]*alt="Poster of “Vidéo”"', html)
    assert re.search(r"<dt>Duration</dt>\s*<dd>0.1 min</dd>", html)  # 3 seconds
    renditions = {rendition.kind: rendition for rendition in video.renditions.all()}
    per_minute = {kind: filesizeformat(r.bytes * 60 / video.duration) + "/min" for kind, r in renditions.items()}
    assert f"<li>144p · {per_minute['hls']}</li>" in html
    assert f"<li>Audio only · {per_minute['audio']}</li>" in html
    assert f"<li>Download (MP4) {renditions['download'].height}p · {per_minute['download']}</li>" in html
    preview = re.search(r"<video [^>]*>.*?</video>", html, flags=re.S).group(0)
    assert f'poster="{media}/poster.jpg"' in preview
    assert f'<source src="{media}/master.m3u8" type="application/vnd.apple.mpegurl">' in preview
    assert f'<source src="{media}/download.mp4" type="video/mp4">' in preview
    assert client.get(f"{media}/poster.jpg").status_code == (302 if ON_S3 else 200)  # the owner may see it
    assert f'<a href="/admin/pages/{lesson.pk}/edit/">{lesson.title}</a>' in html
    assert f'href="/admin/snippets/videos/video/usage/{video.pk}/"' in html
    assert UNUSED_HINT not in html


def test_the_details_use_the_admins_language_and_its_numbers(client, video):
    client.force_login(video.owner)
    html = edit_page(client, video, language="fr")
    assert "0,1 min" in html
    with translation.override("fr"):
        hls = video.renditions.get(kind="hls")
        assert f"144p · {filesizeformat(hls.bytes * 60 / video.duration)}/min" in html
    assert "Pas encore utilisée dans une leçon" in html


def test_an_unused_ready_video_says_how_to_add_it_to_a_lesson(client, video):
    client.force_login(video.owner)
    html = edit_page(client, video)
    assert UNUSED_HINT in html
    assert "<video " in html


def test_a_lesson_the_trainer_may_not_edit_is_named_without_its_title(client, lesson_with_video):
    _course, lesson = lesson_with_video
    video = lesson.body[0].value["video"]
    stranger = UserFactory(groups=["Observatory admins"])
    owner_view = edit_page(_logged_in(client, video.owner), video)
    assert "(Private page)" in owner_view and lesson.title not in owner_view
    assert lesson.title in edit_page(_logged_in(client, stranger), video)


def _logged_in(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize("status", [VideoStatus.PROBING, VideoStatus.TRANSCODING, VideoStatus.FAILED])
def test_a_video_not_ready_shows_no_preview_only_its_status(client, status):
    owner = UserFactory(groups=["Trainers"])
    video = Video.objects.create(
        title="En route",
        owner=owner,
        original="videos/originals/a.mp4",
        status=status,
        progress=30,
        failure_reason="The file has no video picture." if status == VideoStatus.FAILED else "",
    )
    client.force_login(owner)
    html = edit_page(client, video)
    assert "<video " not in html and "poster.jpg" not in html and UNUSED_HINT not in html
    assert f'data-video-status-id="{video.pk}"' in html
    assert str(status.label) in html
    if status == VideoStatus.FAILED:
        assert re.search(r"<p [^>]*data-video-status-reason>The file has no video picture.</p>", html)
