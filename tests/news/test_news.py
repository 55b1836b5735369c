import datetime

import feedparser
import pytest

from news.models import NewsCategory
from tests.factories import NewsPageFactory


@pytest.fixture
def fr_news(news_indexes):
    index = news_indexes["fr"]
    category = NewsCategory.objects.create(name="Formation", slug="formation", locale=index.locale)
    items = [
        NewsPageFactory(
            parent=index,
            locale=index.locale,
            title="Séminaire à Tamanrasset",
            summary="Un séminaire sur la gouvernance",
            date=datetime.date(2026, 3, 1),
            category=category,
        ),
        NewsPageFactory(
            parent=index,
            locale=index.locale,
            title="Journée d'études à Oran",
            summary="Les finances des associations",
            date=datetime.date(2026, 2, 1),
        ),
    ]
    items[1].tags.add("finances")
    items[1].save_revision().publish()
    return index, items


@pytest.mark.django_db
def test_news_page_renders_with_summary_tags_and_category(client, fr_news):
    _index, (seminar, study_day) = fr_news
    html = client.get(seminar.url).content.decode()
    assert "Séminaire à Tamanrasset" in html and "Un séminaire sur la gouvernance" in html
    assert "?category=formation" in html
    assert "?tag=finances" in client.get(study_day.url).content.decode()


@pytest.mark.django_db
def test_index_lists_newest_first_and_filters(client, fr_news):
    index, (seminar, study_day) = fr_news
    html = client.get(index.url).content.decode()
    assert html.index(seminar.title) < html.index("Journée d")
    by_category = client.get(index.url, {"category": "formation"}).content.decode()
    assert seminar.title in by_category and "Journée d" not in by_category
    by_tag = client.get(index.url, {"tag": "finances"}).content.decode()
    assert "Journée d" in by_tag and seminar.title not in by_tag


@pytest.mark.django_db
def test_index_search_finds_words_in_the_summary(client, fr_news):
    index, (seminar, _study_day) = fr_news
    html = client.get(index.url, {"q": "gouvernance"}).content.decode()
    assert seminar.title in html and "Journée d" not in html


@pytest.mark.django_db
def test_index_shows_only_its_own_language(client, fr_news, news_indexes):
    NewsPageFactory(parent=news_indexes["ar"], title="ندوة في تمنراست")
    assert "ندوة" not in client.get(fr_news[0].url).content.decode()


@pytest.mark.django_db
def test_pagination(client, news_indexes):
    index = news_indexes["en"]
    for _ in range(23):
        NewsPageFactory(parent=index, locale=index.locale)
    first = client.get(index.url).content.decode()
    third = client.get(index.url, {"page": "3"}).content.decode()
    assert first.count('class="card"') == 10
    assert third.count('class="card"') == 3
    assert "Page 3 of 3" in third


HOSTILE = [
    {"q": "x" * 10_000},
    {"q": "' OR 1=1; DROP TABLE wagtailcore_page; --"},
    {"q": '"unbalanced'},
    {"q": "NOT AND OR NEAR(*)"},
    {"q": "تمنراست ⵜⴰⵎⴰⵏⵔⴰⵙⵜ 🙂"},
    {"q": "\x00\x01"},
    {"q": "%00%27"},
    {"page": "-1"},
    {"page": "999999999999999999999"},
    {"page": "abc"},
    {"tag": "<script>alert(1)</script>"},
    {"category": "' OR '1'='1"},
    {"q": "a", "tag": "x" * 5000, "category": "y" * 5000},
]


@pytest.mark.django_db
@pytest.mark.parametrize("params", HOSTILE)
def test_hostile_query_strings_never_break_the_index(client, fr_news, params):
    index, _items = fr_news
    response = client.get(index.url, params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("feed", ["rss/", "atom/"])
@pytest.mark.parametrize("params", [{}, {"q": "x" * 5000}, {"page": "<>"}])
def test_feeds_ignore_hostile_query_strings(client, fr_news, feed, params):
    index, _items = fr_news
    assert client.get(index.url + feed, params).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(("feed", "version"), [("rss/", "rss20"), ("atom/", "atom10")])
def test_feeds_are_valid_and_in_the_page_language(client, fr_news, news_indexes, feed, version):
    NewsPageFactory(parent=news_indexes["ar"], title="ندوة في تمنراست")
    index, (seminar, study_day) = fr_news
    response = client.get(index.url + feed)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == version
    assert parsed.feed.get("language", "fr").startswith("fr")
    assert [entry.title for entry in parsed.entries] == [seminar.title, study_day.title]
    assert parsed.entries[0].link.endswith(seminar.url)


@pytest.mark.django_db
def test_every_page_links_its_languages_feeds(client, fr_news):
    index, (seminar, _study_day) = fr_news
    html = client.get(seminar.url).content.decode()
    assert (
        f'type="application/rss+xml" title="Actualités (RSS)" href="{index.url}rss/"' in html
        or f'href="{index.url}rss/"' in html
    )
    assert f'href="{index.url}atom/"' in html


@pytest.mark.django_db
def test_sitemap_lists_pages_in_every_language(client, fr_news, news_indexes):
    xml = client.get("/sitemap.xml").content.decode()
    for index in news_indexes.values():
        assert index.url in xml
    assert fr_news[1][0].url in xml


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


@pytest.mark.django_db
@pytest.mark.parametrize("news_count", [10, 100])
def test_index_query_count_does_not_grow_with_news(client, news_indexes, news_count, django_assert_max_num_queries):
    index = news_indexes["ar"]
    for number in range(news_count):
        page = NewsPageFactory(parent=index)
        if number % 3 == 0:
            page.tags.add("tag", f"tag{number}")
            page.save()
    client.get(index.url)  # the first request fills the caches (site root paths, settings)
    with django_assert_max_num_queries(21):  # one reads the site root paths from the shared cache (embedded)
        response = client.get(index.url)
    assert response.content.decode().count('class="card"') == 10
