"""The certificate as an A4 landscape PDF (WeasyPrint): Arabic on the right, French on the left, fonts from the
system (Noto Naskh Arabic, Noto Sans, Noto Sans Tifinagh) embedded as subsets, a QR code to the verification page,
colours, words, logo and signature from the kind's CertificateDesign (or the built-in look)."""

from pathlib import Path

import segno
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe

from core.links import absolute_url


def verification_url(certificate):
    """The address in the QR code, without a language: the site sends each visitor to their own language."""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("certificate_verify", args=[certificate.public_id])
    neutral = "/" + path.lstrip("/").split("/", 1)[1]
    return absolute_url(neutral)


def design_for(kind):
    from .models import CertificateDesign

    return CertificateDesign.objects.select_related("logo", "signature").filter(kind=kind).first()


def _image_uri(image, spec):
    if image is None:
        return ""
    rendition = image.get_rendition(spec)
    if isinstance(rendition.file.storage, FileSystemStorage):
        return Path(rendition.file.path).as_uri()
    return rendition.file.url  # presigned, short-lived


def render_html(certificate, design=None, images=None):
    url = verification_url(certificate)
    qr = segno.make(url, error="m").svg_inline(scale=3, dark="#1d2321", light="#ffffff")
    context = {
        "certificate": certificate,
        "snapshot": certificate.snapshot,
        "verification_url": url,
        "qr_code": mark_safe(qr),  # noqa: S308 — SVG made by segno from our own URL
        "design": design,
        "accent": design.accent if design else "#0b6e4f",
        "logo_uri": (images or {}).get("logo", ""),
        "signature_uri": (images or {}).get("signature", ""),
    }
    return render_to_string("certificates/pdf.html", context)


def render_pdf(certificate, design=None):
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    design = design if design is not None else design_for(certificate.kind)
    images = {}
    if design is not None:
        images = {
            "logo": _image_uri(design.logo, "max-600x240"),
            "signature": _image_uri(design.signature, "max-500x200"),
        }
    allowed = {uri for uri in images.values() if uri}

    class OnlyOurImages(URLFetcher):
        """WeasyPrint may fetch the design's two images and nothing else (no local file, no other address)."""

        def fetch(self, url, headers=None):
            if url not in allowed:
                raise ValueError(f"not fetched: {url[:80]}")
            return super().fetch(url, headers)

    html = HTML(string=render_html(certificate, design, images), url_fetcher=OnlyOurImages(timeout=10))
    return html.write_pdf()
