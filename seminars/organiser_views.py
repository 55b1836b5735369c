"""What the seminar's organisers use, often on a phone at the door: the attendance checklist, QR check-in, the
correction of a mistaken mark (Observatory admins), and the list of registrations as a spreadsheet."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.spreadsheets import spreadsheet_cell

from . import services
from .enums import RegistrationStatus
from .forms import AttendanceCorrectionForm, AttendanceForm
from .models import Registration, SeminarPage


def _organiser_seminar(request, seminar_id):
    seminar = get_object_or_404(SeminarPage.objects.live(), pk=seminar_id)
    if not services.can_organise(request.user, seminar):
        raise PermissionDenied
    return seminar


def _display_name(user):
    return user.full_name_arabic if get_language() == "ar" and user.full_name_arabic else user.get_full_name()


@login_required
def attendance(request, seminar_id):
    """The trainer's checklist, made for a phone: tick who is present.

    Saving only records the boxes ticked on the page. A recorded mark is locked in the list, for admins too: the
    list may be older than a QR check-in made since, and a slip of the thumb would revoke a certificate publicly.
    An Observatory admin takes a mark back one person at a time, after a confirmation (`correct_attendance`)."""
    seminar = _organiser_seminar(request, seminar_id)
    people = list(
        Registration.objects.filter(
            seminar=seminar, status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED]
        )
        .select_related("user")
        .order_by("user__full_name_latin", "pk")
    )
    for person in people:
        person.display_name = _display_name(person.user)
    if request.method == "POST":
        form = AttendanceForm(request.POST, registrations=people)
        if form.is_valid():
            refusal = _mark_present(people, set(form.cleaned_data["present"]))
            if refusal:
                messages.error(request, refusal)
            else:
                messages.success(request, _("Attendance saved."))
            return redirect("seminar_attendance", seminar.pk)
        messages.error(request, _("The list was altered; reload the page."))
    context = {
        "seminar": seminar,
        "people": people,
        "present": sum(1 for person in people if person.status == RegistrationStatus.ATTENDED),
        "can_correct": services.can_correct_attendance(request.user),
        "refusal": services.attendance_refusal(seminar),
    }
    return TemplateResponse(request, "seminars/attendance.html", context)


def _mark_present(people, ticked):
    """Record the ticked people; returns a refusal message or None. A box ticked for someone checked in since the
    page was opened records nothing more."""
    for registration in people:
        if registration.pk in ticked and registration.status == RegistrationStatus.REGISTERED:
            try:
                services.mark_attended(registration)
            except services.AttendanceError as error:
                return str(error)
    return None


@login_required
@require_http_methods(["GET", "POST"])
def correct_attendance(request, seminar_id, registration_id):
    """An Observatory admin takes back one person's mark after confirming it, since the attendance certificate is
    then revoked on its public verification page. The form carries the mark the admin saw: a mark recorded after
    the page was opened (the person really arrived) is not the one taken back."""
    seminar = _organiser_seminar(request, seminar_id)
    if not services.can_correct_attendance(request.user):
        raise PermissionDenied
    registration = get_object_or_404(Registration.objects.select_related("user"), pk=registration_id, seminar=seminar)
    name = _display_name(registration.user)
    if request.method == "POST":
        form = AttendanceCorrectionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("The page was altered; open it again from the list."))
        elif services.withdraw_attendance(registration, request.user, form.cleaned_data["marked_at"]):
            messages.success(
                request,
                _("%(name)s is no longer marked present; their attendance certificate, if one was issued, is revoked.")
                % {"name": name},
            )
        elif Registration.objects.filter(pk=registration.pk, status=RegistrationStatus.ATTENDED).exists():
            messages.error(
                request,
                _("%(name)s's attendance was recorded again after you opened this page: nothing was corrected.")
                % {"name": name},
            )
        else:
            messages.info(request, _("%(name)s is not marked present.") % {"name": name})
        return redirect("seminar_attendance", seminar.pk)
    if registration.status != RegistrationStatus.ATTENDED:
        messages.info(request, _("%(name)s is not marked present.") % {"name": name})
        return redirect("seminar_attendance", seminar.pk)
    context = {
        "seminar": seminar,
        "registration": registration,
        "name": name,
        "form": AttendanceCorrectionForm(initial={"marked_at": registration.attended_at.isoformat()}),
    }
    return TemplateResponse(request, "seminars/attendance_correction.html", context)


@login_required
def checkin(request, token):
    """What the trainer's phone opens after scanning a participant's QR code (or what the scanner page posts)."""
    registration = Registration.objects.filter(checkin_token=token).select_related("seminar", "user").first()
    wants_json = "application/json" in request.headers.get("Accept", "")
    if registration is None:
        if wants_json:
            return JsonResponse({"ok": False, "message": _("This code is not a Tadrib registration.")}, status=404)
        raise Http404
    seminar = registration.seminar
    if not services.can_organise(request.user, seminar):
        if wants_json:
            return JsonResponse({"ok": False, "message": _("You do not organise this seminar.")}, status=403)
        raise PermissionDenied
    if request.method == "POST":
        name = _display_name(registration.user)
        try:
            marked = services.mark_attended(registration)
        except services.AttendanceError as error:
            if wants_json:
                return JsonResponse({"ok": False, "message": str(error)}, status=409)
            messages.error(request, str(error))
            return redirect("seminar_attendance", seminar.pk)
        if marked:
            ok, text = True, _("%(name)s is marked present.") % {"name": name}
        elif registration.status == RegistrationStatus.ATTENDED:
            ok, text = True, _("%(name)s: already marked present.") % {"name": name}
        else:
            ok, text = False, _("%(name)s holds no seat (waiting list or cancelled).") % {"name": name}
        if wants_json:
            return JsonResponse({"ok": ok, "message": text, "seminar": seminar.title})
        (messages.success if ok else messages.error)(request, text)
        return redirect("seminar_attendance", seminar.pk)
    return TemplateResponse(request, "seminars/checkin.html", {"registration": registration, "seminar": seminar})


@login_required
def scanner(request, seminar_id):
    """The trainer's phone camera page: reads participants' codes and checks them in, one after another."""
    seminar = _organiser_seminar(request, seminar_id)
    return TemplateResponse(request, "seminars/scanner.html", {"seminar": seminar})


@login_required
def registrations_csv(request, seminar_id):
    seminar = _organiser_seminar(request, seminar_id)
    registrations = Registration.objects.filter(seminar=seminar).select_related("user", "user__wilaya")
    labels = [question.label for question in seminar.questions.all()]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(seminar.slug) or seminar.pk}-registrations.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([_("Name"), _("E-mail"), _("Association"), _("Status"), _("Registered on"), *labels])
    for registration in registrations:
        user = registration.user
        writer.writerow(
            [
                spreadsheet_cell(user.get_full_name()),
                spreadsheet_cell(user.email),
                spreadsheet_cell(user.association),
                registration.get_status_display(),
                registration.created.isoformat(),
                *[spreadsheet_cell(registration.answers.get(label, "")) for label in labels],
            ]
        )
    return response
