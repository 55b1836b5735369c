"""`make bench` (video part): the conversion pipeline against plain ffmpeg runs on the same machine, same run.

- pipeline ÷ plain ffmpeg: our task's conversion (progress parsing, measured playlists, poster) against the
  same one-decode ffmpeg command run bare;
- one decode ÷ one run per rung: the single multi-output run against decoding the source once per rendition;
- bytes per minute of each rendition.
"""

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import django

SECONDS = int(os.environ.get("BENCH_VIDEO_SECONDS", "60"))


def timed(function):
    started = time.monotonic()
    result = function()
    return time.monotonic() - started, result


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    django.setup()
    from videos import ladder, transcode
    from videos.probe import probe
    from videos.runner import binary
    from videos.samples import write_test_card

    ffmpeg = binary("ffmpeg")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        source = folder / "source.mp4"
        write_test_card(source, 1280, 720, SECONDS)
        probed = probe(source)

        def fresh(name):
            path = folder / name
            shutil.rmtree(path, ignore_errors=True)
            path.mkdir()
            for sub in ["720p", "360p", "240p", "audio"]:
                (path / sub).mkdir()
            return path

        plain_dir = fresh("plain")
        graph, _rungs = ladder.build(source, probed, plain_dir)
        plain_args = [arg for arg in graph.compile(cmd=ffmpeg) if arg not in ("-progress", "pipe:1")]
        plain, _ = timed(lambda: subprocess.run(plain_args, check=True, cwd=plain_dir, capture_output=True))
        pipeline, outputs = timed(lambda: transcode.run(source, probed, fresh("pipeline")))

        per_rung = 0.0
        for rung in ladder.rungs_for(probed.height):
            target = fresh(f"rung-{rung.name}")
            args = [
                ffmpeg,
                "-y",
                "-v",
                "error",
                "-i",
                str(source),
                "-vf",
                f"scale=-2:{rung.height}",
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-b:v",
                str(rung.video_bitrate),
                "-force_key_frames",
                "expr:gte(t,n_forced*2)",
                "-c:a",
                "aac",
                "-b:a",
                str(rung.audio_bitrate),
                "-f",
                "hls",
                "-hls_time",
                "4",
                "-hls_playlist_type",
                "vod",
                str(target / "index.m3u8"),
            ]
            elapsed, _ = timed(lambda args=args: subprocess.run(args, check=True, capture_output=True))
            per_rung += elapsed
        for extra in (
            ["-vn", "-c:a", "aac", "-b:a", "48000", "-ac", "1"],
            ["-vf", "scale=-2:240", "-c:v", "libx264", "-preset", "veryfast", "-b:v", "250000"],
        ):
            suffix = "m4a" if "-vn" in extra else "mp4"
            args = [ffmpeg, "-y", "-v", "error", "-i", str(source), *extra, str(folder / f"extra.{suffix}")]
            elapsed, _ = timed(lambda args=args: subprocess.run(args, check=True, capture_output=True))
            per_rung += elapsed

    print(f"\nvideo pipeline on a {SECONDS} s 1280x720 source (same machine, same run)")
    print(f"plain ffmpeg, one decode: {plain:.1f} s · our pipeline: {pipeline:.1f} s · ratio {pipeline / plain:.2f}")
    print(f"one run per rendition: {per_rung:.1f} s · one decode ÷ per rendition: {plain / per_rung:.2f}")
    print(f"ladder ready after {pipeline / SECONDS:.2f} × the video's duration (no rung is published earlier)")
    for output in outputs:
        per_minute = output.bytes / (SECONDS / 60) / 1e6
        label = f"{output.kind} {output.name}"
        print(f"  {label:<18} {per_minute:6.2f} MB per minute  (avg {output.average_bitrate / 1000:.0f} kbit/s)")


if __name__ == "__main__":
    main()
