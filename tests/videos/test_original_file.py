"""The uploaded file keeps its name, shown harmlessly, and only those who may change the video download it."""

import os
import re
from urllib.parse import parse_qs, urlparse

import pytest
import requests
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.factories import UserFactory
from videos import uploads
from videos.enums import VideoStatus
from videos.models import Caption, Upload, Video

pytestmark = pytest.mark.django_db
ON_S3 = bool(os.environ.get("AWS_STORAGE_BUCKET_NAME"))
CONTENT = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 8
LONG = "cours-" + "x" * 294 + ".webm"  # 300 characters
HOSTILE = [
    # (name sent by the browser, name kept for display)
    ("../../etc/passwd.webm", "passwd.webm"),
    ("..\\..\\windows\\cours.webm", "cours.webm"),
    ("cours\x00.webm", "cours.webm"),
    ("bilan\u202egnp.webm", "bilangnp.webm"),  # a right-to-left override would show "bilanmbew.png"
    ("ré\u200bunion\u2066.webm", "réunion.webm"),
    ("<img src=x onerror=alert(1)>.webm", "<img src=x onerror=alert(1)>.webm"),
    ("محاضرة الجمعية العامة.webm", "محاضرة الجمعية العامة.webm"),
    (LONG, LONG[:250] + ".webm"),  # shortened as Django shortens a file sent with a form
]


def stored_video(owner, name="ma leçon.webm", **fields):
    key = default_storage.save("videos/originals/0123abcd.webm", ContentFile(CONTENT))
    return Video.objects.create(
        title="Assemblée", owner=owner, original=key, original_name=name, original_bytes=len(CONTENT), **fields
    )


def form_data(**extra):
    return {
        "title": "Réunion",
        "language": "fr",
        "captions-TOTAL_FORMS": "0",
        "captions-INITIAL_FORMS": "0",
        "captions-MIN_NUM_FORMS": "0",
        "captions-MAX_NUM_FORMS": "1000",
        **extra,
    }


@pytest.fixture
def owner(client):
    user = UserFactory(groups=["Trainers"])
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return user


def test_the_edit_page_links_the_original_through_the_checked_view_by_its_name(client, owner):
    video = stored_video(owner)
    html = client.get(f"/admin/snippets/videos/video/edit/{video.pk}/").content.decode()
    link = re.search(rf'<a [^>]*href="/admin/videos/original/{video.pk}/"[^>]*>(.*?)</a>', html, flags=re.S)
    assert link is not None
    assert "<bdi>ma leçon.webm</bdi>" in link.group(1)
    assert "/media/videos/originals/" not in html and "0123abcd" not in html  # neither the 404 nor the stored name


@pytest.mark.parametrize(("sent", "kept"), HOSTILE)
def test_a_hostile_name_sent_in_pieces_is_kept_harmless(client, owner, sent, kept):
    upload = uploads.start(owner, sent, len(CONTENT))
    assert upload.name == kept
    default_storage.save(upload.key, ContentFile(CONTENT))
    Upload.objects.filter(pk=upload.pk).update(completed=timezone.now(), received=len(CONTENT))
    assert client.post("/admin/snippets/videos/video/add/", form_data(upload=upload.pk)).status_code == 302
    video = Video.objects.get()
    assert video.original_name == kept and len(video.original_name) <= 255
    assert_shown_harmlessly(client, video, kept)


@pytest.mark.parametrize(("sent", "kept"), HOSTILE)
def test_a_hostile_name_sent_with_the_form_is_kept_harmless(client, owner, sent, kept):
    response = client.post("/admin/snippets/videos/video/add/", form_data(original=SimpleUploadedFile(sent, CONTENT)))
    assert response.status_code == 302
    video = Video.objects.get()
    assert video.original_name == kept
    assert_shown_harmlessly(client, video, kept)


def assert_shown_harmlessly(client, video, kept):
    html = client.get(f"/admin/snippets/videos/video/edit/{video.pk}/").content.decode()
    shown = kept.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert f"<bdi>{shown}</bdi>" in html
    assert "<img src=x" not in html
    assert not re.search("[\u0000\u200b\u202a-\u202e\u2066-\u2069]", html)


def test_a_name_that_is_nothing_but_dots_or_controls_downloads_under_a_plain_one(client, owner):
    for sent in ["\u202e\u200b.webm", "../.webm"]:
        assert uploads.start(owner, sent, len(CONTENT)).name == ".webm"
    video = stored_video(owner, name=".webm")
    assert_serves(download(client, video), f'attachment; filename="video-{video.pk}.webm"')


def download(client, video, **headers):
    return client.get(f"/admin/videos/original/{video.pk}/", headers=headers)


def assert_serves(response, name_header):
    if ON_S3:
        # A short presigned URL that makes the bucket answer with the same attachment header.
        assert response.status_code == 302
        query = parse_qs(urlparse(response["Location"]).query)
        assert query["response-content-disposition"] == [name_header]
        assert int(query["X-Amz-Expires"][0]) <= 300
        stored = requests.get(response["Location"], timeout=10)
        assert (stored.status_code, stored.headers["Content-Disposition"]) == (200, name_header)
        assert stored.content == CONTENT
    else:
        assert response.status_code == 200
        assert response["Content-Disposition"] == name_header
        assert response["Content-Type"] == "application/octet-stream"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content) == CONTENT


@pytest.mark.parametrize(
    ("who", "status"),
    [("owner", 200), ("another trainer", 404), ("editor", 404), ("observatory admin", 200), ("anonymous", 302)],
)
def test_who_may_download_the_original(client, who, status):
    trainer = UserFactory(groups=["Trainers"])
    video = stored_video(trainer)
    users = {
        "owner": trainer,
        "another trainer": UserFactory(groups=["Trainers"]),
        "editor": UserFactory(groups=["Editors"]),
        "observatory admin": UserFactory(groups=["Observatory admins"]),
    }
    if who in users:
        client.force_login(users[who])
    response = download(client, video)
    if status == 200:
        assert_serves(response, "attachment; filename*=utf-8''ma%20le%C3%A7on.webm")
    elif status == 302:
        assert response.status_code == 302
        assert response["Location"] == f"/admin/login/?next=/admin/videos/original/{video.pk}/"
    else:
        assert_not_found(response)


def test_an_ascii_name_is_quoted_and_the_original_is_served_by_ranges(client, owner):
    video = stored_video(owner, name='bilan "2026".webm')
    assert_serves(download(client, video), 'attachment; filename="bilan \\"2026\\".webm"')
    if not ON_S3:
        partial = download(client, video, Range="bytes=10-19")
        assert partial.status_code == 206
        assert partial["Content-Range"] == f"bytes 10-19/{len(CONTENT)}"
        assert b"".join(partial.streaming_content) == CONTENT[10:20]


def test_a_video_still_converting_can_be_downloaded_by_its_owner(client, owner):
    video = stored_video(owner, status=VideoStatus.TRANSCODING)
    assert download(client, video).status_code == (302 if ON_S3 else 200)


def assert_not_found(response):
    """A 404 at once (never redirected to a language prefix), and nothing of the file."""
    assert response.status_code == 404
    assert CONTENT not in response.content


def test_a_missing_original_is_not_found(client, owner):
    video = stored_video(owner)
    default_storage.delete(video.original.name)
    if ON_S3:  # the bucket answers the presigned link with its own 404
        assert download(client, video).status_code == 302
    else:
        assert_not_found(download(client, video))


def test_a_captions_track_is_linked_through_the_checked_delivery_view(client, video):
    webvtt = "WEBVTT\n\n00:00.500 --> 00:02.000\nمرحبا\n".encode()
    Caption.objects.create(video=video, language="ar", file=SimpleUploadedFile("ar.vtt", webvtt))
    client.force_login(video.owner)
    html = client.get(f"/admin/snippets/videos/video/edit/{video.pk}/").content.decode()
    assert "/media/videos/captions/" not in html  # the stored file's address, a 404
    assert f'<a href="/media/videos/{video.pk}/captions/ar.vtt" download><bdi>ar.vtt</bdi></a>' in html
    response = client.get(f"/media/videos/{video.pk}/captions/ar.vtt")
    assert response.status_code == (302 if ON_S3 else 200)
