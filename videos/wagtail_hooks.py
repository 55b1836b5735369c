from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import OwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .access import visible_videos
from .models import Video


class OwnVideosMixin:
    def get_object_list(self):
        return visible_videos(self.request.user)


class VideoChooseView(OwnVideosMixin, ChooseView):
    pass


class VideoChooseResultsView(OwnVideosMixin, ChooseResultsView):
    pass


class VideoChooserViewSet(SnippetChooserViewSet):
    choose_view_class = VideoChooseView
    choose_results_view_class = VideoChooseResultsView


class VideoViewSet(SnippetViewSet):
    model = Video
    icon = "media"
    menu_label = _("Videos")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "status", "progress", "duration", "owner", "created"]
    list_filter = ["status"]
    search_fields = ["title"]
    chooser_viewset_class = VideoChooserViewSet

    def get_queryset(self, request):
        return visible_videos(request.user)


# Trainers hold "add": they manage the videos they own. "change" (admins) reaches every video.
register_permission_policy(Video, OwnershipPermissionPolicy(Video, owner_field_name="owner"))
video_viewset = VideoViewSet()
register_snippet(video_viewset)
