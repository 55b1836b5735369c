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
    total += sum(len(style.encode()) for style in re.findall(r"<style>(.*?)</style>", html, re.DOTALL))
    assert total <= 60 * 1024


@pytest.mark.django_db
def test_pages_have_landmarks_skip_link_and_labelled_search(client, news_indexes):
    html = client.get(news_indexes["ar"].url).content.decode()
    assert '<a class="skip-link" href="#main">' in html
    for landmark in ("<header", '<main id="main"', "<footer", "<nav"):
        assert landmark in html
    assert '<label for="news-q">' in html and 'id="news-q"' in html


def _list_semantics_problems(html):
    """What axe's `list`, `listitem` and `aria-allowed-role` rules flag in a page's lists."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    lists = soup.select("ul[role], ol[role]")
    problems = [f"<{tag.name} role={tag['role']}>" for tag in lists if tag["role"] != "list"]
    for item in soup.find_all("li"):
        parent = item.parent
        if parent.name not in ("ul", "ol", "menu") or parent.get("role", "list") != "list":
            problems.append(f"<li> in <{parent.name} role={parent.get('role')}>")
    return problems


@pytest.mark.django_db
@pytest.mark.parametrize("layout", ["site", "accounts"])
def test_messages_are_a_plain_list_inside_a_status_live_region(client, layout):
    from bs4 import BeautifulSoup

    from tests.factories import UserFactory

    client.force_login(UserFactory(preferred_language="fr"))
    if layout == "site":  # base.html
        response = client.post("/fr/seminar/my-calendar/", follow=True)
    else:  # allauth's layout: signing out leaves a message on the next page of the accounts pages
        response = client.post("/fr/accounts/logout/")
        response = client.get("/fr/accounts/login/")
    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    regions = soup.select('[role="status"]')
    assert len(regions) == 1
    region = regions[0]
    assert region.name == "div" and region.get("aria-live", "polite") == "polite"
    items = region.select("ul.messages__list > li.message")
    assert len(items) == 1 and items[0].get_text(strip=True)
    assert region.find("ul").get("role") is None
    assert _list_semantics_problems(html) == []
