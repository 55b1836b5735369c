"""Turn a probed original into the HLS ladder, the audio-only rung, the download MP4 and a poster."""

import logging
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from . import ladder, runner

logger = logging.getLogger(__name__)
_EXTINF = re.compile(r"#EXTINF:([\d.]+),")


class TranscodeError(Exception):
    """Why a conversion failed, in words for the trainer (in the language active when raised); what ffmpeg said
    goes to the log, not to the trainer."""


@dataclass
class Output:
    kind: str  # hls, audio, download, sound
    name: str
    width: int
    height: int
    declared_bitrate: int
    average_bitrate: int
    peak_bitrate: int
    codecs: str
    bytes: int
    path: str  # relative to the output folder


def _variant_stats(folder):
    """(average, peak, bytes) of an HLS variant, from its segments' real sizes and durations."""
    playlist = (folder / "index.m3u8").read_text()
    durations = [float(value) for value in _EXTINF.findall(playlist)]
    segments = [line for line in playlist.splitlines() if line and not line.startswith("#")]
    sizes = [(folder / name).stat().st_size for name in segments]
    if not durations or len(durations) != len(sizes):
        raise TranscodeError(_("The conversion produced an incomplete video."))
    total_bytes = sum(sizes)
    average = int(total_bytes * 8 / sum(durations))
    peak = max(int(size * 8 / duration) for size, duration in zip(sizes, durations, strict=True) if duration > 0)
    return average, peak, total_bytes


def write_master(out_dir, outputs):
    """The picture variants from the lightest up, the sound-only one last: a player that starts with the first one
    listed (native HLS in Safari and Chromium) starts with a picture a weak link can carry."""
    lines = ["#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-INDEPENDENT-SEGMENTS"]
    for output in sorted(outputs, key=lambda output: (output.kind == "audio", output.peak_bitrate)):
        if output.kind not in ("hls", "audio"):
            continue
        attributes = f"BANDWIDTH={output.peak_bitrate},AVERAGE-BANDWIDTH={output.average_bitrate}"
        attributes += f',CODECS="{output.codecs}"'
        if output.kind == "hls":
            attributes += f",RESOLUTION={output.width}x{output.height}"
        lines += [f"#EXT-X-STREAM-INF:{attributes}", f"{output.name}/index.m3u8"]
    (Path(out_dir) / "master.m3u8").write_text("\n".join(lines) + "\n")


def sound_file(path, duration):
    size = path.stat().st_size
    average = int(size * 8 / duration)
    return Output("sound", "sound", 0, 0, ladder.SOUND_FILE_BITRATE, average, 0, ladder.AUDIO_CODECS, size, path.name)


def run(source, probed, out_dir, on_progress=lambda percent: None):
    """Make every output in out_dir; returns [Output]. on_progress(percent) is called as ffmpeg advances."""
    out_dir = Path(out_dir)
    graph, rungs = ladder.build(source, probed, out_dir)
    for rung in rungs:
        (out_dir / rung.name).mkdir(parents=True, exist_ok=True)
    if probed.audio_codec:
        (out_dir / "audio").mkdir(parents=True, exist_ok=True)
    ffmpeg_binary = runner.binary("ffmpeg")
    args = graph.compile(cmd=ffmpeg_binary)
    timeout = runner.timeout_for(probed.duration)
    with runner.running(args, cpu_seconds=timeout * 2, cwd=out_dir) as process:
        started = time.monotonic()
        for line in process.stdout:
            if line.startswith("out_time_us=") or line.startswith("out_time_ms="):
                try:
                    seconds = int(line.split("=", 1)[1]) / 1_000_000
                except ValueError:
                    continue
                on_progress(min(99, int(100 * seconds / probed.duration)))
            if time.monotonic() - started > timeout:
                raise TranscodeError(_("The conversion took too long."))
        if process.wait() != 0:
            logger.warning("ffmpeg exited with %s: %s", process.returncode, process.errors()[-500:])
            raise TranscodeError(_("The video could not be converted: the file may be damaged or incomplete."))

    outputs = []
    for rung in rungs:
        average, peak, size = _variant_stats(out_dir / rung.name)
        width = ladder.scaled_width(probed.width, probed.height, rung.height)
        codecs = ladder.VIDEO_CODECS + (f",{ladder.AUDIO_CODECS}" if probed.audio_codec else "")
        outputs.append(
            Output(
                "hls",
                rung.name,
                width,
                rung.height,
                rung.video_bitrate + rung.audio_bitrate,
                average,
                peak,
                codecs,
                size,
                f"{rung.name}/index.m3u8",
            )
        )
    if probed.audio_codec:
        average, peak, size = _variant_stats(out_dir / "audio")
        outputs.append(
            Output(
                "audio",
                "audio",
                0,
                0,
                ladder.AUDIO_ONLY_BITRATE,
                average,
                peak,
                ladder.AUDIO_CODECS,
                size,
                "audio/index.m3u8",
            )
        )
        outputs.append(sound_file(out_dir / ladder.SOUND_FILE, probed.duration))
    smallest = rungs[-1]
    download = out_dir / "download.mp4"
    size = download.stat().st_size
    outputs.append(
        Output(
            "download",
            "download",
            ladder.scaled_width(probed.width, probed.height, smallest.height),
            smallest.height,
            smallest.video_bitrate + smallest.audio_bitrate,
            int(size * 8 / probed.duration),
            0,
            outputs[len(rungs) - 1].codecs,
            size,
            "download.mp4",
        )
    )
    write_master(out_dir, outputs)
    poster = runner.run(ladder.poster_args(ffmpeg_binary, source, probed, str(out_dir / "poster.jpg")), timeout=60)
    if poster.returncode != 0 or not os.path.exists(out_dir / "poster.jpg"):
        logger.warning("ffmpeg made no poster (%s): %s", poster.returncode, poster.stderr[-500:])
        raise TranscodeError(_("The preview picture could not be made from the video."))
    return outputs
