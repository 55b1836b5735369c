from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import services
from .models import Certificate

BULK_BATCH = 10  # certificates per task: few tasks, and the two workers still finish together


def _admin(request):
    if not getattr(request.user, "is_observatory_admin", False):
        raise PermissionDenied


def certificate_detail(request, public_id):
    _admin(request)
    certificate = get_object_or_404(Certificate.objects.select_related("recipient", "revoked_by"), public_id=public_id)
    context = {"certificate": certificate, "s": certificate.snapshot, "header_title": str(certificate)}
    return TemplateResponse(request, "certificates/admin/detail.html", context)


@require_POST
def revoke(request, public_id):
    _admin(request)
    certificate = get_object_or_404(Certificate, public_id=public_id)
    reason = (request.POST.get("reason") or "").strip()
    if not reason:
        messages.error(request, _("Give the reason for revoking: it is shown on the verification page."))
    elif services.revoke(certificate, request.user, reason):
        messages.success(request, _("The certificate is revoked."))
    return redirect("certificates_admin_detail", certificate.public_id)


@require_POST
def reissue(request, public_id):
    _admin(request)
    certificate = get_object_or_404(Certificate, public_id=public_id)
    services.refresh(certificate)
    messages.success(request, _("A new PDF is being made, with the same number."))
    return redirect("certificates_admin_detail", certificate.public_id)


@require_POST
def issue_for_seminar(request, seminar_id):
    """Bulk: an attendance certificate for everyone marked present (each issued once, in the background)."""
    from django_q.tasks import async_task

    from seminars.models import SeminarPage
    from seminars.services import attendance_refusal, attendees

    _admin(request)
    seminar = get_object_or_404(SeminarPage, pk=seminar_id)
    refusal = attendance_refusal(seminar)
    if refusal:
        messages.error(request, _("No attendance certificate can be issued yet. %(reason)s") % {"reason": refusal})
        return redirect("seminars_registrations", seminar.pk)
    people = list(attendees(seminar).values_list("pk", flat=True))
    for start in range(0, len(people), BULK_BATCH):
        async_task("certificates.tasks.issue_attendance_batch", people[start : start + BULK_BATCH])
    issuing = ngettext(
        "A certificate is being issued to %(count)s attendee.",
        "Certificates are being issued to %(count)s attendees.",
        len(people),
    )
    messages.success(request, issuing % {"count": len(people)})
    return redirect("seminars_registrations", seminar.pk)


SAMPLE = {
    "name_latin": "Amina Benali",
    "name_arabic": "أمينة بن علي",
    "title": "تسيير جمعية · Gérer une association",
    "hours": "6.0",
    "trainers": ["Karim Hadj"],
    "grade": "85.0",
    "date": "2026-11-29",
    "place_ar": "تمنراست",
    "place_fr": "Tamanrasset",
}


def design_preview(request, design_id):
    """A sample certificate in this design, as a PDF in the browser."""
    from django.http import HttpResponse
    from django.utils import timezone

    from .models import CertificateDesign
    from .pdf import render_pdf

    _admin(request)
    design = get_object_or_404(CertificateDesign, pk=design_id)
    sample = Certificate(
        public_id="PREVIEW-000000000000",
        recipient=request.user,
        kind=design.kind,
        issued_at=timezone.now(),
        snapshot={**SAMPLE, "kind": design.kind},
        status_index=0,
    )
    response = HttpResponse(render_pdf(sample, design), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="certificate-preview.pdf"'
    return response
