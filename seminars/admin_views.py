from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import services
from .models import Registration, SeminarPage


def registrations(request, seminar_id):
    seminar = get_object_or_404(SeminarPage, pk=seminar_id)
    if not services.can_organise(request.user, seminar):
        raise PermissionDenied
    rows = Registration.objects.filter(seminar=seminar).select_related("user").order_by("status", "created")
    context = {
        "seminar": seminar,
        "registrations": rows,
        "labels": [question.label for question in seminar.questions.all()],
        "header_title": _("Registrations: %(title)s") % {"title": seminar.title},
        # Certificates are a higher app: the button shows only where it is installed and the user is an admin.
        "can_issue_certificates": apps.is_installed("certificates") and request.user.is_observatory_admin,
    }
    return TemplateResponse(request, "seminars/admin/registrations.html", context)
