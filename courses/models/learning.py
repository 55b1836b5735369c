from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from courses.enums import EnrolmentStatus


class Enrolment(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="enrolments")
    status = models.CharField(
        _("status"), max_length=12, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ACTIVE
    )
    created = models.DateTimeField(_("enrolled on"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="one_enrolment_per_user_and_course")]
        indexes = [models.Index(fields=["course", "status"])]

    def __str__(self):
        return f"{self.user_id} → {self.course_id} ({self.status})"

    @property
    def is_current(self):
        return self.status in (EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED)


class LessonProgress(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="progress")
    completed_at = models.DateTimeField(_("completed on"), null=True, blank=True)
    position_seconds = models.FloatField(_("position (seconds)"), default=0)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="one_progress_per_user_and_lesson")]

    def __str__(self):
        return f"{self.user_id} · {self.lesson_id}"
