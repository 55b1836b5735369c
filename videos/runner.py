"""Run ffmpeg and ffprobe as untrusting as we can: no shell, no stdin, no network, bounded time and memory."""

import contextlib
import ctypes
import ctypes.util
import os
import resource
import shutil
import signal
import subprocess
import threading

from django.conf import settings

MEMORY_LIMIT_BYTES = 2 * 1024**3
ERROR_TAIL_CHARS = 4000
PR_SET_PDEATHSIG = 1
_libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)  # loaded before any fork


def _limits(cpu_seconds):
    parent = os.getpid()

    def apply():
        # The child is killed when the thread that started it ends: django-q2 runs a task in its worker process's
        # main thread, so when that worker is killed outright (OOM killer, kill -9), ffmpeg goes with it instead of
        # running on, orphaned, for as long as the video lasts.
        _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the worker died before the line above took effect
            os._exit(1)
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


class _ErrorTail(threading.Thread):
    """Reads a child's standard error on its own thread as it comes, keeping only the end: a child that writes more
    than a pipe holds (a damaged file can make ffmpeg report every frame) never blocks, and memory stays bounded."""

    def __init__(self, stream):
        super().__init__(daemon=True)
        self.stream, self.kept = stream, ""

    def run(self):
        while chunk := self.stream.read(ERROR_TAIL_CHARS):
            self.kept = (self.kept + chunk)[-ERROR_TAIL_CHARS:]

    def text(self):
        """What the child wrote last, once its standard error has closed."""
        self.join()
        return self.kept


@contextlib.contextmanager
def running(args, cpu_seconds, cwd=None):
    """A long run whose stdout the caller reads (ffmpeg's -progress output); `process.errors()` gives the end of
    its standard error once it has exited. However the caller leaves (an error, django-q2's timeout raised in the
    middle), the process is killed and reaped."""
    process = subprocess.Popen(  # noqa: S603 — argument list, never a shell
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        errors="replace",
        cwd=cwd,
        env=clean_environment(),
        preexec_fn=_limits(cpu_seconds),  # noqa: PLW1509
    )
    tail = _ErrorTail(process.stderr)
    tail.start()
    process.errors = tail.text
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        tail.join()  # the pipe closed with the process: the reader ends
        process.stdout.close()
        process.stderr.close()


def timeout_for(duration_seconds):
    """Wall time allowed for converting a video of this length."""
    factor = getattr(settings, "VIDEO_TRANSCODE_TIMEOUT_FACTOR", 6)
    return int(120 + factor * (duration_seconds or 0))
