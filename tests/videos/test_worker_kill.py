"""A real django-q2 worker killed in the middle of a conversion: after a restart the video is finished,
with one set of outputs and its original intact. Needs a database that another process can reach."""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files import File
from django.db import connection
from django.utils import timezone

from videos import storage
from videos.enums import VideoStatus
from videos.models import Video
from videos.samples import write_test_card

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the worker process needs PostgreSQL (CI runs it)"),
]
BASE_DIR = Path(__file__).resolve().parents[2]


def start_worker():
    settings = connection.settings_dict
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DJANGO_ALLOW_ASYNC_UNSAFE="",
        DATABASE_URL=f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}",
    )
    return subprocess.Popen(
        [sys.executable, "manage.py", "qcluster"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def wait_for(predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_killed_worker_then_restart_finishes_the_video(restored_db, media_files, monkeypatch, tmp_path):
    from django_q.conf import Conf
    from django_q.tasks import async_task

    monkeypatch.setattr(Conf, "SYNC", False)  # send the tasks to the broker, for the real worker
    long_video = tmp_path / "long.mp4"
    write_test_card(long_video, 1280, 720, 40, preset="ultrafast")
    with long_video.open("rb") as handle:
        video = Video.objects.create(title="Longue", original=File(handle, name="long.mp4"))
    original = video.original.name

    worker = start_worker()
    try:
        async_task("videos.tasks.probe_video", video.pk)
        assert wait_for(lambda: Video.objects.get(pk=video.pk).status == VideoStatus.TRANSCODING, 60)
        time.sleep(1)
    finally:
        os.killpg(worker.pid, signal.SIGKILL)  # the worker and its ffmpeg die mid-conversion
        worker.wait()
    video.refresh_from_db()
    assert video.status == VideoStatus.TRANSCODING and video.attempts == 1

    Video.objects.filter(pk=video.pk).update(heartbeat=timezone.now() - timedelta(minutes=10))  # time passes
    worker = start_worker()
    try:
        from videos.tasks import sweep_stale_jobs

        sweep_stale_jobs()
        assert wait_for(lambda: Video.objects.get(pk=video.pk).status == VideoStatus.READY, 240)
    finally:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()
    video.refresh_from_db()
    assert video.attempts == 2
    assert storage.list_prefixes(video.pk) == [video.output_prefix]
    assert video.original.name == original and video.original.storage.exists(original)
