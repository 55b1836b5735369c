"""Who may edit a course: its listed trainers (through the course's own group) and the Observatory admins.

The Trainers group may add courses to a catalogue. Wagtail would let that right reach every
course below it (a trainer could add or own lessons in a colleague's course), so inside a course
the catalogue-level grant counts only while its author drafts a course that was never published.
"""

from wagtail.models import PagePermissionTester


class CourseSubtreePermissionTester(PagePermissionTester):
    def __init__(self, user, page, course):
        super().__init__(user, page)
        if not user.is_active or user.is_superuser or course is None:
            return
        catalogue_path = course.path[: -course.steplen]
        drafting = course.first_published_at is None and course.owner_id == user.pk
        self.permissions = {
            grant.permission.codename.rsplit("_", maxsplit=1)[0]
            for grant in self.permission_policy.get_cached_permissions_for_user(user)
            if page.path.startswith(grant.page.path) and (grant.page.path != catalogue_path or drafting)
        }


class CourseSubtreePermissions:
    """Mixin for the pages of a course: CoursePage, ModulePage, LessonPage."""

    def course_for_permissions(self):
        return self.course

    def permissions_for_user(self, user):
        return CourseSubtreePermissionTester(user, self, self.course_for_permissions())
