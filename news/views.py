import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from .feeds import AtomNewsFeed, RssNewsFeed

PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200
MAX_SEARCH_RESULTS = 200
MAX_SEARCH_TERMS = 12
_WORD = re.compile(r"\w+")


def _clean(value, limit=100):
    return (value or "").strip()[:limit]


def search_terms(query):
    """Plain lower-case words only: search engines' operators and quoting never reach the backend."""
    return " ".join(_WORD.findall(query.lower())[:MAX_SEARCH_TERMS])


def news_index(request, page):
    from .models import NewsCategory

    query = _clean(request.GET.get("q"), MAX_QUERY_LENGTH)
    tag = _clean(request.GET.get("tag"))
    category_slug = _clean(request.GET.get("category"))

    news = page.news()
    filtered = news
    category = None
    if category_slug:
        category = NewsCategory.objects.filter(locale=page.locale, slug=category_slug).first()
        filtered = filtered.filter(category=category) if category else filtered.none()
    if tag:
        filtered = filtered.filter(tags__slug=tag)

    terms = search_terms(query)
    if query and not terms:
        items = filtered.none()
    elif terms:
        allowed = set(filtered.values_list("pk", flat=True)) if (tag or category_slug) else None
        hits = news.search(terms, operator="and")[:MAX_SEARCH_RESULTS]
        ids = [hit.pk for hit in hits if allowed is None or hit.pk in allowed]
        items = news.filter(pk__in=ids).for_listing()
    else:
        items = filtered.for_listing()

    paginator = Paginator(items, PAGE_SIZE)
    news_page = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = page.get_context(request)
    context.update(
        {
            "query_string": params.urlencode(),
            "news_page": news_page,
            "query": query,
            "active_tag": tag,
            "active_category": category,
            "categories": NewsCategory.objects.filter(locale=page.locale),
        }
    )
    return TemplateResponse(request, page.get_template(request), context)


def news_feed(request, page, kind):
    feed = RssNewsFeed() if kind == "rss" else AtomNewsFeed()
    return feed(request, index_page=page)
