from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from . import shell
from .manifest import manifest


def _language(code):
    if code not in dict(settings.LANGUAGES):
        raise Http404("Unknown language")
    return code


@require_safe
@cache_control(public=True, max_age=24 * 3600)
def web_app_manifest(request, language):
    return JsonResponse(
        manifest(_language(language)),
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )


@require_safe
@cache_control(no_cache=True)
def service_worker(request):
    """At the root, so that its scope is the whole site. Browsers look for a new version after navigations; no-cache
    makes each look ask the server, and the ETag (the version) lets an unchanged worker cost a 304, not 13 KB."""
    if not shell.workbox_installed():
        raise Http404("Workbox is not installed (npm ci)")
    script, version = shell.service_worker_script()
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    response["ETag"] = f'"{version}"'
    return get_conditional_response(request, etag=response["ETag"], response=response)


@require_safe
def offline_page(request, language):
    """The page the service worker shows for an address it has not saved, precached in every language. It is the
    same for everyone (no account menu, no token): outside the language prefixes, so fetching the three of them
    does not change the language the member reads the site in."""
    language = _language(language)
    response = HttpResponse(shell.offline_page(language))
    response["Content-Language"] = language
    return response
