"""Signals of the courses app, and the admin permissions that follow from the page tree."""

import django.dispatch
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission
from wagtail.signals import page_published

from .models import CourseIndexPage, CoursePage

# Sent once per learner and course, when the last requirement is met (certificates listen).
course_completed = django.dispatch.Signal()  # kwargs: user, course, enrolment
# Sent when a learner joins, rejoins or leaves a course (also by bulk updates that skip post_save).
enrolment_changed = django.dispatch.Signal()  # kwargs: user, course

TRAINERS = "Trainers"
COURSE_GROUP_PREFIX = "Course trainers · "


def _page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


@receiver(post_save, sender=CourseIndexPage)
def let_trainers_create_courses(sender, instance, created, raw=False, **kwargs):
    """Trainers may add courses to every catalogue; editing stays with the trainers each course lists."""
    if raw or not created:
        return
    trainers = Group.objects.filter(name=TRAINERS).first()
    if trainers:
        GroupPagePermission.objects.get_or_create(
            group=trainers, page=instance, permission=_page_permission("add_page")
        )


def sync_course_trainers(course):
    """The course's own group holds add/edit rights on the course subtree; its members are the listed trainers."""
    group, _created = Group.objects.get_or_create(name=f"{COURSE_GROUP_PREFIX}{course.pk}")
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(group=group, page=course, permission=_page_permission(codename))
    listed = list(course.trainers.all())
    group.user_set.set(listed)
    # Wagtail lets a page's owner edit it; keep that right with the listed trainers only.
    if course.owner_id and course.owner_id not in {user.pk for user in listed} and not course.owner.is_superuser:
        CoursePage.objects.filter(pk=course.pk).update(owner=listed[0] if listed else None)
    return group


@receiver(page_published, sender=CoursePage)
def course_published(sender, instance, **kwargs):
    # The trainers list takes effect when the course is published, that is once an admin approved it.
    sync_course_trainers(instance)


@receiver(post_delete, sender=CoursePage)
def course_deleted(sender, instance, **kwargs):
    Group.objects.filter(name=f"{COURSE_GROUP_PREFIX}{instance.pk}").delete()
