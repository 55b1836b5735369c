"""Finished uploads that no video took count towards the cap and are cleared within hours, not a day."""

import json
import os
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from tests.factories import UserFactory
from videos import chunks, uploads
from videos.models import Upload

pytestmark = pytest.mark.django_db
START = "/admin/videos/uploads/"


@pytest.fixture
def trainer(client, settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    user = UserFactory(groups=["Trainers"])
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return user


def start(client, name="a.mp4", size=10):
    return client.post(START, json.dumps({"name": name, "size": size}), content_type="application/json")


def finish(client, body=b"0123456789"):
    upload_id = start(client, size=len(body)).json()["id"]
    sent = client.put(
        f"{START}{upload_id}/chunk/",
        body,
        content_type="application/octet-stream",
        headers={"Content-Range": f"bytes 0-{len(body) - 1}/{len(body)}"},
    )
    assert sent.status_code == 200
    assert client.post(f"{START}{upload_id}/complete/").json()["complete"] is True
    return Upload.objects.get(pk=upload_id)


def add_video(client, upload_id):
    return client.post(
        "/admin/snippets/videos/video/add/",
        {
            "title": "Prise",
            "language": "fr",
            "upload": upload_id,
            "captions-TOTAL_FORMS": "0",
            "captions-INITIAL_FORMS": "0",
            "captions-MIN_NUM_FORMS": "0",
            "captions-MAX_NUM_FORMS": "1000",
        },
    )


def test_finished_uploads_no_video_took_count_towards_the_cap(
    client, trainer, settings, django_capture_on_commit_callbacks
):
    finished = [finish(client) for _ in range(settings.VIDEO_UPLOADS_OPEN_PER_USER)]
    refused = start(client)
    assert refused.status_code == 429
    assert refused.json()["error"] == (
        "You have too many uploads in progress or waiting to be saved as a video; "
        "finish or cancel one, or try again later."
    )
    assert Upload.objects.filter(owner=trainer).count() == settings.VIDEO_UPLOADS_OPEN_PER_USER
    with django_capture_on_commit_callbacks(execute=True):
        assert add_video(client, finished[0].pk).status_code == 302  # a video takes one: room for another
    assert start(client).status_code == 200
    assert client.delete(f"{START}{finished[1].pk}/").json() == {"deleted": True}
    assert start(client).status_code == 200
    assert start(client).status_code == 429


def test_finished_uploads_no_video_took_are_cleared_after_two_hours_unfinished_ones_after_a_day(client, trainer):
    now = timezone.now()
    forgotten, recent = finish(client), finish(client)
    Upload.objects.filter(pk=forgotten.pk).update(created=now - timedelta(hours=3), completed=now - timedelta(hours=3))
    Upload.objects.filter(pk=recent.pk).update(created=now - timedelta(hours=2), completed=now - timedelta(minutes=90))
    slow, abandoned = (Upload.objects.get(pk=start(client).json()["id"]) for _ in range(2))
    for upload in (slow, abandoned):
        assert (
            client.put(
                f"{START}{upload.pk}/chunk/",
                b"01234",
                content_type="application/octet-stream",
                headers={"Content-Range": "bytes 0-4/10"},
            ).status_code
            == 400
        )  # a short chunk that is not the last: refused, nothing kept
    Upload.objects.filter(pk=slow.pk).update(created=now - timedelta(hours=23))
    Upload.objects.filter(pk=abandoned.pk).update(created=now - timedelta(hours=25))

    uploads.sweep_expired()

    assert set(Upload.objects.values_list("pk", flat=True)) == {recent.pk, slow.pk}
    assert not default_storage.exists(forgotten.key) and default_storage.exists(recent.key)


def test_the_sweep_leaves_an_upload_that_a_video_took_meanwhile(client, trainer, monkeypatch):
    upload = finish(client)
    Upload.objects.filter(pk=upload.pk).update(
        created=timezone.now() - timedelta(hours=25), completed=timezone.now() - timedelta(hours=3)
    )
    abort = uploads.abort

    def saved_as_a_video_just_before(stale, *args, **kwargs):
        assert uploads.claim(trainer, stale.pk) is not None  # the video form wins the race
        return abort(stale, *args, **kwargs)

    monkeypatch.setattr(uploads, "abort", saved_as_a_video_just_before)
    uploads.sweep_expired()
    assert default_storage.exists(upload.key)  # now the video's original
    assert not Upload.objects.exists()


def test_partial_files_whose_upload_is_gone_are_swept(client, trainer):
    kept = Upload.objects.get(pk=start(client).json()["id"])
    folder = default_storage.path("videos/uploads")
    os.makedirs(os.path.join(folder, "0" * 32 + ".chunks"))
    for name in ("0" * 32 + ".part", "1" * 32 + ".part", kept.pk.hex + ".part", "notes.txt"):
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(b"bytes")
    hour_ago = timezone.now().timestamp() - 3700
    for name in ("0" * 32 + ".part", "0" * 32 + ".chunks", kept.pk.hex + ".part", "notes.txt"):
        os.utime(os.path.join(folder, name), (hour_ago, hour_ago))

    uploads.sweep_expired()

    # Old and of no upload: gone. Young (its row may be on its way), the live upload's, and unknown names: kept.
    assert sorted(os.listdir(folder)) == sorted(["1" * 32 + ".part", kept.pk.hex + ".part", "notes.txt"])
    assert chunks.partial_path(kept).endswith(kept.pk.hex + ".part")
