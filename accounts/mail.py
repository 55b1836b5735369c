"""Every e-mail to a member goes out through `send_to_member`: written in the member's language
(`User.mail_language`), with its links and attachments made in that same language, as plain text."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def _nothing():
    return []


def send_to_member(user, template, context=dict, attachments=_nothing):
    """Render `<template>_subject.txt` and `<template>.txt` for the member and send them.

    `context` and `attachments` are functions called in the member's language, so that the addresses they build
    (reverse(), a page's translation, a QR code) are in the language of the text. Attachments are
    (name, content, mimetype) triples."""
    language = user.mail_language()
    with translation.override(language):
        values = {"user": user, **context()}
        subject = " ".join(render_to_string(f"{template}_subject.txt", values).split())
        body = render_to_string(f"{template}.txt", values)
        files = attachments()
    message = EmailMessage(subject, body, to=[user.email], headers={"Content-Language": language})
    for name, content, mimetype in files:
        message.attach(name, content, mimetype)
    message.send()
