"""Seminar pages, registration and calendars (.ics); the organisers' tools are in organiser_views."""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import ics, services
from .enums import RegistrationStatus
from .forms import RegistrationForm
from .listing import filtered_seminars
from .models import CalendarFeed, Registration, SeminarIndexPage, SeminarPage


def _live_seminar(seminar_id):
    return get_object_or_404(SeminarPage.objects.live().public().select_related("wilaya"), pk=seminar_id)


def _base_url(request):
    return f"{request.scheme}://{request.get_host()}"


def checkin_qr(request, registration):
    """An SVG QR code holding the check-in address the trainer's phone opens."""
    url = request.build_absolute_uri(reverse("seminar_checkin", args=[registration.checkin_token]))
    return segno.make(url, error="m").svg_inline(scale=5, dark="#1d2321", light="#ffffff", title=_("Check-in code"))


def seminar_context(request, seminar):
    """The seminar page. Its preview in the admin shows it as a member who has not registered yet sees it."""
    preview = getattr(request, "is_preview", False)
    registration = None if preview else services.current_registration(request.user, seminar)
    seats = getattr(seminar, "seats", None)
    taken = seats.taken if seats else 0
    return {
        "registration": registration,
        "form": RegistrationForm(questions=list(seminar.questions.all())),
        "registration_open": seminar.registration_is_open(),
        "seats_left": max(0, seminar.capacity - taken) if seminar.capacity else None,
        "waiting_position": _waiting_position(registration),
        "qr_code": checkin_qr(request, registration) if registration and registration.holds_a_seat else None,
        "can_organise": not preview and services.can_organise(request.user, seminar),
    }


def _waiting_position(registration):
    if registration is None or registration.status != RegistrationStatus.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        seminar_id=registration.seminar_id, status=RegistrationStatus.WAITLISTED, created__lt=registration.created
    ).count()
    return ahead + 1


@login_required
@require_POST
def register(request, seminar_id):
    seminar = _live_seminar(seminar_id)
    form = RegistrationForm(request.POST, questions=seminar.questions.all())
    if not form.is_valid():
        messages.error(request, _("Answer the organiser's questions to register."))
        return redirect(seminar.get_url(request))
    try:
        registration = services.register(request.user, seminar, form.answers())
    except services.RegistrationError as error:
        messages.error(request, str(error))
        return redirect(seminar.get_url(request))
    if registration.status == RegistrationStatus.WAITLISTED:
        messages.warning(
            request, _("The seminar is full: you are on the waiting list. We will write if a seat frees up.")
        )
    else:
        messages.success(request, _("You are registered. A confirmation has been sent by e-mail."))
    return redirect(seminar.get_url(request))


@login_required
@require_POST
def cancel(request, seminar_id):
    seminar = _live_seminar(seminar_id)
    if services.cancel(request.user, seminar) is not None:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(seminar.get_url(request))


def _ics_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


@require_GET
def seminar_ics(request, seminar_id):
    seminar = _live_seminar(seminar_id)
    registration = services.current_registration(request.user, seminar)
    registrations = {seminar.pk: registration} if registration else None
    content = ics.calendar([seminar], seminar.title, registrations, _base_url(request))
    return _ics_response(content, slugify(seminar.slug) or f"seminar-{seminar.pk}")


@require_GET
def calendar_ics(request, index_id):
    """Every seminar of a calendar, narrowed by the same filters as the page (?wilaya=31&kind=study_day)."""
    index = get_object_or_404(SeminarIndexPage.objects.live().public(), pk=index_id)
    seminars, _filters = filtered_seminars(request, index)
    content = ics.calendar(seminars.order_by("starts_at")[:500], index.title, None, _base_url(request))
    return _ics_response(content, slugify(index.slug) or "seminars")


@require_GET
def private_feed(request, token):
    """A member's own seminars for calendar apps; the secret address is the only key (revocable)."""
    feed = CalendarFeed.objects.filter(token=token).select_related("user").first()
    if feed is None or not feed.user.is_active:
        raise Http404
    registrations = Registration.objects.filter(
        user=feed.user,
        status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED, RegistrationStatus.ATTENDED],
        seminar__live=True,
    ).select_related("seminar__wilaya")
    by_seminar = {registration.seminar_id: registration for registration in registrations}
    seminars = [registration.seminar for registration in registrations]
    content = ics.calendar(seminars, _("My seminars · Tadrib"), by_seminar, _base_url(request))
    response = _ics_response(content, "my-seminars")
    response["Cache-Control"] = "private, max-age=900"
    return response


@login_required
def my_calendar(request):
    """The address of the member's private feed; posting makes a new one (the old address stops working)."""
    feed, _created = CalendarFeed.objects.get_or_create(user=request.user)
    if request.method == "POST":
        feed.delete()
        feed = CalendarFeed.objects.create(user=request.user)
        messages.success(request, _("Your calendar has a new address; the old one no longer works."))
        return redirect("seminar_my_calendar")
    url = request.build_absolute_uri(reverse("seminar_private_feed", args=[feed.token]))
    registrations = (
        Registration.objects.filter(user=request.user, seminar__live=True)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("seminar")
        .order_by("seminar__starts_at")
    )
    context = {"feed_url": url, "webcal_url": "webcal://" + url.split("://", 1)[1], "registrations": registrations}
    return TemplateResponse(request, "seminars/my_calendar.html", context)
