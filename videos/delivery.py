"""Serving a video's playlists, segments, poster, download and original after the access check.

On disk the files are streamed from here (with byte ranges, so the MP4 can be sought). On S3 the
variant playlists are rewritten so each segment is a short-lived presigned URL, because a presigned
playlist alone would not cover the segments it lists.
"""

import mimetypes
import re

from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.utils.http import content_disposition_header

from . import display

MEDIA_NAME = re.compile(
    r"^(master\.m3u8|poster\.jpg|download\.mp4|audio\.m4a|[0-9a-z]+/(index\.m3u8|segment_\d{5}\.ts))$"
)
CAPTIONS_NAME = re.compile(r"^captions/([a-z]{2,3}(?:-[a-z0-9]{2,8})?)\.vtt$")
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
ATTACHMENT_TYPE = "application/octet-stream"
OFFLINE_SAVE_HEADER = "X-Tadrib-Offline-Save"
ORIGINAL_LINK_SECONDS = 120  # S3 checks the signature when the download starts, so a short link is enough
CONTENT_TYPES = {
    ".m3u8": "application/vnd.apple.mpegurl",
    ".ts": "video/mp2t",
    ".mp4": "video/mp4",
    ".m4a": "audio/mp4",
    ".jpg": "image/jpeg",
}


def content_type(name):
    for suffix, value in CONTENT_TYPES.items():
        if name.endswith(suffix):
            return value
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def serve(request, video, name):
    captions = CAPTIONS_NAME.match(name)
    if captions:
        caption = video.captions.filter(language=captions.group(1)).first()
        if caption is None:
            raise Http404
        stored = caption.file.name
    elif MEDIA_NAME.match(name) and video.output_prefix:
        stored = f"{video.output_prefix}/{name}"
    else:
        raise Http404
    on_disk = isinstance(default_storage, FileSystemStorage)
    if name.endswith("/index.m3u8") and not on_disk:
        return _presigned_playlist(stored)
    if not on_disk and not name.endswith(".m3u8") and not _offline_save(request):
        return HttpResponseRedirect(default_storage.url(stored))
    try:
        handle = default_storage.open(stored, "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = _ranged(request, handle, default_storage.size(stored), content_type(name))
    response["Cache-Control"] = "private, max-age=3600"
    return response


def _offline_save(request):
    """A lesson being saved for offline use (static/js/offline_lessons.js) reads its files through this server, so
    the page's script may store them without the bucket answering CORS; they are small (the small MP4 or the sound
    file, the poster, the captions)."""
    return request.headers.get(OFFLINE_SAVE_HEADER) == "1"


def serve_original(request, video):
    """The uploaded file itself, always as a download under the uploader's (cleaned) name, never shown inline."""
    disposition = content_disposition_header(True, display.download_name(video))
    stored = video.original.name
    if not stored:
        raise Http404
    if not isinstance(default_storage, FileSystemStorage):
        parameters = {"ResponseContentDisposition": disposition, "ResponseContentType": ATTACHMENT_TYPE}
        return HttpResponseRedirect(default_storage.url(stored, parameters=parameters, expire=ORIGINAL_LINK_SECONDS))
    try:
        handle = default_storage.open(stored, "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = _ranged(request, handle, default_storage.size(stored), ATTACHMENT_TYPE)
    response["Content-Disposition"] = disposition
    response["Cache-Control"] = "private, no-store"
    return response


def _presigned_playlist(stored):
    try:
        text = default_storage.open(stored, "rb").read().decode()
    except FileNotFoundError as exc:
        raise Http404 from exc
    folder = stored.rsplit("/", 1)[0]
    lines = [
        default_storage.url(f"{folder}/{line}") if line and not line.startswith("#") else line
        for line in text.splitlines()
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type=CONTENT_TYPES[".m3u8"])
    response["Cache-Control"] = "private, no-store"  # the URLs inside expire
    return response


def _ranged(request, handle, size, mime):
    match = _RANGE.match(request.headers.get("Range", ""))
    if not match or (not match.group(1) and not match.group(2)):
        response = FileResponse(handle, content_type=mime)
        response["Accept-Ranges"] = "bytes"
        return response
    first, last = match.groups()
    if first:
        start, end = int(first), min(int(last) if last else size - 1, size - 1)
    else:
        start, end = max(size - int(last), 0), size - 1
    if start >= size or start > end:
        handle.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    handle.seek(start)
    response = StreamingHttpResponse(_chunks(handle, end - start + 1), status=206, content_type=mime)
    response["Content-Length"] = str(end - start + 1)
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Accept-Ranges"] = "bytes"
    return response


def _chunks(handle, length, chunk_size=256 * 1024):
    """Stream a byte range without holding it in memory."""
    try:
        while length > 0:
            data = handle.read(min(chunk_size, length))
            if not data:
                break
            length -= len(data)
            yield data
    finally:
        handle.close()
