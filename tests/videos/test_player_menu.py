"""The player's menu: each way to watch, from the heaviest down, with what it costs, in the learner's language."""

from types import SimpleNamespace

import pytest
from django.utils import translation

from videos.models import Rendition
from videos.player import choices, megabytes


def a_video(*renditions):
    return SimpleNamespace(renditions=SimpleNamespace(all=lambda: list(renditions)))


LADDER = [
    Rendition(kind="hls", height=720, bytes=18_400_000, path="videos/9/a1-x/720p/index.m3u8"),
    Rendition(kind="hls", height=360, bytes=5_100_000, path="videos/9/a1-x/360p/index.m3u8"),
    Rendition(kind="hls", height=240, bytes=2_300_000, path="videos/9/a1-x/240p/index.m3u8"),
    Rendition(kind="audio", height=0, bytes=360_000, path="videos/9/a1-x/audio/index.m3u8"),
    Rendition(kind="download", height=240, bytes=2_250_000, path="videos/9/a1-x/download.mp4"),
    Rendition(kind="sound", height=0, bytes=127_000, path="videos/9/a1-x/audio.m4a"),
]


def test_a_full_ladder_offers_two_streamed_rungs_the_small_file_and_the_sound_file():
    with translation.override("en"):
        menu = choices(a_video(*reversed(LADDER)), "/media/videos/9")
    assert [(c.key, c.label, c.url, c.streaming) for c in menu.qualities] == [
        ("720p", "720p · 18.4 MB", "/media/videos/9/720p/index.m3u8", True),
        ("360p", "360p · 5.1 MB", "/media/videos/9/360p/index.m3u8", True),
        ("240p", "240p · 2.2 MB", "/media/videos/9/download.mp4", False),  # one file rather than the 240p rung
    ]
    assert (menu.sound.url, menu.sound.label) == ("/media/videos/9/audio.m4a", "Data saver: sound only (0.1 MB)")
    assert menu.download is LADDER[4]


def test_a_video_without_sound_file_or_download_offers_what_it_has():
    menu = choices(a_video(LADDER[0], LADDER[3]), "/m")
    assert [c.key for c in menu.qualities] == ["720p"]
    assert menu.sound is None and menu.download is None


@pytest.mark.parametrize(
    ("language", "size", "expected"),
    [
        ("en", 2_250_000, "2.2 MB"),
        ("fr", 2_250_000, "2,2 Mo"),
        ("ar", 18_400_000, "18,4 ميغابايت"),
        ("en", 10, "0.1 MB"),
    ],
)
def test_costs_read_in_megabytes_in_each_language(language, size, expected):
    with translation.override(language):
        assert megabytes(size) == expected
