"""The data saver's sound file: one small AAC file made with the ladder, and made later for older videos."""

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from tests.videos.pipeline import convert, ffprobe_json, local, make_video
from videos import sound
from videos.enums import RenditionKind
from videos.models import Rendition, Video

pytestmark = pytest.mark.django_db


def test_the_sound_file_is_mono_aac_at_sixteen_kbits_with_its_index_first(ready_video, tmp_path):
    rendition = ready_video.renditions.get(kind=RenditionKind.SOUND)
    assert rendition.path == f"{ready_video.output_prefix}/audio.m4a"
    path = local(rendition.path, tmp_path)
    streams = ffprobe_json("-show_streams", path)["streams"]
    assert [(s["codec_type"], s["codec_name"], s["channels"], s["sample_rate"]) for s in streams] == [
        ("audio", "aac", 1, "22050")
    ]
    data = default_storage.open(rendition.path).read()
    assert data.index(b"moov") < data.index(b"mdat")  # playable before it is all downloaded
    assert rendition.bytes == len(data)
    per_minute = rendition.bytes * 60 / ready_video.duration
    assert per_minute < 150_000, per_minute  # a minute of lesson under 150 KB on the data saver


def test_the_master_playlist_lists_the_lightest_picture_first_sound_last_and_no_single_files(ready_video):
    master = default_storage.open(f"{ready_video.output_prefix}/master.m3u8").read().decode()
    listed = [line for line in master.splitlines() if line and not line.startswith("#")]
    assert listed == ["240p/index.m3u8", "360p/index.m3u8", "audio/index.m3u8"]
    assert "audio.m4a" not in master and "download.mp4" not in master


def test_a_video_converted_before_sound_files_gets_one_once(ready_video):
    made = ready_video.renditions.get(kind=RenditionKind.SOUND)
    default_storage.delete(made.path)
    made.delete()
    assert list(sound.missing()) == [ready_video]
    call_command("add_sound_files", stdout=open("/dev/null", "w"))  # noqa: SIM115 — the queue runs inline in tests
    rendition = ready_video.renditions.get(kind=RenditionKind.SOUND)
    assert default_storage.exists(rendition.path) and rendition.bytes == default_storage.size(rendition.path)
    assert list(sound.missing()) == []
    assert sound.add_sound_file(ready_video.pk) is False  # twice: nothing more
    assert ready_video.renditions.filter(kind=RenditionKind.SOUND).count() == 1


def test_a_sound_file_left_by_a_dead_run_is_replaced_not_renamed(ready_video):
    made = ready_video.renditions.get(kind=RenditionKind.SOUND)
    made.delete()  # the file stays, as when a worker died between storing it and writing its row
    assert sound.add_sound_file(ready_video.pk) is True
    assert ready_video.renditions.get(kind=RenditionKind.SOUND).path == made.path


def test_a_video_replaced_meanwhile_keeps_its_new_outputs(ready_video, monkeypatch):
    ready_video.renditions.filter(kind=RenditionKind.SOUND).delete()
    real_upload = sound.storage.upload_folder

    def upload_then_replace(*args, **kwargs):
        real_upload(*args, **kwargs)
        Video.objects.filter(pk=ready_video.pk).update(output_prefix="videos/1/a2-new")

    monkeypatch.setattr(sound.storage, "upload_folder", upload_then_replace)
    assert sound.add_sound_file(ready_video.pk) is False
    assert not Rendition.objects.filter(video=ready_video, kind=RenditionKind.SOUND).exists()


def test_a_silent_video_has_no_sound_file_and_is_never_queued(db, media_files, django_capture_on_commit_callbacks):
    video = convert(make_video(media_files["silent_small"]), django_capture_on_commit_callbacks)
    assert not video.renditions.filter(kind=RenditionKind.SOUND).exists()
    assert video not in sound.missing()
    assert sound.add_sound_file(video.pk) is False
