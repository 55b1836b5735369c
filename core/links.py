"""Absolute addresses on the real site. Where there is a request (feeds, sitemap, calendars, pages), the host it
came to; where there is none (e-mails, certificates, credentials, anything a task writes), WAGTAILADMIN_BASE_URL,
the site's public address. Never Wagtail's Site record, whose hostname may be a placeholder such as "localhost"."""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(location, request=None):
    """location is a path, or an address that is already absolute (a page of another Wagtail site)."""
    if request is not None:
        return request.build_absolute_uri(location)
    if urlsplit(location).scheme:
        return location
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + location


def page_url(page, request=None):
    """The page's absolute address ("" when it has none: not routable)."""
    url = page.get_url(request)
    return absolute_url(url, request) if url else ""
