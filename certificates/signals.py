"""Certificates follow the events of lower apps: a completed course, a recorded attendance."""

from django.db import transaction
from django.dispatch import receiver

from courses.signals import course_completed
from seminars.services import attendance_recorded, attendance_withdrawn


@receiver(course_completed)
def course_completed_certificate(sender, user, course, **kwargs):
    from django_q.tasks import async_task

    transaction.on_commit(lambda: async_task("certificates.tasks.issue_course", user.pk, course.pk))


@receiver(attendance_recorded)
def attendance_certificate(sender, registration, **kwargs):
    from django_q.tasks import async_task

    transaction.on_commit(lambda: async_task("certificates.tasks.issue_attendance", registration.pk))


@receiver(attendance_withdrawn)
def attendance_withdrawn_revokes_the_certificate(sender, registration, by=None, **kwargs):
    from .services import revoke_for_corrected_attendance

    revoke_for_corrected_attendance(registration, by)
