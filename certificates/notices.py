from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def certificate_ready(certificate):
    user = certificate.recipient
    language = user.preferred_language_or_default
    with translation.override(language):
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        context = {
            "user": user,
            "certificate": certificate,
            "snapshot": certificate.snapshot,
            "my_certificates_url": base + reverse("my_certificates"),
            "verify_url": base + reverse("certificate_verify", args=[certificate.public_id]),
        }
        subject = " ".join(render_to_string("certificates/email/ready_subject.txt", context).split())
        body = render_to_string("certificates/email/ready.txt", context)
    send_mail(subject, body, None, [user.email])
