from django import template
from django.utils import translation

from .. import shell
from ..manifest import THEME_COLOUR
from ..middleware import cache_key

register = template.Library()


@register.inclusion_tag("offline/head.html", takes_context=True)
def app_head(context):
    """The manifest link, the theme colour and, on public pages, the script that registers the service worker (not
    in the admin, its previews included: the worker keeps nothing of it)."""
    request = context.get("request")
    in_admin = getattr(request, "path", "").startswith("/admin/") or getattr(request, "is_preview", False)
    return {
        "language": translation.get_language(),
        "theme_colour": THEME_COLOUR,
        "register_worker": not in_admin and shell.workbox_installed(),
        # The offline queue's owner (static/js/queue.js): changes are kept and sent for this person only.
        "person": cache_key(user) if (user := getattr(request, "user", None)) and user.is_authenticated else "",
    }
