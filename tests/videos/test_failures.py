"""How conversions fail: in words the trainer reads, in the trainer's language, never with a server's paths or
ffmpeg's own output; and a stale attempt, or a probe of a file replaced meanwhile, changes nothing."""

import sys
import threading

import pytest
from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage
from django_q.models import Schedule

from tests.factories import UserFactory
from videos import ladder, runner, services, tasks
from videos.enums import VideoStatus
from videos.models import Video

DAMAGED = "La vidéo n'a pas pu être convertie : le fichier est peut-être endommagé ou incomplet."


def make_video(path, language="fr", **fields):
    with open(path, "rb") as handle:
        video = Video.objects.create(
            title="Leçon", original=File(handle, name="leçon.mp4"), owner=UserFactory(preferred_language=language)
        )
    Video.objects.filter(pk=video.pk).update(**fields)
    video.refresh_from_db()
    return video


@pytest.fixture
def ffmpeg_refuses(monkeypatch):
    """ffmpeg exits with an error of its own (here: an option it does not know) after the probe succeeded."""
    build = ladder.build

    def broken(*args, **kwargs):
        graph, rungs = build(*args, **kwargs)

        class Broken:
            def compile(self, cmd):
                binary, *rest = graph.compile(cmd=cmd)
                return [binary, "-no-such-option", *rest]

        return Broken(), rungs

    monkeypatch.setattr(ladder, "build", broken)


@pytest.mark.django_db
def test_a_failed_conversion_says_why_in_the_trainers_words_and_logs_what_ffmpeg_said(
    media_files, ffmpeg_refuses, caplog, django_capture_on_commit_callbacks
):
    video = make_video(media_files["silent_small"])
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(video)
    for _ in range(tasks.MAX_ATTEMPTS - 1):  # the retries the schedule would run
        tasks.transcode_video(video.pk)
    video.refresh_from_db()
    assert (video.status, video.attempts, video.failure_reason) == (VideoStatus.FAILED, 3, DAMAGED)
    assert "no-such-option" in caplog.text  # for the administrator, in the log
    assert default_storage.exists(video.original.name)


@pytest.mark.django_db
def test_a_vanished_original_fails_without_showing_the_servers_paths(media_files):
    video = make_video(media_files["good"], language="ar", status=VideoStatus.QUEUED, duration=5, width=640, height=360)
    on_disk = isinstance(default_storage, FileSystemStorage)
    path = default_storage.path(video.original.name) if on_disk else video.original.name
    default_storage.delete(video.original.name)
    for _ in range(tasks.MAX_ATTEMPTS):
        tasks.transcode_video(video.pk)
    video.refresh_from_db()
    assert (video.status, video.failure_reason) == (
        VideoStatus.FAILED,
        "تعذّرت قراءة الملفات أو حفظها؛ اتصل بأحد المسؤولين.",
    )
    assert path not in video.failure_reason and "Errno" not in video.failure_reason


@pytest.mark.django_db
def test_a_probe_of_a_vanished_original_fails_instead_of_being_retried_forever(media_files):
    video = make_video(media_files["good"], status=VideoStatus.UPLOADED)
    default_storage.delete(video.original.name)
    tasks.probe_video(video.pk)
    video.refresh_from_db()
    assert (video.status, video.failure_reason) == (VideoStatus.FAILED, "Le fichier envoyé n'a pas pu être lu.")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("now", "stale_attempt"),
    [
        ({"status": VideoStatus.TRANSCODING, "attempts": 2}, 1),  # the sweeper handed the job to another worker
        ({"status": VideoStatus.QUEUED, "attempts": 0}, 3),  # a new file was uploaded: it starts at attempt 1
        ({"status": VideoStatus.TRANSCODING, "attempts": 1}, 3),
    ],
)
def test_a_stale_attempts_failure_changes_nothing(media_files, now, stale_attempt):
    video = make_video(media_files["good"], **now)
    tasks._failed_attempt(video.pk, stale_attempt, "trop tard")
    video.refresh_from_db()
    assert (video.status, video.attempts, video.failure_reason) == (now["status"], now["attempts"], "")
    assert not Schedule.objects.filter(func="videos.tasks.transcode_video").exists()


@pytest.mark.django_db
def test_a_probe_of_a_file_replaced_meanwhile_changes_nothing(media_files):
    video = make_video(media_files["text"], status=VideoStatus.PROBING)  # the old file: not a video
    with open(media_files["good"], "rb") as handle:
        new_name = default_storage.save("videos/originals/nouvelle.mp4", File(handle))
    Video.objects.filter(pk=video.pk).update(original=new_name)  # uploaded while the old file was examined
    tasks._probe(video)
    replaced = Video.objects.get(pk=video.pk)
    assert (replaced.status, replaced.failure_reason, replaced.duration) == (VideoStatus.PROBING, "", None)


def test_a_child_that_floods_its_standard_error_neither_blocks_nor_fills_memory():
    script = "import sys; sys.stderr.write('e' * 1_000_000 + 'last words'); print('done', flush=True); sys.exit(3)"
    result = {}

    def read():
        with runner.running([sys.executable, "-c", script], cpu_seconds=60) as process:
            result["out"], result["code"], result["errors"] = process.stdout.read(), process.wait(), process.errors()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=60)  # a deadline for a failure only: a working reader returns as soon as the child exits
    assert not reader.is_alive(), "the child blocked on a full standard-error pipe"
    assert (result["out"], result["code"]) == ("done\n", 3)
    assert result["errors"].endswith("last words") and len(result["errors"]) == runner.ERROR_TAIL_CHARS
