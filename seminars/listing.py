"""The calendar page: a month grid (a plain table, no script) or a list, with filters and pagination."""

import calendar as stdlib_calendar
import datetime as dt
import re

from django.conf import settings
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.dates import MONTHS, WEEKDAYS_ABBR
from django.utils.translation import get_language_info

from accounts.models import Wilaya
from courses.models import CourseTheme

from .enums import SeminarKind, SeminarStatus
from .models import SeminarPage

PAGE_SIZE = 12
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
FIRST_WEEKDAY = 6  # the week starts on Sunday in Algeria (weekend: Friday and Saturday)


def _param(request, name, limit=40):
    return (request.GET.get(name) or "").strip()[:limit]


def filtered_seminars(request, index):
    """The seminars of a calendar narrowed by the request's filters, and the filters as understood."""
    seminars = SeminarPage.objects.live().public().child_of(index)
    filters = {name: _param(request, name) for name in ("wilaya", "kind", "mode", "theme", "language")}
    if filters["wilaya"]:
        seminars = seminars.filter(wilaya__code=filters["wilaya"]) if filters["wilaya"].isdigit() else seminars.none()
    if filters["kind"]:
        seminars = seminars.filter(kind=filters["kind"]) if filters["kind"] in SeminarKind.values else seminars.none()
    if filters["mode"] == "online":
        seminars = seminars.filter(kind=SeminarKind.ONLINE)
    elif filters["mode"] == "in_person":
        seminars = seminars.exclude(kind=SeminarKind.ONLINE)
    if filters["theme"]:
        seminars = seminars.filter(theme__slug=filters["theme"], theme__locale=index.locale)
    if filters["language"]:
        seminars = seminars.filter(language=filters["language"])
    return seminars.select_related("wilaya", "theme"), filters


def month_grid(seminars, year, month):
    """Weeks of (date or None, [seminars that day]) for the month, in local time."""
    zone = timezone.get_current_timezone()
    first = dt.date(year, month, 1)
    last = dt.date(year, month, stdlib_calendar.monthrange(year, month)[1])
    start = timezone.make_aware(dt.datetime.combine(first, dt.time.min), zone)
    end = timezone.make_aware(dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min), zone)
    by_day = {}
    for seminar in seminars.filter(starts_at__lt=end, ends_at__gte=start).order_by("starts_at"):
        day = max(timezone.localtime(seminar.starts_at, zone).date(), first)
        final = min(timezone.localtime(seminar.ends_at, zone).date(), last)
        while day <= final:
            by_day.setdefault(day, []).append(seminar)
            day += dt.timedelta(days=1)
    weeks = stdlib_calendar.Calendar(FIRST_WEEKDAY).monthdatescalendar(year, month)
    return [[(day if day.month == month else None, by_day.get(day, [])) for day in week] for week in weeks]


def _month(request):
    match = MONTH.match(_param(request, "month", 7))
    today = timezone.localdate()
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        if 2000 <= year <= 2100 and 1 <= month <= 12:
            return year, month
    return today.year, today.month


def _shift(year, month, delta):
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def calendar_context(request, index):
    seminars, filters = filtered_seminars(request, index)
    view = "list" if _param(request, "view") == "list" else "month"
    params = request.GET.copy()
    for name in ("page", "month", "view"):
        params.pop(name, None)
    context = {
        "view": view,
        "filters": filters,
        "filter_query": params.urlencode(),
        "wilayas": Wilaya.objects.filter(is_active=True),
        "kinds": SeminarKind.choices,
        "themes": CourseTheme.objects.filter(locale=index.locale),
        "seminar_languages": [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES],
    }
    if view == "month":
        year, month = _month(request)
        weekdays = [(FIRST_WEEKDAY + offset) % 7 for offset in range(7)]
        context.update(
            {
                "weeks": month_grid(seminars, year, month),
                "month_label": f"{MONTHS[month]} {year}",
                "weekday_names": [WEEKDAYS_ABBR[day] for day in weekdays],
                "previous_month": "{:04d}-{:02d}".format(*_shift(year, month, -1)),
                "next_month": "{:04d}-{:02d}".format(*_shift(year, month, 1)),
            }
        )
        return context
    when = _param(request, "when") or "upcoming"
    now = timezone.now()
    if when == "past":
        listed = seminars.filter(ends_at__lt=now).order_by("-starts_at")
    else:
        when = "upcoming"
        listed = seminars.filter(ends_at__gte=now).order_by("starts_at")
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    context.update({"when": when, "seminars_page": page})
    return context


def upcoming(locale, limit=3):
    """The next seminars in a language, for the home page."""
    return list(
        SeminarPage.objects.live()
        .public()
        .filter(locale=locale, ends_at__gte=timezone.now())
        .exclude(status=SeminarStatus.CANCELLED)
        .select_related("wilaya")
        .order_by("starts_at")[:limit]
    )
