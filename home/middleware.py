from django.conf import settings
from django.conf.locale import LANG_INFO
from django.http import Http404
from django.middleware import locale
from django.utils import translation
from django.utils.cache import patch_vary_headers


def _first_segment(path):
    return path.lstrip("/").split("/", 1)[0].lower()


class UnknownLanguagePrefixMiddleware:
    """/de/… names a language we do not offer: answer 404 at once instead of redirecting to /ar/de/…."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        segment = _first_segment(request.path_info)
        if segment in LANG_INFO and segment not in dict(settings.LANGUAGES):
            raise Http404("Unknown language")
        return self.get_response(request)


class RememberLanguageMiddleware:
    """Keep the language of the last page read, so '/' brings the visitor back to it, and, for a signed-in
    member, so that e-mails are written in it (when the member chose no language)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        segment = _first_segment(request.path_info)
        # Wagtail's previews go through the middleware as dummy requests: an editor previewing a French page
        # has not read the site in French.
        if getattr(request, "is_dummy", False) or not (
            request.method == "GET"
            and response.status_code == 200
            and segment in dict(settings.LANGUAGES)
            and segment == translation.get_language()
        ):
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            user.remember_language(segment)
        if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != segment:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                segment,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
                httponly=True,
            )
        return response


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, except that a 404 from an API (JSON) or to a write request stays a 404: Django would redirect it
    to /<language>/…, which turns a PUT into a GET of a page and hides the answer from the script.

    So does a 404 that a view outside the language prefixes gave (the admin, media): its address exists, and
    /<language>/admin/… does not (Wagtail's page route accepts any path, so Django would redirect every one)."""

    def process_response(self, request, response):
        if response.status_code == 404 and (
            request.method not in ("GET", "HEAD")
            or response.get("Content-Type", "").startswith("application/json")
            or getattr(request, "resolver_match", None) is not None
        ):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
