from wagtail.admin.forms import WagtailAdminPageForm

TRAINERS = "Trainers"


class CoursePageForm(WagtailAdminPageForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        # A trainer who creates a course is listed as one of its trainers from the start.
        creating = self.instance.pk is None
        if creating and for_user is not None and for_user.groups.filter(name=TRAINERS).exists():
            self.initial["trainers"] = [for_user.pk]
