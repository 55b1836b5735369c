"""Real django-q2 clusters whose workers are killed in the middle of a conversion. Needs a database that another
process can reach (PostgreSQL, as in CI's scale-out profile)."""

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone

from videos import storage, tasks
from videos.enums import VideoStatus
from videos.models import Video
from videos.samples import write_test_card

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the worker process needs PostgreSQL (CI runs it)"),
]
BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def cluster_queue(restored_db, monkeypatch):
    """Tasks go to the broker for the real cluster, which starts from an empty queue."""
    from django_q.brokers import get_broker
    from django_q.conf import Conf

    monkeypatch.setattr(Conf, "SYNC", False)
    get_broker().purge_queue()


@pytest.fixture
def long_video(tmp_path, cluster_queue):
    source = write_test_card(tmp_path / "long.mp4", 1280, 720, 40, preset="ultrafast")
    with source.open("rb") as handle:
        return Video.objects.create(title="Longue", original=File(handle, name="long.mp4"))


def start_cluster(scratch):
    settings = connection.settings_dict
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DJANGO_ALLOW_ASYNC_UNSAFE="",
        DATABASE_URL=f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}",
        VIDEO_SCRATCH_DIR=str(scratch),
    )
    return subprocess.Popen(
        [sys.executable, "manage.py", "qcluster"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def stop_cluster(cluster):
    """Kill the whole cluster (its own process group) and wait until none of its processes runs any more."""
    os.killpg(cluster.pid, signal.SIGKILL)
    cluster.wait()
    assert wait_for(lambda: not [pid for pid, process in processes().items() if process[2] == cluster.pid], 30)


def processes():
    """{pid: (parent pid, name, process group)} of the running processes (the dead awaiting reaping left out)."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        state, parent, group = stat[stat.rindex(")") + 2 :].split()[:3]
        if state not in "ZX":
            found[int(entry)] = (int(parent), name, int(group))
    return found


def ffmpeg_of(cluster):
    """The pid of the ffmpeg running under the cluster, or None."""
    running = processes()
    for pid, (parent, name, _group) in running.items():
        ancestor = parent
        while name == "ffmpeg" and ancestor in running:
            if ancestor == cluster.pid:
                return pid
            ancestor = running[ancestor][0]
    return None


def wait_for(condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    return None


def finished(video):
    """The conversion task ran to its end (the cluster records its result once the function has returned)."""
    from django_q.models import Success

    return any(task.args == (video.pk,) for task in Success.objects.filter(func="videos.tasks.transcode_video"))


def outputs(prefix):
    default_storage.save(f"{prefix}/720p/segment_00000.ts", ContentFile(b"\x47" * 188))
    return prefix


def test_a_worker_killed_alone_takes_its_ffmpeg_along_and_the_sweep_clears_what_it_left(long_video, video_scratch):
    video = long_video
    cluster = start_cluster(video_scratch)
    try:
        from django_q.tasks import async_task

        async_task("videos.tasks.probe_video", video.pk)
        ffmpeg = wait_for(lambda: ffmpeg_of(cluster), 120)
        assert ffmpeg, "no conversion started"
        worker = processes()[ffmpeg][0]
        folder = next(video_scratch.glob(f"video{video.pk}-a1-*"))
        assert wait_for(lambda: any(path.stat().st_size for path in folder.rglob("*.ts")), 60)

        os.kill(worker, signal.SIGKILL)  # the worker alone, as the OOM killer does: not its cluster, not its group
        assert wait_for(lambda: ffmpeg not in processes(), 10), "ffmpeg outlived its worker"
        assert folder.exists()  # a killed worker cleans nothing up

        dead_outputs = outputs(f"videos/{video.pk}/a1-dead0000")  # as if it had died while uploading
        other = Video.objects.create(
            title="En cours", original="videos/originals/x.mp4", status=VideoStatus.TRANSCODING, attempts=1
        )
        mark = uuid.uuid4().hex[:8]  # the bucket outlives the test, and ids are counted again from 1
        live_folder = video_scratch / f"video{other.pk}-a1-{mark}"
        live_folder.mkdir()
        live_outputs = outputs(f"videos/{other.pk}/a1-{mark}")
        Video.objects.filter(pk=other.pk).update(heartbeat=timezone.now())
        Video.objects.filter(pk=video.pk).update(heartbeat=timezone.now() - timedelta(minutes=10))  # time passes

        tasks.sweep_stale_jobs()

        assert not folder.exists() and dead_outputs not in storage.list_prefixes(video.pk)
        assert live_folder.exists() and live_outputs in storage.list_prefixes(other.pk)
        shutil.rmtree(live_folder)  # before its video goes: a sweep in the cluster would then delete it under us
        Video.objects.filter(pk=other.pk).delete()
        # The sweep gave the video back to the queue; the cluster's new worker converts it.
        assert wait_for(lambda: finished(video), 600)
    finally:
        stop_cluster(cluster)
    video.refresh_from_db()
    assert (video.status, video.attempts) == (VideoStatus.READY, 2)
    assert storage.list_prefixes(video.pk) == [video.output_prefix]
    assert list(video_scratch.iterdir()) == []


def test_killed_cluster_then_restart_finishes_the_video(long_video, video_scratch):
    from django_q.tasks import async_task

    video = long_video
    original = video.original.name
    cluster = start_cluster(video_scratch)
    try:
        async_task("videos.tasks.probe_video", video.pk)
        assert wait_for(lambda: ffmpeg_of(cluster), 120)
    finally:
        stop_cluster(cluster)  # the cluster and its ffmpeg die mid-conversion
    video.refresh_from_db()
    assert video.status == VideoStatus.TRANSCODING and video.attempts == 1

    Video.objects.filter(pk=video.pk).update(heartbeat=timezone.now() - timedelta(minutes=10))  # time passes
    cluster = start_cluster(video_scratch)
    try:
        tasks.sweep_stale_jobs()
        assert wait_for(lambda: finished(video), 600)
    finally:
        stop_cluster(cluster)
    video.refresh_from_db()
    assert (video.status, video.attempts) == (VideoStatus.READY, 2)
    assert storage.list_prefixes(video.pk) == [video.output_prefix]
    assert video.original.name == original and video.original.storage.exists(original)
    assert list(video_scratch.iterdir()) == []
