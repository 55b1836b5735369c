import datetime

import factory
import wagtail_factories

from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Tadrib"
    hero_title = "Tadrib"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    introduction = "Introduction"

    class Meta:
        model = StandardPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    summary = factory.LazyAttribute(lambda page: f"Summary of {page.title}")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n % 300))
    body = factory.LazyAttribute(lambda page: [("paragraph", f"<p>Body of {page.title}</p>")])

    class Meta:
        model = NewsPage
