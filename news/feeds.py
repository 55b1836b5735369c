import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from core.links import absolute_url, page_url

FEED_LENGTH = 20


class RssNewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, index_page):
        self.request = request
        return index_page

    def title(self, index_page):
        return index_page.title

    # Every address on the host the reader asked (Wagtail's full URLs would use the Site record's hostname).
    def link(self, index_page):
        return page_url(index_page, self.request)

    def description(self, index_page):
        return index_page.introduction or index_page.title

    def feed_url(self, index_page):
        path = index_page.get_url(self.request) + index_page.reverse_subpage(self.route_name)
        return absolute_url(path, self.request)

    route_name = "rss"

    def items(self, index_page):
        return index_page.news().select_related("category")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return page_url(item, self.request)

    def item_guid(self, item):
        return page_url(item, self.request)

    def item_pubdate(self, item):
        published = datetime.datetime.combine(item.date, datetime.time(8, 0))
        return timezone.make_aware(published)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.category.name] if item.category else []


class AtomNewsFeed(RssNewsFeed):
    feed_type = Atom1Feed
    route_name = "atom"
    subtitle = RssNewsFeed.description
