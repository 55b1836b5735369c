import pytest
from django.core.files.base import ContentFile
from django.test import Client

from videos.captions import InvalidCaptions, to_webvtt
from videos.models import Caption

from .test_delivery import served

SRT = "1\r\n00:00:01,000 --> 00:00:02,500\r\nمرحبا بكم\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nBienvenue\r\n"


def test_srt_becomes_webvtt():
    vtt = to_webvtt(SRT.encode())
    assert vtt.startswith("WEBVTT\n")
    assert "00:00:01.000 --> 00:00:02.500\nمرحبا بكم" in vtt
    assert "\n1\n" not in vtt


def test_webvtt_is_kept():
    text = "WEBVTT\n\n00:01.000 --> 00:02.000 align:start\nSalam\n"
    assert to_webvtt(text.encode()) == text


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"just some words\n",
        b"\x00\x01binary",
        b"WEBVTT\n\n00:05.000 --> 00:01.000\nx\n",
        b"\xff\xfe\xfa not utf-8",
        b"x" * (1024 * 1024 + 1),
    ],
)
def test_bad_captions_are_refused(data):
    with pytest.raises(InvalidCaptions):
        to_webvtt(data)


@pytest.mark.django_db
def test_captions_are_served_to_viewers_only_and_listed_as_tracks(lesson_with_video, video):
    from courses.models import Enrolment
    from tests.factories import UserFactory

    Caption.objects.create(video=video, language="ar", file=ContentFile(to_webvtt(SRT.encode()), name="c.vtt"))
    url = f"/media/videos/{video.pk}/captions/ar.vtt"
    assert Client().get(url).status_code == 403
    course, lesson = lesson_with_video
    learner = UserFactory()
    Enrolment.objects.create(user=learner, course=course)
    client = Client()
    client.force_login(learner)
    response = client.get(url)
    assert response.status_code == served("captions/ar.vtt")
    html = client.get(lesson.url).content.decode()
    assert '<track kind="subtitles" srclang="ar"' in html and url in html
