import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.limits import client_over_limit

from .models import Certificate

PUBLIC_ID_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _too_many(request):
    return client_over_limit(request, "certificate-verify", settings.CERTIFICATE_VERIFICATIONS_PER_MINUTE)


@require_GET
def verify(request, public_id):
    """Public page: is this certificate genuine, and is it still valid? Shows only what the certificate shows."""
    if _too_many(request):
        response = HttpResponse(_("Too many checks from your address; wait a minute."), status=429)
        response["Retry-After"] = "60"
        return response
    if not (16 <= len(public_id) <= 32) or not set(public_id) <= PUBLIC_ID_CHARS:
        raise Http404
    certificate = Certificate.objects.filter(public_id=public_id).first()
    if certificate is None:
        raise Http404
    response = TemplateResponse(
        request, "certificates/verify.html", {"certificate": certificate, "s": certificate.snapshot}
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
def my_certificates(request):
    from .pdf import verification_url

    certificates = list(Certificate.objects.filter(recipient=request.user))
    for certificate in certificates:
        certificate.verification_url = verification_url(certificate)
    return TemplateResponse(request, "certificates/my_certificates.html", {"certificates": certificates})


@login_required
def download_pdf(request, public_id):
    certificate = get_object_or_404(Certificate, public_id=public_id, recipient=request.user)
    if not certificate.pdf:
        raise Http404
    response = FileResponse(certificate.pdf.open("rb"), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.public_id}.pdf"'
    return response


@login_required
def download_credential(request, public_id, form):
    """The Open Badges 3.0 credential: signed (.jwt, for wallets and verifiers) or readable (.json)."""
    from . import credentials, keys

    certificate = get_object_or_404(
        Certificate.objects.select_related("recipient"), public_id=public_id, recipient=request.user
    )
    if form == "jwt":
        try:
            response = HttpResponse(credentials.signed_credential(certificate), content_type=credentials.JWT_MEDIA_TYPE)
        except keys.KeysMissing:
            return HttpResponse(_("Signed credentials are not set up on this site yet."), status=503)
    else:
        body = json.dumps(credentials.credential(certificate), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="credential-{certificate.public_id}.{form}"'
    return response
