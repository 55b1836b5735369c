from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.conf import settings as project_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site

from home.demo import content
from home.demo.courses import seed_courses
from home.demo.images import demo_image
from home.demo.quizzes import seed_quizzes
from home.demo.seminars import seed_seminars
from home.models import FooterText, HomePage, SiteSettings, StandardPage
from news.models import NewsCategory, NewsIndexPage, NewsPage

LANGUAGES = ["ar", "fr", "en"]


def publish(page):
    page.save_revision().publish()
    return page


def translation_of(model, source, locale):
    if source is None:
        return None
    return model.objects.filter(translation_key=source.translation_key, locale=locale).first()


def ensure_child(parent, model, slug, source, locale, **fields):
    """A live page under parent; the same translation_key as source makes it source's translation."""
    page = translation_of(model, source, locale) if source else model.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        return page
    page = model(slug=slug, locale=locale, **fields)
    if source is not None:
        page.translation_key = source.translation_key
    parent.add_child(instance=page)
    return publish(page)


class Command(BaseCommand):
    help = "Load the demo site: home, about and news pages in Arabic, French and English, and demo users."

    def handle(self, *args, **options):
        with transaction.atomic():
            locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
            homes = self.homes(locales)
            self.site_settings(homes["ar"])
            self.pages(homes, locales)
            users = self.users()
            seed_courses(homes, locales, users["trainer@tadrib.dz"], ensure_child, publish)
            seed_quizzes(publish)
            seed_seminars(homes, locales, users["trainer@tadrib.dz"], ensure_child, publish)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write("Demo logins (e-mail / password):")
        for email, password, group, *_rest in content.USERS:
            self.stdout.write(f"  {group:<20} {email:<22} {password}")

    def homes(self, locales):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        ar_home = site.root_page.specific if site else None
        if not isinstance(ar_home, HomePage):
            root = Page.get_first_root_node()
            ar_home = root.add_child(instance=HomePage(title="تدريب", slug="home", locale=locales["ar"]))
            Site.objects.update_or_create(
                is_default_site=True, defaults={"root_page": ar_home, "hostname": "localhost"}
            )
        banner = demo_image("Tadrib banner", 0)
        homes = {}
        for code in LANGUAGES:
            page = ar_home if code == "ar" else translation_of(HomePage, ar_home, locales[code])
            if page is None:
                page = HomePage(
                    slug=f"home-{code}",
                    locale=locales[code],
                    translation_key=ar_home.translation_key,
                    title=content.HOME[code]["title"],
                )
                Page.get_first_root_node().add_child(instance=page)
            if not page.hero_title:
                for field, value in content.HOME[code].items():
                    setattr(page, field, value)
                page.hero_image = banner
                publish(page)
            homes[code] = page
        return homes

    def site_settings(self, ar_home):
        site = Site.objects.get(root_page=ar_home)
        site.site_name = "Tadrib"
        # The demo answers where WAGTAILADMIN_BASE_URL says (http://127.0.0.1:8000 for `make run`), so the
        # addresses Wagtail makes from the Site ("View live", page full URLs) lead to it, not to "localhost".
        address = urlsplit(project_settings.WAGTAILADMIN_BASE_URL)
        site.hostname = address.hostname
        site.port = address.port or (443 if address.scheme == "https" else 80)
        site.save()
        settings = SiteSettings.for_site(site)
        if not settings.contact_email:
            settings.contact_email = "contact@tadrib.dz"
            settings.contact_phone = "+213 21 00 00 00"
            settings.address = "Observatoire national de la société civile\nAlger"
            settings.save()

    def pages(self, homes, locales):
        categories = {}
        for key, names in content.CATEGORIES.items():
            source = None
            for code in LANGUAGES:
                category = NewsCategory.objects.filter(slug=key, locale=locales[code]).first()
                if category is None:
                    category = NewsCategory(name=names[code], slug=key, locale=locales[code])
                    if source is not None:
                        category.translation_key = source.translation_key
                    category.save()
                source = source or category
                categories[(key, code)] = category
        images = [demo_image(f"Tadrib demo {i}", i, 960, 540) for i in range(3)]

        source_index = source_about = None
        for code in LANGUAGES:
            home, locale = homes[code], locales[code]
            if not FooterText.objects.filter(locale=locale).exists():
                source_footer = FooterText.objects.filter(locale=locales["ar"]).first()
                footer = FooterText(locale=locale, body=content.FOOTER[code])
                if source_footer:
                    footer.translation_key = source_footer.translation_key
                footer.save()
            about = ensure_child(
                home,
                StandardPage,
                "about",
                source_about,
                locale,
                show_in_menus=True,
                title=content.ABOUT[code]["title"],
                introduction=content.ABOUT[code]["introduction"],
                body=[("paragraph", content.ABOUT[code]["body"])],
            )
            index = ensure_child(
                home, NewsIndexPage, "news", source_index, locale, show_in_menus=True, **content.NEWS_INDEX[code]
            )
            source_about, source_index = source_about or about, source_index or index
            if home.hero_cta_page_id is None:
                home.hero_cta_page = index
                publish(home)

        for item in content.NEWS:
            source = None
            for code in LANGUAGES:
                title, summary, body = item["texts"][code]
                index = translation_of(NewsIndexPage, source_index, locales[code])
                page = ensure_child(
                    index,
                    NewsPage,
                    item["slug"],
                    source,
                    locales[code],
                    title=title,
                    summary=summary,
                    body=[("paragraph", body)],
                    date=item["date"],
                    category=categories[(item["category"], code)],
                    image=images[item["image"]] if item["image"] is not None else None,
                )
                if not page.tags.exists():
                    page.tags.add(*item["tags"][code])
                    publish(page)
                source = source or page

    def users(self):
        User = get_user_model()
        users = {}
        for email, password, group_name, (latin, arabic), staff, superuser in content.USERS:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(
                    email=email,
                    password=password,
                    full_name_latin=latin,
                    full_name_arabic=arabic,
                    first_name=latin.split()[0],
                    last_name=" ".join(latin.split()[1:]),
                    is_staff=staff,
                    is_superuser=superuser,
                )
            user.groups.add(Group.objects.get(name=group_name))
            EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
            users[email] = user
        return users
