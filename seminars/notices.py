"""E-mails to participants, each in the member's own language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def _site_url(path):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


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
    send_mail(subject, body, None, [user.email])


def registration_confirmed(registration):
    _send(registration, "registered")


def promoted(registration):
    _send(registration, "promoted")


def reminder(registration, days):
    _send(registration, "reminder", days=days)


def seminar_changed(registration, cancelled):
    _send(registration, "changed", cancelled=cancelled)
