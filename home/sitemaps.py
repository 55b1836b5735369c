from functools import reduce
from operator import or_
from urllib.parse import urlsplit, urlunsplit

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.links import absolute_url


class PageSitemap(Sitemap):
    """Every live public page of the site, in every language (Wagtail's own lists one locale)."""

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key, depth=root.depth)
        in_a_tree = reduce(or_, (Q(path__startswith=page.path) for page in roots))
        return Page.objects.filter(in_a_tree).live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        # Wagtail writes each address from the Site record, whose hostname may be a placeholder ("localhost");
        # these are the pages of the site the request reached, so they are given on the host it reached.
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            path = urlunsplit(urlsplit(url["location"])._replace(scheme="", netloc=""))
            url["location"] = absolute_url(path, self.request)
        return urls
