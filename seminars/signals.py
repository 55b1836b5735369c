import hashlib

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission
from wagtail.signals import page_published

from . import notices
from .enums import RegistrationStatus, SeminarStatus
from .models import CalendarChange, Registration, SeminarIndexPage, SeminarPage

ORGANISER_GROUPS = ("Trainers", "Editors")


@receiver(post_save, sender=SeminarIndexPage)
def let_organisers_add_seminars(sender, instance, created, raw=False, **kwargs):
    """Trainers and editors may add seminars to every calendar; each edits the seminars they created."""
    if raw or not created:
        return
    add_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page")
    for group in Group.objects.filter(name__in=ORGANISER_GROUPS):
        GroupPagePermission.objects.get_or_create(group=group, page=instance, permission=add_page)


def fingerprint(seminar):
    """What a calendar app shows of a seminar; a change raises its iCalendar SEQUENCE and tells participants."""
    parts = [
        seminar.title,
        seminar.starts_at.isoformat(),
        seminar.ends_at.isoformat(),
        seminar.status,
        str(seminar.wilaya_id or ""),
        seminar.address,
        seminar.online_url,
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


@receiver(page_published, sender=SeminarPage)
def seminar_published(sender, instance, **kwargs):
    from .services import promote_waiting

    seminar = instance
    current = fingerprint(seminar)
    change, created = CalendarChange.objects.get_or_create(seminar=seminar, defaults={"fingerprint": current})
    if not created and change.fingerprint != current:
        CalendarChange.objects.filter(pk=change.pk).update(sequence=change.sequence + 1, fingerprint=current)
        cancelled = seminar.status == SeminarStatus.CANCELLED
        people = Registration.objects.filter(
            seminar=seminar, status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED]
        ).select_related("user")
        for registration in people:
            transaction.on_commit(lambda r=registration: notices.seminar_changed(r, cancelled))
    if seminar.status == SeminarStatus.SCHEDULED:
        promote_waiting(seminar)  # more seats than before: the waiting list moves up
