"""Requests racing for the same piece of an upload.

The same chunk, with different bytes, goes to two real web servers (gunicorn, one process each) at once: one
request must be accepted and the other refused, and the file must hold the accepted request's bytes. This runs in
both profiles, on the profile's database and cache (the SQLite file the servers share, or PostgreSQL; the cache
table, or Redis). The servers keep media on disk in both: only there does the application receive chunks (in the
S3 profile the browser sends parts to the bucket itself).

Each request sends half its body, waits until the other request has sent half of its own, then sends the rest.
The client's send buffer is small, so half a chunk is sent only once the server has read most of it, and nothing
reads a chunk's body but `chunks.receive`: when both requests pass the barrier, both servers have checked the
offset and are receiving the same range, and neither can have finished. Every trial is a real race, in either
profile: SQLite takes one writer at a time, but the range is claimed on the file system before anything is
written to the database.
"""

import http.client
import json
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connection
from wagtail.users.models import UserProfile

from tests.core.processes import READY_WITHIN, shared_environment, signed_in
from tests.factories import UserFactory
from videos import uploads
from videos.models import Upload

pytestmark = [pytest.mark.slow]
CHUNK = 4 * 1024**2
TAIL = b"end of the file"
TRIALS = 30
SEND_BUFFER = 64 * 1024  # doubled by the kernel: ~200 KiB in flight before the server reads, far below half a chunk
UPLOADS = "/admin/videos/uploads/"
CSRF_TOKEN = "k" * 32


def chunks_on_disk(env):
    """The servers' environment without the bucket, and with chunks of CHUNK bytes."""
    return {name: value for name, value in env.items() if not name.startswith("AWS_")} | {
        "VIDEO_UPLOAD_CHUNK_BYTES": str(CHUNK)
    }


def uploader(user):
    """A trainer's browser on the admin, in English (the site's default language is Arabic)."""
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    browser = signed_in(user)
    browser.cookies.set("csrftoken", CSRF_TOKEN, domain="127.0.0.1")
    browser.headers["X-CSRFToken"] = CSRF_TOKEN
    return browser


def letters(data):
    """Whose bytes a stored chunk holds: "A", "B", or "AB" for a mix of both requests' bodies."""
    return "".join(sorted(set(data.decode())))


def put_halfway_together(browser, path, sends, headers):
    """PUT each (server, body) at once from its own thread, meeting the others halfway; their (status, JSON)."""
    halfway = threading.Barrier(len(sends), timeout=READY_WITHIN)
    cookie = f"sessionid={browser.cookies['sessionid']}; csrftoken={CSRF_TOKEN}"
    headers = {**headers, "Cookie": cookie, "X-CSRFToken": CSRF_TOKEN, "Content-Type": "application/octet-stream"}

    def put(server, body):
        request = http.client.HTTPConnection("127.0.0.1", server.port, timeout=READY_WITHIN)
        try:
            request.connect()
            request.sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)
            request.putrequest("PUT", path)
            for name, value in {**headers, "Content-Length": str(len(body))}.items():
                request.putheader(name, value)
            request.endheaders()
            request.send(body[: len(body) // 2])
            halfway.wait()
            request.send(body[len(body) // 2 :])
            answer = request.getresponse()
            return answer.status, json.loads(answer.read())
        except BaseException:
            halfway.abort()  # the other request stops waiting
            raise
        finally:
            request.close()

    with ThreadPoolExecutor(max_workers=len(sends)) as pool:
        return list(pool.map(lambda send: put(*send), sends))


def test_one_of_two_servers_sent_the_same_chunk_at_once_keeps_it_with_its_own_bytes(
    start_web_servers, tmp_path, settings
):
    trainer = UserFactory(groups=["Trainers"])
    browser = uploader(trainer)
    servers = start_web_servers(2, env=chunks_on_disk(shared_environment(tmp_path)))
    media = Path(settings.MEDIA_ROOT)
    total = CHUNK + len(TAIL)
    kept, accepted_letters = [], []
    for trial in range(TRIALS):
        bodies = [b"A" * CHUNK, b"B" * CHUNK] if trial % 2 else [b"B" * CHUNK, b"A" * CHUNK]
        here, there = servers[trial % 2], servers[1 - trial % 2]
        started = browser.post(here.url + UPLOADS, json={"name": "course.mp4", "size": total})
        assert started.status_code == 200, started.text
        upload = started.json()
        assert (upload["mode"], upload["chunk_size"], upload["received"]) == ("chunks", CHUNK, 0)
        path = f"{UPLOADS}{upload['id']}/"

        answers = put_halfway_together(
            browser,
            path + "chunk/",
            list(zip(servers, bodies, strict=True)),
            {"Content-Range": f"bytes 0-{CHUNK - 1}/{total}"},
        )
        outcome = {status: (body, answer) for body, (status, answer) in zip(bodies, answers, strict=True)}
        assert sorted(outcome) == [200, 409], answers
        (accepted, accepted_answer), (_, refused_answer) = outcome[200], outcome[409]
        assert accepted_answer == {"received": CHUNK}
        assert refused_answer == {"error": "The server holds a different part of the file.", "received": CHUNK}

        tail = browser.put(
            there.url + path + "chunk/", TAIL, headers={"Content-Range": f"bytes {CHUNK}-{total - 1}/{total}"}
        )
        assert (tail.status_code, tail.json()) == (200, {"received": total})
        finished = browser.post(here.url + path + "complete/")
        assert (finished.status_code, finished.json()) == (200, {**upload, "complete": True, "received": total})
        originals = list((media / "videos" / "originals").iterdir())
        assert len(originals) == 1, originals
        stored = originals[0].read_bytes()
        assert stored[CHUNK:] == TAIL
        kept.append(letters(stored[:CHUNK]))
        accepted_letters.append(letters(accepted))
        deleted = browser.delete(there.url + path)
        assert (deleted.status_code, deleted.json()) == (200, {"deleted": True})
    assert kept == accepted_letters, f"kept {kept}, accepted {accepted_letters}"  # not a mix nor the refused's
    assert [path for path in media.rglob("*") if path.is_file()] == []  # no chunk, partial or original left


@pytest.fixture
def on_disk(settings):
    """Uploads go to the media folder (the S3 profile would open a multipart upload for each)."""
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="parallel writers need PostgreSQL (CI runs it)")
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
