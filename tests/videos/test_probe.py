import pytest

from videos.probe import RejectedVideo, probe


def test_a_real_video_is_accepted_with_its_facts(media_files):
    probed = probe(media_files["good"])
    assert (probed.demuxer, probed.width, probed.height, probed.video_codec, probed.audio_codec) == (
        "mov",
        640,
        360,
        "h264",
        "aac",
    )
    assert probed.duration == pytest.approx(5, abs=0.1)
    assert probed.frame_rate == 25


def test_webm_without_sound_is_accepted(media_files):
    probed = probe(media_files["silent_small"])
    assert (probed.demuxer, probed.audio_codec) == ("matroska", "")


NOT_A_VIDEO = "not an MP4, MOV, 3GP, MKV or WebM video"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("hls_as_mp4", NOT_A_VIDEO),  # an HLS playlist pointing at a local file
        ("ffconcat", NOT_A_VIDEO),  # a concat script pulling in local files
        ("avi", NOT_A_VIDEO),  # AVI (home of the GAB2 subtitle trick) is never even demuxed
        ("text", NOT_A_VIDEO),
        ("empty", NOT_A_VIDEO),
        ("truncated", NOT_A_VIDEO),
        ("too_wide", "4112×16"),
    ],
)
def test_hostile_and_broken_files_are_refused_with_a_reason(media_files, name, reason):
    with pytest.raises(RejectedVideo) as refused:
        probe(media_files[name])
    assert reason in str(refused.value)


def test_too_long_videos_are_refused(media_files, settings):
    settings.VIDEO_MAX_DURATION_SECONDS = 2
    with pytest.raises(RejectedVideo, match="too long"):
        probe(media_files["good"])


def test_a_path_is_never_read_as_a_protocol_or_option(tmp_path, media_files):
    tricky = tmp_path / "-i http:"
    tricky.mkdir()
    copy = tricky / "concat:a|b.mp4"
    copy.write_bytes(media_files["good"].read_bytes())
    assert probe(copy).width == 640
