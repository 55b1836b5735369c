"""Sample videos made with ffmpeg (a moving test card and a tone): demo content, benchmarks and tests."""

import subprocess

from .runner import binary


def write_test_card(path, width=854, height=480, seconds=12, preset="veryfast"):
    """Write an H.264/AAC MP4 of the given size and length to path."""
    command = (
        f"-y -v error -nostdin -f lavfi -i testsrc2=size={width}x{height}:rate=25"
        f" -f lavfi -i sine=frequency=330:sample_rate=44100 -t {seconds}"
        f" -c:v libx264 -preset {preset} -pix_fmt yuv420p -c:a aac"
    )
    subprocess.run([binary("ffmpeg"), *command.split(), str(path)], check=True)  # noqa: S603 — no shell
    return path
