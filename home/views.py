import mimetypes
import posixpath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe


def admin_login(request):
    """The admin's door (WAGTAILADMIN_LOGIN_URL). Visitors sign in on the site's one throttled login page.

    A signed-in member without admin access is told so here: the login page would send them back to ?next=,
    which sends them here again, for ever.
    """
    next_url = request.GET.get("next", "/admin/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/admin/"
    if request.user.is_authenticated:
        if request.user.has_perm("wagtailadmin.access_admin"):
            return redirect(next_url)
        return TemplateResponse(request, "home/no_admin_access.html", status=403)
    query = QueryDict(mutable=True)
    query["next"] = next_url
    return redirect(f"{reverse('account_login')}?{query.urlencode(safe='/')}")


@require_safe
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        *(f"Disallow: /{code}/accounts/" for code, _name in settings.LANGUAGES),
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(public=True, max_age=7 * 24 * 3600)
def public_media(request, path):
    """Image files in the embedded profile (on S3 the storage hands out presigned URLs instead).

    Only the image folders are routed here; documents go through Wagtail's privacy-checked view.
    """
    if not isinstance(default_storage, FileSystemStorage):
        raise Http404
    normalised = posixpath.normpath(path)
    if normalised != path or normalised.startswith(("/", "..")) or "\x00" in path:
        raise Http404
    try:
        handle = default_storage.open(normalised, "rb")
    except (FileNotFoundError, IsADirectoryError, ValueError, SuspiciousFileOperation) as exc:
        raise Http404 from exc
    content_type = mimetypes.guess_type(normalised)[0] or "application/octet-stream"
    if not content_type.startswith("image/"):
        handle.close()
        raise Http404
    return FileResponse(handle, content_type=content_type)
