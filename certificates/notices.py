from django.urls import reverse

from accounts.mail import send_to_member
from core.links import absolute_url


def certificate_ready(certificate):
    def context():
        return {
            "certificate": certificate,
            "snapshot": certificate.snapshot,
            "my_certificates_url": absolute_url(reverse("my_certificates")),
            "verify_url": absolute_url(reverse("certificate_verify", args=[certificate.public_id])),
        }

    send_to_member(certificate.recipient, "certificates/email/ready", context)
