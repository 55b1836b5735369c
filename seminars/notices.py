"""E-mails to participants, through accounts.mail: in the member's language, with the seminar's page in that
language when it has a translation, and the check-in code for everyone who holds a seat at a venue."""

import io

import segno
from django.urls import reverse

from accounts.mail import send_to_member
from core.links import absolute_url, page_url

WITH_CHECKIN_CODE = ("registered", "promoted", "reminder")


def checkin_url(registration):
    """The check-in address, in the active language (a trainer's phone opens it)."""
    return absolute_url(reverse("seminar_checkin", args=[registration.checkin_token]))


def checkin_png(registration):
    """The participant's check-in QR code as a PNG (e-mail clients do not all show SVG)."""
    buffer = io.BytesIO()
    segno.make(checkin_url(registration), error="m").save(buffer, kind="png", scale=6, border=2)
    return buffer.getvalue()


def _send(registration, template, **extra):
    seminar = registration.seminar.specific if hasattr(registration.seminar, "specific") else registration.seminar

    def context():
        # Dates and place come from the page registered for (a translation may lag behind a change); the title
        # and the link from its translation in the member's language, when there is one.
        translated = seminar.localized
        return {
            "seminar": seminar,
            "title": translated.title,
            "registration": registration,
            "seminar_url": page_url(translated),
            **extra,
        }

    def attachments():
        if registration.holds_a_seat and not seminar.is_online and template in WITH_CHECKIN_CODE:
            return [("check-in.png", checkin_png(registration), "image/png")]
        return []

    send_to_member(registration.user, f"seminars/email/{template}", context, attachments)


def registration_confirmed(registration):
    _send(registration, "registered")


def promoted(registration):
    _send(registration, "promoted")


def reminder(registration, days):
    _send(registration, "reminder", days=days)


def seminar_changed(registration, cancelled):
    _send(registration, "changed", cancelled=cancelled)
