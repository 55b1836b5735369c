"""Two response headers the service worker relies on: whose page this is, and "forget everything" at logout."""

from django.utils.crypto import salted_hmac

CACHE_KEY_HEADER = "X-Tadrib-Cache-Key"
VISITOR_KEY = "anon"


def cache_key(user):
    """An opaque name for a person's page cache on a device: the same for one person on every request, different
    between people, and telling nothing of the account (an HMAC of the primary key under the SECRET_KEY)."""
    if user is None or not user.is_authenticated:
        return VISITOR_KEY
    return salted_hmac("offline.page-cache", str(user.pk), algorithm="sha256").hexdigest()[:20]


def clear_site_data_after_logout(sender, request, user, **kwargs):
    if request is not None:
        request.offline_clear_site_data = True


class OfflineHeadersMiddleware:
    """Names the page cache on HTML responses; after a logout asks the browser to drop its caches and storage
    (the service worker's page caches, and later the offline queue). static/js/app.js clears the page caches
    itself too, for browsers that ignore Clear-Site-Data."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            response[CACHE_KEY_HEADER] = cache_key(getattr(request, "user", None))
        if getattr(request, "offline_clear_site_data", False):
            response["Clear-Site-Data"] = '"cache", "storage"'
        return response
