"""E-mails to participants, each in the member's own language."""

import io

import segno
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def _site_url(path):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def checkin_png(registration):
    """The participant's check-in QR code as a PNG (e-mail clients do not all show SVG)."""
    url = _site_url(reverse("seminar_checkin", args=[registration.checkin_token]))
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=6, border=2)
    return buffer.getvalue()


def _send(registration, template, **extra):
    user = registration.user
    seminar = registration.seminar.specific if hasattr(registration.seminar, "specific") else registration.seminar
    with translation.override(user.preferred_language_or_default):
        context = {
            "user": user,
            "seminar": seminar,
            "registration": registration,
            "seminar_url": _site_url(seminar.url or ""),
            **extra,
        }
        subject = " ".join(render_to_string(f"seminars/email/{template}_subject.txt", context).split())
        body = render_to_string(f"seminars/email/{template}.txt", context)
    message = EmailMessage(subject, body, to=[user.email])
    if registration.holds_a_seat and not seminar.is_online and template in ("registered", "promoted", "reminder"):
        message.attach("check-in.png", checkin_png(registration), "image/png")
    message.send()


def registration_confirmed(registration):
    _send(registration, "registered")


def promoted(registration):
    _send(registration, "promoted")


def reminder(registration, days):
    _send(registration, "reminder", days=days)


def seminar_changed(registration, cancelled):
    _send(registration, "changed", cancelled=cancelled)
