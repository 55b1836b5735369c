"""A chunk's writer may die at any step: the server never counts bytes it does not hold, and the upload resumes."""

import io
import os

import pytest
from django.core.files.storage import default_storage

from tests.factories import UserFactory
from videos import chunks, uploads
from videos.models import Upload

pytestmark = pytest.mark.django_db
CHUNK = 64 * 1024


class Killed(BaseException):
    """The process dies here (nothing below this point runs, no `except Exception` sees it)."""


@pytest.fixture
def upload(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    settings.VIDEO_UPLOAD_CHUNK_BYTES = CHUNK
    return uploads.start(UserFactory(groups=["Trainers"]), "course.mp4", 2 * CHUNK)


def write(upload, offset, body):
    return uploads.write_chunk(Upload.objects.get(pk=upload.pk), offset, len(body), upload.size, io.BytesIO(body))


def finished_bytes(upload):
    uploads.complete(Upload.objects.get(pk=upload.pk))
    with default_storage.open(upload.key, "rb") as stored:
        return stored.read()


def leftovers(upload):
    folder = default_storage.path("videos/uploads")
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def test_a_writer_killed_after_keeping_its_chunk_counts_on_the_next_request(upload, monkeypatch):
    first, second = os.urandom(CHUNK), os.urandom(CHUNK)

    def die(*args):
        raise Killed

    with monkeypatch.context() as patched:
        patched.setattr(chunks, "_place", die)
        with pytest.raises(Killed):
            write(upload, 0, first)
    assert Upload.objects.get(pk=upload.pk).received == 0
    # The browser asks where the server stands: the kept chunk is counted now, and the retry is not needed.
    assert uploads.describe(Upload.objects.get(pk=upload.pk))["received"] == CHUNK
    with pytest.raises(uploads.UploadError) as refused:
        write(upload, 0, os.urandom(CHUNK))
    assert (refused.value.status, refused.value.extra) == (409, {"received": CHUNK})
    assert write(upload, CHUNK, second) == 2 * CHUNK
    assert finished_bytes(upload) == first + second
    assert leftovers(upload) == []


def test_a_writer_killed_half_way_through_copying_its_chunk_is_finished_by_the_next_one(upload, monkeypatch):
    first, second = os.urandom(CHUNK), os.urandom(CHUNK)
    place = chunks._place

    def half_then_die(upload, offset, length, source):
        place(upload, offset, length // 2, source)
        raise Killed

    with monkeypatch.context() as patched:
        patched.setattr(chunks, "_place", half_then_die)
        with pytest.raises(Killed):
            write(upload, 0, first)
    assert write(upload, CHUNK, second) == 2 * CHUNK  # the first chunk is recovered on the way
    assert finished_bytes(upload) == first + second


def test_a_writer_killed_while_receiving_leaves_nothing_counted_and_the_retry_resumes(upload, monkeypatch):
    first, second = os.urandom(CHUNK), os.urandom(CHUNK)

    class DyingStream(io.BytesIO):
        def read(self, size=-1):
            if self.tell() >= CHUNK // 2:
                raise Killed
            return super().read(min(size, 1024))

    with pytest.raises(Killed):
        uploads.write_chunk(Upload.objects.get(pk=upload.pk), 0, CHUNK, upload.size, DyingStream(b"x" * CHUNK))
    assert uploads.describe(Upload.objects.get(pk=upload.pk))["received"] == 0
    assert write(upload, 0, first) == CHUNK
    assert write(upload, CHUNK, second) == 2 * CHUNK
    assert finished_bytes(upload) == first + second


def test_a_late_duplicate_of_a_counted_chunk_changes_no_byte(upload):
    first = os.urandom(CHUNK)
    assert write(upload, 0, first) == CHUNK
    # A request that passed the position check before the chunk was counted arrives last.
    assert chunks.receive(Upload.objects.get(pk=upload.pk), 0, CHUNK, io.BytesIO(b"z" * CHUNK)) is False
    with open(chunks.partial_path(upload), "rb") as partial:
        assert partial.read() == first


def test_a_cancelled_upload_takes_no_more_chunks_and_leaves_no_file(upload):
    stale = Upload.objects.get(pk=upload.pk)
    uploads.abort(Upload.objects.get(pk=upload.pk))
    with pytest.raises(uploads.UploadError) as refused:
        uploads.write_chunk(stale, 0, CHUNK, upload.size, io.BytesIO(b"x" * CHUNK))
    assert refused.value.status == 410
    assert not os.path.exists(chunks.partial_path(upload)) and leftovers(upload) == []
