import pytest
from django.test import override_settings
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from tests.factories import NewsPageFactory, StandardPageFactory


class TestPageTreeRules(WagtailPageTestCase):
    def test_home_page_goes_under_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(NewsIndexPage, HomePage)

    def test_news_index_lives_under_a_home_page(self):
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanNotCreateAt(StandardPage, NewsIndexPage)
        self.assertCanNotCreateAt(Page, NewsIndexPage)

    def test_news_pages_live_under_the_news_index_only(self):
        self.assertCanCreateAt(NewsIndexPage, NewsPage)
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(NewsPage, NewsPage)
        self.assertCanNotCreateAt(StandardPage, NewsPage)

    def test_standard_pages_nest(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(NewsIndexPage, StandardPage)


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("fr", "ltr"), ("en", "ltr")])
def test_home_renders_in_each_language_with_its_direction(client, code, direction):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert f'<html lang="{code}" dir="{direction}">' in response.content.decode()


@pytest.mark.django_db
def test_root_redirects_to_arabic_by_default_and_to_the_remembered_language(client):
    assert client.get("/")["Location"] == "/ar/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")["Location"] == "/fr/"
    client.get("/en/")  # reading a page in English remembers English
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR")["Location"] == "/en/"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/de/", "/de/news/", "/zh-hans/", "/es/accounts/login/"])
def test_unknown_language_prefixes_are_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_language_switcher_links_to_the_same_page_in_other_languages(client, news_indexes):
    ar_item = NewsPageFactory(parent=news_indexes["ar"], title="خبر", slug="item")
    fr_item = NewsPageFactory(
        parent=news_indexes["fr"],
        title="Nouvelle",
        slug="item-fr",
        locale=news_indexes["fr"].locale,
        translation_key=ar_item.translation_key,
    )
    html = client.get(ar_item.url).content.decode()
    assert f'href="{fr_item.url}" hreflang="fr"' in html
    # English has no translation of this item: the switcher falls back to the English home page.
    assert 'href="/en/" hreflang="en"' in html
    for url in (fr_item.url, "/en/"):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_switcher_on_a_non_page_view_keeps_the_view(client):
    html = client.get("/fr/accounts/login/").content.decode()
    assert 'href="/ar/accounts/login/" hreflang="ar"' in html
    assert 'href="/en/accounts/login/" hreflang="en"' in html


@pytest.mark.django_db
def test_a_fourth_locale_needs_only_settings(client, homes):
    languages = [("ar", "العربية"), ("fr", "Français"), ("en", "English"), ("kab", "Taqbaylit")]
    with override_settings(LANGUAGES=languages, WAGTAIL_CONTENT_LANGUAGES=languages):
        from home.locales import sync_locales

        sync_locales()  # what `migrate` runs after every migration
        kab = Locale.objects.get(language_code="kab")
        homes["ar"].copy_for_translation(kab, copy_parents=True).save_revision().publish()
        response = client.get("/kab/")
        assert response.status_code == 200
        html = response.content.decode()
        assert '<html lang="kab" dir="ltr">' in html
        assert 'hreflang="kab"' in client.get("/ar/").content.decode()


@pytest.mark.django_db
def test_standard_page_renders(client, homes):
    page = StandardPageFactory(
        parent=homes["fr"], title="À propos", introduction="Qui sommes-nous", locale=homes["fr"].locale
    )
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Qui sommes-nous" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("news_count", [10, 100])
def test_home_page_query_count_does_not_grow_with_news(client, news_indexes, news_count, django_assert_max_num_queries):
    for _ in range(news_count):
        NewsPageFactory(parent=news_indexes["ar"])
    client.get("/ar/")  # the first request fills the caches (site root paths, settings)
    # 18 + the upcoming seminars (page query and view restrictions) + reading the site root paths from the
    # shared cache (a query in the embedded profile)
    with django_assert_max_num_queries(21):
        response = client.get("/ar/")
    assert response.status_code == 200
    assert response.content.decode().count('class="card"') == 4
