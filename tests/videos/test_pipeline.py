from datetime import timedelta

import pytest
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone
from django_q.models import Schedule

from tests.factories import UserFactory
from tests.videos.pipeline import convert, ffprobe_json, local, make_video
from videos import storage, tasks
from videos.enums import RenditionKind, VideoStatus
from videos.models import Video


def test_the_uploaded_name_never_reaches_storage(ready_video):
    assert ready_video.original.name.startswith("videos/originals/")
    assert ".." not in ready_video.original.name and "vidéo" not in ready_video.original.name


def test_a_video_goes_through_the_pipeline_to_a_ladder_without_upscaling(ready_video):
    assert ready_video.status == VideoStatus.READY and ready_video.progress == 100
    assert (ready_video.width, ready_video.height, ready_video.attempts) == (640, 360, 1)
    renditions = {(r.kind, r.height) for r in ready_video.renditions.all()}
    assert renditions == {
        (RenditionKind.HLS, 360),
        (RenditionKind.HLS, 240),
        (RenditionKind.AUDIO, 0),
        (RenditionKind.DOWNLOAD, 240),
        (RenditionKind.SOUND, 0),
    }  # no 720p from a 360p source
    assert default_storage.exists(ready_video.poster)


def test_master_playlist_declares_what_each_rung_really_carries(ready_video):
    master = default_storage.open(f"{ready_video.output_prefix}/master.m3u8").read().decode()
    for rendition in ready_video.renditions.filter(kind__in=[RenditionKind.HLS, RenditionKind.AUDIO]):
        assert f"BANDWIDTH={rendition.peak_bitrate},AVERAGE-BANDWIDTH={rendition.average_bitrate}" in master
        assert rendition.average_bitrate <= rendition.declared_bitrate * 1.25  # TS overhead included
    assert "RESOLUTION=640x360" in master and "RESOLUTION=426x240" in master
    assert 'CODECS="mp4a.40.2"' in master and 'CODECS="avc1.4d401f,mp4a.40.2"' in master


def test_two_second_segments_each_starting_with_a_keyframe_in_every_rung(ready_video, tmp_path):
    for rendition in ready_video.renditions.filter(kind=RenditionKind.HLS):
        folder = rendition.path.rsplit("/", 1)[0]
        playlist = default_storage.open(rendition.path).read().decode()
        assert "#EXT-X-TARGETDURATION:2" in playlist and playlist.count("#EXTINF:2.0") >= 2, rendition
        for number in (0, 1):
            segment = local(f"{folder}/segment_0000{number}.ts", tmp_path)
            frames = ffprobe_json(
                "-select_streams", "v:0", "-skip_frame", "nokey", "-show_entries", "frame=pts_time", segment
            )["frames"]
            assert len(frames) == 1, (rendition, number)  # one keyframe, its first frame: a segment plays alone


def test_download_mp4_starts_with_its_index(ready_video):
    data = default_storage.open(ready_video.renditions.get(kind=RenditionKind.DOWNLOAD).path).read()
    assert data.index(b"moov") < data.index(b"mdat")


def test_converting_again_is_a_no_op(ready_video, django_capture_on_commit_callbacks):
    prefix = ready_video.output_prefix
    tasks.transcode_video(ready_video.pk)
    tasks.probe_video(ready_video.pk)
    ready_video.refresh_from_db()
    assert (ready_video.attempts, ready_video.output_prefix, ready_video.renditions.count()) == (1, prefix, 5)


@pytest.mark.django_db
def test_a_rejected_upload_keeps_its_original_and_says_why_in_the_uploaders_language(
    media_files, django_capture_on_commit_callbacks
):
    video = make_video(media_files["hls_as_mp4"])
    Video.objects.filter(pk=video.pk).update(owner=UserFactory(preferred_language="fr"))
    video = convert(Video.objects.get(pk=video.pk), django_capture_on_commit_callbacks)
    assert video.status == VideoStatus.FAILED
    assert "n'est pas une vidéo MP4" in video.failure_reason
    assert default_storage.exists(video.original.name)
    assert not video.renditions.exists()


@pytest.mark.django_db
def test_a_killed_worker_is_noticed_and_the_job_finishes_with_one_set_of_outputs(
    media_files, django_capture_on_commit_callbacks
):
    video = make_video(media_files["silent_small"])
    Video.objects.filter(pk=video.pk).update(
        status=VideoStatus.TRANSCODING,
        attempts=1,
        heartbeat=timezone.now() - timedelta(minutes=10),
        width=176,
        height=144,
        duration=3,
    )
    with open(media_files["good"], "rb") as leftover:  # what the killed worker had uploaded
        default_storage.save(f"videos/{video.pk}/a1/144p/segment_00000.ts", File(leftover))
    tasks.sweep_stale_jobs()  # the queue runs synchronously in tests: re-queued and converted at once
    video.refresh_from_db()
    assert video.status == VideoStatus.READY and video.attempts == 2
    assert storage.list_prefixes(video.pk) == [video.output_prefix]  # the dead attempt's files are gone
    assert video.output_prefix.startswith(f"videos/{video.pk}/a2-")
    assert default_storage.exists(video.original.name)


@pytest.mark.django_db
def test_failures_are_retried_with_backoff_then_marked_failed(media_files):
    video = make_video(media_files["good"])
    Video.objects.filter(pk=video.pk).update(status=VideoStatus.QUEUED, duration=5, width=640, height=360)
    default_storage.delete(video.original.name)  # the original vanished: every attempt fails
    tasks.transcode_video(video.pk)
    video.refresh_from_db()
    assert (video.status, video.attempts) == (VideoStatus.QUEUED, 1)
    retry = Schedule.objects.get(func="videos.tasks.transcode_video", args=f"({video.pk},)")
    assert retry.schedule_type == Schedule.ONCE and retry.next_run > timezone.now() + timedelta(seconds=50)
    for _ in range(2):
        tasks.transcode_video(video.pk)
    video.refresh_from_db()
    assert (video.status, video.attempts) == (VideoStatus.FAILED, 3)
    assert video.failure_reason


@pytest.mark.django_db
def test_a_stale_job_out_of_attempts_fails():
    video = Video.objects.create(
        title="x",
        original="videos/originals/x.mp4",
        status=VideoStatus.TRANSCODING,
        attempts=3,
        heartbeat=timezone.now() - timedelta(hours=1),
    )
    tasks.sweep_stale_jobs()
    video.refresh_from_db()
    assert video.status == VideoStatus.FAILED


def test_deleting_a_video_deletes_its_files(ready_video, django_capture_on_commit_callbacks):
    original, prefix = ready_video.original.name, ready_video.output_prefix
    with django_capture_on_commit_callbacks(execute=True):
        ready_video.delete()
    assert not default_storage.exists(original)
    assert not default_storage.exists(f"{prefix}/master.m3u8")
