from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PageSitemap(Sitemap):
    """Every live public page of the site, in every language (Wagtail's own lists one locale)."""

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key, depth=root.depth)
        in_a_tree = reduce(or_, (Q(path__startswith=page.path) for page in roots))
        return Page.objects.filter(in_a_tree).live().public().order_by("path").defer_streamfields().specific()
