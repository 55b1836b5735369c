"""The sweeper deletes the scratch folders and output folders of attempts that died, and nothing that a live
attempt or the video itself still uses."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from videos import debris, storage, tasks
from videos.enums import VideoStatus
from videos.models import Video

pytestmark = pytest.mark.django_db


def video(status, attempts, beat_ago, output_prefix=""):
    return Video.objects.create(
        title="Leçon",
        original="videos/originals/missing.mp4",
        status=status,
        attempts=attempts,
        heartbeat=timezone.now() - beat_ago,
        output_prefix=output_prefix,
    )


def scratch(root, name):
    folder = root / name
    (folder / "out" / "720p").mkdir(parents=True)
    (folder / "out" / "720p" / "segment_00000.ts").write_bytes(b"\x47" * 188 * 100)
    return folder


def outputs(prefix):
    default_storage.save(f"{prefix}/720p/segment_00000.ts", ContentFile(b"\x47" * 188))
    return prefix


def test_what_dead_attempts_leave_is_swept_and_what_is_in_use_stays(video_scratch):
    dead = video(VideoStatus.QUEUED, 1, timedelta(minutes=4))  # its worker was killed; the retry waits its turn
    live = video(VideoStatus.TRANSCODING, 1, timedelta(seconds=5))
    ready = video(VideoStatus.READY, 2, timedelta(hours=1), output_prefix="")
    probing = video(VideoStatus.PROBING, 0, timedelta(seconds=5))
    Video.objects.filter(pk=ready.pk).update(output_prefix=outputs(f"videos/{ready.pk}/a2-600d0000"))
    keep = {
        scratch(video_scratch, f"video{live.pk}-a1-11fe0000"),
        scratch(video_scratch, f"video{probing.pk}-probe-0123abcd"),
        scratch(video_scratch, "notes-of-someone-else"),
    }
    gone = {
        scratch(video_scratch, f"video{dead.pk}-a1-dead0000"),
        scratch(video_scratch, f"video{live.pk}-a0-0123abcd"),  # an older attempt of a video now converting
        scratch(video_scratch, f"video{ready.pk}-a2-0123abcd"),  # the worker died between upload and clean-up
        scratch(video_scratch, f"video{ready.pk + 1000}-a1-0123abcd"),  # a video deleted since
    }
    kept_outputs = [outputs(f"videos/{live.pk}/a1-0123abcd"), f"videos/{ready.pk}/a2-600d0000"]
    gone_outputs = [outputs(f"videos/{dead.pk}/a1-dead0000"), outputs(f"videos/{ready.pk}/a1-01d00000")]

    tasks.sweep_stale_jobs()

    assert set(video_scratch.iterdir()) == keep
    assert not any(folder.exists() for folder in gone)
    for prefix in kept_outputs:
        assert storage.list_prefixes(int(prefix.split("/")[1])).count(prefix) == 1
    for prefix in gone_outputs:
        assert prefix not in storage.list_prefixes(int(prefix.split("/")[1]))
    assert Video.objects.get(pk=dead.pk).status == VideoStatus.QUEUED  # nothing else changed


def test_a_stale_attempt_is_dead_even_if_its_number_is_current(video_scratch):
    stalled = video(VideoStatus.TRANSCODING, 3, timedelta(minutes=10))  # out of attempts: failed by the sweeper
    folder = scratch(video_scratch, f"video{stalled.pk}-a3-0123abcd")
    prefix = outputs(f"videos/{stalled.pk}/a3-0123abcd")
    tasks.sweep_stale_jobs()
    assert Video.objects.get(pk=stalled.pk).status == VideoStatus.FAILED
    assert not folder.exists() and prefix not in storage.list_prefixes(stalled.pk)


def test_scratch_folders_of_the_work_in_hand_are_deleted_when_it_ends(video_scratch):
    with debris.scratch_folder(7, 2) as folder:
        assert folder.parent == video_scratch and folder.name.startswith("video7-a2-")
        (folder / "big.ts").write_bytes(b"x" * 1000)
    with pytest.raises(RuntimeError), debris.scratch_folder(7) as folder:
        raise RuntimeError
    assert list(video_scratch.iterdir()) == []
