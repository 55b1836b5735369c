"""JSON endpoints the admin's upload script talks to (see static/js/video_admin.js and uploads.py)."""

import json
import re

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import uploads
from .models import Upload

CONTENT_RANGE = re.compile(r"^bytes (\d{1,15})-(\d{1,15})/(\d{1,15})$")
MAX_JSON_BYTES = 16 * 1024


def _uploader(request):
    if not request.user.has_perm("videos.add_video"):
        raise PermissionDenied


def _own_upload(request, upload_id):
    _uploader(request)
    upload = Upload.objects.filter(pk=upload_id, owner=request.user, cancelled__isnull=True).first()
    if upload is None:
        raise Http404
    return upload


def _json_body(request):
    if request.content_type != "application/json":  # a form posted from another site cannot send this type
        raise uploads.UploadError(_("Send the request as JSON (Content-Type: application/json)."), status=415)
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_JSON_BYTES:
        raise uploads.UploadError(_("The request is too large."), status=413)
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError) as error:
        raise uploads.UploadError(_("The request is not valid JSON.")) from error
    if not isinstance(data, dict):
        raise uploads.UploadError(_("The request is not valid JSON."))
    return data


def _answer(function):
    def wrapper(request, *args, **kwargs):
        try:
            return JsonResponse(function(request, *args, **kwargs))
        except uploads.UploadError as error:
            return JsonResponse({"error": str(error), **error.extra}, status=error.status)
        except Http404:
            return JsonResponse({"error": _("This upload does not exist (any more).")}, status=404)
        except PermissionDenied:
            return JsonResponse({"error": _("You may not upload videos.")}, status=403)

    wrapper.__name__ = function.__name__
    return wrapper


@require_http_methods(["POST"])
@_answer
def start(request):
    _uploader(request)
    data = _json_body(request)
    return uploads.describe(uploads.start(request.user, data.get("name", ""), data.get("size")))


@require_http_methods(["GET", "DELETE"])
@_answer
def detail(request, upload_id):
    upload = _own_upload(request, upload_id)
    if request.method == "DELETE":
        uploads.abort(upload)
        return {"deleted": True}
    return uploads.describe(upload)


@require_http_methods(["PUT"])
@_answer
def chunk(request, upload_id):
    upload = _own_upload(request, upload_id)
    match = CONTENT_RANGE.match(request.headers.get("Content-Range", ""))
    if not match:
        raise uploads.UploadError(_("The chunk needs a Content-Range header."))
    first, last, total = (int(value) for value in match.groups())
    length = last - first + 1
    if int(request.META.get("CONTENT_LENGTH") or 0) != length:
        raise uploads.UploadError(_("The chunk has the wrong size."))
    return {"received": uploads.write_chunk(upload, first, length, total, request)}


@require_http_methods(["POST"])
@_answer
def parts(request, upload_id):
    upload = _own_upload(request, upload_id)
    numbers = _json_body(request).get("parts")
    if not isinstance(numbers, list) or not 0 < len(numbers) <= 100:
        raise uploads.UploadError(_("Ask for between 1 and 100 parts."))
    return {"urls": uploads.presign_parts(upload, numbers)}


@require_http_methods(["POST"])
@_answer
def complete(request, upload_id):
    return uploads.describe(uploads.complete(_own_upload(request, upload_id)))
