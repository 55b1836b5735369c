from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page, Site

register = template.Library()


def _site_roots(request):
    """The site's home page in each language, fetched once per request."""
    if not hasattr(request, "_tadrib_roots"):
        site = Site.find_for_request(request)
        roots = {}
        if site is not None:
            pages = Page.objects.filter(translation_key=site.root_page.translation_key, depth=site.root_page.depth)
            for page in pages.live().select_related("locale"):
                roots[page.locale.language_code] = page
        request._tadrib_roots = roots
    return request._tadrib_roots


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language, to this page's translation where it exists, else to that language's home."""
    request = context["request"]
    if not hasattr(request, "_tadrib_language_links"):
        request._tadrib_language_links = _language_links(request, context.get("page"))
    return request._tadrib_language_links


def _language_links(request, page):
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[other.locale.language_code] = other
    roots = _site_roots(request)
    links = []
    for code, _name in settings.LANGUAGES:
        if page is not None and isinstance(page, Page):
            target = translations.get(code) or roots.get(code)
            url = target.get_url(request) if target else f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def home_page(context):
    request = context["request"]
    return _site_roots(request).get(translation.get_language())


@register.simple_tag(takes_context=True)
def menu_pages(context):
    home = home_page(context)
    if home is None:
        return []
    return list(home.get_children().live().in_menu())


def context_locale(context):
    """The locale of the page being shown, else of the active language, looked up once per request."""
    request = context.get("request")
    locale = getattr(request, "_tadrib_locale", None)
    if locale is None:
        page = context.get("page")
        locale = page.locale if isinstance(page, Page) else Locale.get_active()
        if request is not None:
            request._tadrib_locale = locale
    return locale


@register.simple_tag(takes_context=True)
def footer_text(context):
    from home.models import FooterText

    return FooterText.objects.filter(locale=context_locale(context)).first()


def _section_index(context, model):
    """The live index page of a section (news, courses) in the language shown, looked up once per request."""
    request = context.get("request")
    cache = getattr(request, "_tadrib_section_indexes", None)
    if cache is None:
        cache = {}
        if request is not None:
            request._tadrib_section_indexes = cache
    if model not in cache:
        cache[model] = model.objects.live().filter(locale=context_locale(context)).first()
    return cache[model]


@register.simple_tag(takes_context=True)
def news_index(context):
    from news.models import NewsIndexPage

    return _section_index(context, NewsIndexPage)


@register.simple_tag(takes_context=True)
def course_catalogue(context):
    from courses.models import CourseIndexPage

    return _section_index(context, CourseIndexPage)
