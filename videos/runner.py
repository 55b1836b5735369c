"""Run ffmpeg and ffprobe as untrusting as we can: no shell, no stdin, no network, bounded time and memory."""

import os
import resource
import shutil
import subprocess

from django.conf import settings

MEMORY_LIMIT_BYTES = 2 * 1024**3


def _limits(cpu_seconds):
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        os.nice(10)

    return apply


def clean_environment():
    # No proxy or library-path variables reach the child; it gets only what it needs to run.
    return {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/nonexistent"}


def binary(name):
    path = shutil.which(name, path="/usr/bin:/bin:/usr/local/bin")
    if path is None:
        raise FileNotFoundError(f"{name} is not installed (apt-get install ffmpeg)")
    return path


def run(args, timeout, cwd=None):
    """Run to completion; returns CompletedProcess (text output)."""
    return subprocess.run(  # noqa: S603 — argument list, never a shell
        args,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        env=clean_environment(),
        preexec_fn=_limits(int(timeout) + 5),
        check=False,  # noqa: PLW1509
    )


def popen(args, cpu_seconds, cwd=None):
    """Start a long run whose stdout the caller reads (ffmpeg's -progress output)."""
    return subprocess.Popen(  # noqa: S603 — argument list, never a shell
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        cwd=cwd,
        env=clean_environment(),
        preexec_fn=_limits(cpu_seconds),  # noqa: PLW1509
    )


def timeout_for(duration_seconds):
    """Wall time allowed for converting a video of this length."""
    factor = getattr(settings, "VIDEO_TRANSCODE_TIMEOUT_FACTOR", 6)
    return int(120 + factor * (duration_seconds or 0))
