"""The certificate as an A4 landscape PDF (WeasyPrint): Arabic on the right, French on the left, fonts from the
system (Noto Naskh Arabic, Noto Sans, Noto Sans Tifinagh) embedded as subsets, a QR code to the verification page."""

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe


def verification_url(certificate):
    """The address in the QR code, without a language: the site sends each visitor to their own language."""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("certificate_verify", args=[certificate.public_id])
    neutral = "/" + path.lstrip("/").split("/", 1)[1]
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{neutral}"


def render_html(certificate):
    url = verification_url(certificate)
    qr = segno.make(url, error="m").svg_inline(scale=3, dark="#1d2321", light="#ffffff")
    context = {
        "certificate": certificate,
        "snapshot": certificate.snapshot,
        "verification_url": url,
        "qr_code": mark_safe(qr),  # noqa: S308 — SVG made by segno from our own URL
    }
    return render_to_string("certificates/pdf.html", context)


def render_pdf(certificate):
    from weasyprint import HTML

    return HTML(string=render_html(certificate), base_url=str(settings.BASE_DIR)).write_pdf()
