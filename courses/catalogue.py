"""The catalogue's filters, search and cards, in a number of queries that does not grow with courses."""

import re

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.translation import get_language_info

from .enums import Level
from .models import CoursePage, CourseTheme
from .progress import progress_for

PAGE_SIZE = 12
_WORD = re.compile(r"\w+")


def _param(request, name, limit=100):
    return (request.GET.get(name) or "").strip()[:limit]


def catalogue_context(request, catalogue):
    query = _param(request, "q", 200)
    theme_slug, level, language = _param(request, "theme"), _param(request, "level"), _param(request, "language")

    courses = CoursePage.objects.live().public().child_of(catalogue)
    theme = CourseTheme.objects.filter(locale=catalogue.locale, slug=theme_slug).first() if theme_slug else None
    if theme_slug:
        courses = courses.filter(theme=theme) if theme else courses.none()
    if level:
        courses = courses.filter(level=level) if level in Level.values else courses.none()
    if language:
        courses = courses.filter(language=language)

    terms = " ".join(_WORD.findall(query.lower())[:12])
    if query and not terms:
        courses = courses.none()
    elif terms:
        ids = [hit.pk for hit in CoursePage.objects.live().child_of(catalogue).search(terms, operator="and")[:200]]
        courses = courses.filter(pk__in=ids)

    courses = courses.select_related("theme", "cover_image").order_by("-featured", "title")
    page = Paginator(courses, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    progress = progress_for(request.user, page.object_list)
    params = request.GET.copy()
    params.pop("page", None)
    return {
        "courses_page": page,
        "cards": [(course, progress[course.pk]) for course in page.object_list],
        "themes": CourseTheme.objects.filter(locale=catalogue.locale),
        "levels": Level.choices,
        "course_languages": [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES],
        "filters": {"q": query, "theme": theme_slug, "level": level, "language": language},
        "query_string": params.urlencode(),
    }
