from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

TRAINERS = "Trainers"


class CoursePageForm(WagtailAdminPageForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        # A trainer who creates a course is listed as one of its trainers from the start.
        creating = self.instance.pk is None
        if creating and for_user is not None and for_user.groups.filter(name=TRAINERS).exists():
            self.initial["trainers"] = [for_user.pk]


class LessonPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        from videos.access import visible_videos

        body = cleaned.get("body") or []
        chosen = {block.value["video"].pk for block in body if block.block_type == "video" and block.value.get("video")}
        already = {
            block.value["video"].pk
            for block in (self.instance.body if self.instance.pk else [])
            if block.block_type == "video" and block.value.get("video")
        }
        new = chosen - already
        if new and self.for_user is not None:
            allowed = set(visible_videos(self.for_user).filter(pk__in=new).values_list("pk", flat=True))
            if new - allowed:
                self.add_error("body", _("You can only add your own videos to a lesson."))
        return cleaned
