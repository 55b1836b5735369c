"""Two requests racing for the same piece of an upload, through the whole view stack, in real threads.

Needs PostgreSQL: SQLite's in-memory test database refuses a second writer outright ("table is locked")."""

import threading

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client

from tests.factories import UserFactory
from videos import uploads
from videos.models import Upload

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="parallel writers need PostgreSQL (CI runs it)"),
]
CHUNK = 1024 * 1024
TRIALS = 24


@pytest.fixture
def on_disk(settings):
    """Chunks go to the media folder (the S3 profile sends parts to the bucket instead)."""
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    settings.VIDEO_UPLOAD_CHUNK_BYTES = CHUNK


def put_in_parallel(cookies, url, bodies, offset, total):
    barrier, answers, errors = threading.Barrier(len(bodies)), {}, []

    def send(body):
        client = Client()
        client.cookies = cookies
        try:
            barrier.wait()
            response = client.put(
                url,
                body,
                content_type="application/octet-stream",
                headers={"Content-Range": f"bytes {offset}-{offset + len(body) - 1}/{total}"},
            )
            answers[body[:1]] = (response.status_code, response.json())
        except Exception as error:  # noqa: BLE001 — collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(body,)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return answers


def test_the_bytes_kept_are_those_of_the_request_that_was_accepted(restored_db, on_disk):
    trainer = UserFactory(groups=["Trainers"])
    client = Client()
    client.force_login(trainer)
    tail = b"end of file"
    total = CHUNK + len(tail)
    outcomes = []
    for _ in range(TRIALS):
        upload = uploads.start(trainer, "course.mp4", total)
        url = f"/admin/videos/uploads/{upload.id}/chunk/"
        bodies = [b"A" * CHUNK, b"B" * CHUNK]
        answers = put_in_parallel(client.cookies, url, bodies, 0, total)
        statuses = sorted(status for status, _ in answers.values())
        assert statuses == [200, 409], answers
        winner = next(letter for letter, (status, _) in answers.items() if status == 200)
        loser = next(answer for status, answer in answers.values() if status == 409)
        assert loser["received"] == CHUNK  # the refused request is told where the server stands

        last = client.put(
            url,
            tail,
            content_type="application/octet-stream",
            headers={"Content-Range": f"bytes {CHUNK}-{total - 1}/{total}"},
        )
        assert last.status_code == 200, last.json()
        assert client.post(f"/admin/videos/uploads/{upload.id}/complete/").status_code == 200
        with default_storage.open(Upload.objects.get(pk=upload.pk).key, "rb") as stored:
            outcomes.append(stored.read() == winner * CHUNK + tail)
        uploads.abort(Upload.objects.get(pk=upload.pk))
    assert outcomes == [True] * TRIALS


def test_parallel_starts_respect_the_cap(restored_db, on_disk, settings):
    trainer = UserFactory(groups=["Trainers"])
    barrier, outcomes, errors = threading.Barrier(8), [], []

    def begin():
        try:
            barrier.wait()
            uploads.start(trainer, "course.mp4", 10)
            outcomes.append(200)
        except uploads.UploadError as refusal:
            outcomes.append(refusal.status)
        except Exception as error:  # noqa: BLE001 — collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=begin) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(outcomes) == [200] * settings.VIDEO_UPLOADS_OPEN_PER_USER + [429] * 3
    assert Upload.objects.filter(owner=trainer).count() == settings.VIDEO_UPLOADS_OPEN_PER_USER
