import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from tests.factories import NewsPageFactory

STATIC = Path(__file__).resolve().parents[2] / "static"
PHYSICAL = re.compile(
    r"(margin|padding|border)-(left|right)|(?<![-\w])(left|right)\s*:|text-align:\s*(left|right)|float:\s*(left|right)"
)


def test_css_uses_logical_properties_only_so_rtl_mirrors():
    for stylesheet in STATIC.rglob("*.css"):
        offending = [line.strip() for line in stylesheet.read_text().splitlines() if PHYSICAL.search(line)]
        assert offending == [], f"{stylesheet.name} uses physical directions"


@pytest.mark.django_db
def test_a_news_page_loads_at_most_60_kb_of_css_and_javascript(client, news_indexes):
    page = NewsPageFactory(parent=news_indexes["fr"], locale=news_indexes["fr"].locale)
    html = client.get(page.url).content.decode()
    assets = re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', html)
    assets += re.findall(r'<script[^>]+src="/static/([^"]+)"', html)
    assert assets, "the page links its stylesheet"
    total = sum(Path(finders.find(asset)).stat().st_size for asset in assets)
    assert total <= 60 * 1024


@pytest.mark.django_db
def test_pages_have_landmarks_skip_link_and_labelled_search(client, news_indexes):
    html = client.get(news_indexes["ar"].url).content.decode()
    assert '<a class="skip-link" href="#main">' in html
    for landmark in ("<header", '<main id="main"', "<footer", "<nav"):
        assert landmark in html
    assert '<label for="news-q">' in html and 'id="news-q"' in html
