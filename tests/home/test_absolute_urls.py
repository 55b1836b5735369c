"""Absolute addresses come from the real site: the host a request came to, or WAGTAILADMIN_BASE_URL outside a
request. Never Wagtail's Site record ("localhost" in a fresh database)."""

import re

import feedparser
import pytest
from django.conf import settings
from wagtail.models import Site

from tests.factories import NewsPageFactory
from tests.factories.seminars import SeminarIndexPageFactory, build_seminar

pytestmark = pytest.mark.django_db

HOST = "tadrib.example.dz"


@pytest.fixture(autouse=True)
def real_host(settings):
    settings.ALLOWED_HOSTS = [HOST, "testserver"]
    assert Site.objects.get(is_default_site=True).hostname == "localhost"  # what the database says


@pytest.fixture
def news(news_indexes):
    index = news_indexes["fr"]
    return index, NewsPageFactory(parent=index, locale=index.locale, title="Séminaire à Tamanrasset")


@pytest.mark.parametrize("secure", [False, True], ids=["http", "https"])
def test_rss_link_guid_and_self_address_use_the_requests_host(client, news, secure):
    index, item = news
    origin = f"{'https' if secure else 'http'}://{HOST}"
    response = client.get(f"{index.url}rss/", HTTP_HOST=HOST, secure=secure)
    xml = response.content.decode()
    assert re.findall(r"<guid[^>]*>(.*?)</guid>", xml) == [origin + item.url]
    assert re.findall(r"<link>(.*?)</link>", xml) == [origin + index.url, origin + item.url]
    assert f'href="{origin}{index.url}rss/"' in xml  # atom:link rel="self"
    assert "localhost" not in xml


def test_atom_ids_and_links_use_the_requests_host(client, news):
    index, item = news
    parsed = feedparser.parse(client.get(f"{index.url}atom/", HTTP_HOST=HOST).content)
    assert not parsed.bozo
    assert parsed.feed.id == parsed.feed.link == f"http://{HOST}{index.url}"
    assert [(entry.id, entry.link) for entry in parsed.entries] == [(f"http://{HOST}{item.url}",) * 2]


def test_sitemap_locations_use_the_requests_host(client, news, news_indexes):
    xml = client.get("/sitemap.xml", HTTP_HOST=HOST).content.decode()
    locations = re.findall(r"<loc>(.*?)</loc>", xml)
    assert locations and all(location.startswith(f"http://{HOST}/") for location in locations), locations
    assert {f"http://{HOST}{page.url}" for page in [news[1], *news_indexes.values()]} <= set(locations)


def test_robots_and_calendars_use_the_requests_host(client, homes):
    assert f"Sitemap: http://{HOST}/sitemap.xml" in client.get("/robots.txt", HTTP_HOST=HOST).content.decode()
    index = SeminarIndexPageFactory(parent=homes["fr"], locale=homes["fr"].locale)
    seminar = build_seminar(index)
    ics = client.get(f"/fr/seminar/{seminar.pk}/event.ics", HTTP_HOST=HOST).content.decode()
    assert f"URL:http://{HOST}{seminar.url}" in ics.replace("\r\n ", "")


def test_outside_a_request_the_sites_public_address_is_used():
    from core.links import absolute_url

    assert absolute_url("/fr/verify/abc/") == f"{settings.WAGTAILADMIN_BASE_URL}/fr/verify/abc/"
    assert absolute_url("https://other.example.dz/fr/") == "https://other.example.dz/fr/"
