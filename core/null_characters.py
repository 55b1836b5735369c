"""NUL characters stop at the door: no text column takes them (PostgreSQL raises DataError, a 500), and no
person types one. Checked once here for every view, ours and Wagtail's, instead of endpoint by endpoint.

- a path with one names nothing: 404, like any other unknown address;
- a query string is cleaned, as listings already ignore junk filters;
- a cookie with one is ignored, as if it was not sent (a browser cannot easily drop a broken cookie);
- a header, form field, file name or JSON body with one is refused with a clear 400 before any view runs.
"""

import json

from django.conf import settings
from django.core.handlers.exception import response_for_exception
from django.http import Http404, HttpResponse, JsonResponse, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from django.utils.translation import gettext as _

NUL = "\x00"
FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")


def contains_nul(value):
    """True if a NUL is anywhere in a (decoded JSON) value, keys included."""
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(contains_nul(key) or contains_nul(item) for key, item in value.items())
    if isinstance(value, list):
        return any(contains_nul(item) for item in value)
    return False


def _content_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _cleaned(query):
    cleaned = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        cleaned.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in values])
    return cleaned


class NullCharacterMiddleware:
    """First in the chain, before the session is read from its cookie and static files are looked up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query or NUL in query:
            # The raw string is rewritten too, so whatever reads it again (get_full_path, a re-parse) sees it clean.
            request.META["QUERY_STRING"] = _cleaned(request.GET).urlencode()
            request.__dict__.pop("GET", None)
        if any(NUL in key or NUL in value for key, value in request.COOKIES.items()):
            request.COOKIES = {key: value for key, value in request.COOKIES.items() if NUL not in key + value}
        if NUL in request.path_info:
            with translation.override(translation.get_language_from_request(request, check_path=True)):
                return response_for_exception(request, Http404())
        if self._carries_nul(request):
            return self._refusal(request)
        return self.get_response(request)

    def _carries_nul(self, request):
        if any(NUL in str(value) for key, value in request.META.items() if key.startswith("HTTP_")):
            return True
        if NUL in request.META.get("CONTENT_TYPE", ""):
            return True
        if request.method == "POST" and request.content_type in FORMS:
            try:
                fields, files = request.POST.lists(), request.FILES.items()
            except MultiPartParserError:
                return False  # a broken body: the view (or the CSRF check) answers it
            if any(NUL in key or any(NUL in value for value in values) for key, values in fields):
                return True
            return any(NUL in key or NUL in upload.name for key, upload in files)
        if self._is_json(request) and _content_length(request) <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            try:
                return contains_nul(json.loads(request.body))
            except (ValueError, UnicodeDecodeError):
                return False  # not JSON at all: the view says so
        return False

    @staticmethod
    def _is_json(request):
        return request.content_type == "application/json" or request.content_type.endswith("+json")

    def _refusal(self, request):
        with translation.override(translation.get_language_from_request(request, check_path=True)):
            message = _("The request contains a NUL character, which is not allowed in any text.")
        accept = request.META.get("HTTP_ACCEPT", "")
        if self._is_json(request) or "json" in accept or "HTTP_X_REQUESTED_WITH" in request.META:
            return JsonResponse({"error": message}, status=400)
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
