from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permission_policies import OwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views, upload_views
from .access import visible_videos
from .columns import LiveStatusColumn, MinutesColumn
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


class OwnVideoObjectMixin:
    """Wagtail checks "change" for the model; a trainer may open only a video they own (admins: all)."""

    def get_object(self, *args, **kwargs):
        video = super().get_object(*args, **kwargs)
        if not visible_videos(self.request.user).filter(pk=video.pk).exists():
            raise PermissionDenied
        return video


class VideoEditView(OwnVideoObjectMixin, snippet_views.EditView):
    pass


class VideoDeleteView(OwnVideoObjectMixin, snippet_views.DeleteView):
    pass


class VideoHistoryView(OwnVideoObjectMixin, snippet_views.HistoryView):
    pass


class VideoUsageView(OwnVideoObjectMixin, snippet_views.UsageView):
    pass


class VideoViewSet(SnippetViewSet):
    model = Video
    icon = "media"
    menu_label = _("Videos")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "title",
        LiveStatusColumn("status", label=_("Status"), sort_key="status"),
        MinutesColumn("duration", label=_("Duration"), sort_key="duration"),
        "owner",
        "created",
    ]
    list_filter = ["status"]
    search_fields = ["title"]
    chooser_viewset_class = VideoChooserViewSet
    edit_view_class = VideoEditView
    delete_view_class = VideoDeleteView
    history_view_class = VideoHistoryView
    usage_view_class = VideoUsageView

    def get_queryset(self, request):
        return visible_videos(request.user)


# Trainers hold "add": they manage the videos they own. "change" (admins) reaches every video.
register_permission_policy(Video, OwnershipPermissionPolicy(Video, owner_field_name="owner"))
video_viewset = VideoViewSet()
register_snippet(video_viewset)


@hooks.register("register_admin_urls")
def video_admin_urls():
    return [
        path("videos/status/", admin_views.statuses, name="videos_statuses"),
        path("videos/status/<int:video_id>/", admin_views.status, name="videos_status"),
        path("videos/original/<int:video_id>/", admin_views.original, name="videos_original"),
        path("videos/uploads/", upload_views.start, name="videos_upload_start"),
        path("videos/uploads/<uuid:upload_id>/", upload_views.detail, name="videos_upload"),
        path("videos/uploads/<uuid:upload_id>/chunk/", upload_views.chunk, name="videos_upload_chunk"),
        path("videos/uploads/<uuid:upload_id>/parts/", upload_views.parts, name="videos_upload_parts"),
        path("videos/uploads/<uuid:upload_id>/complete/", upload_views.complete, name="videos_upload_complete"),
    ]


@hooks.register("insert_global_admin_js")
def video_admin_js():
    return format_html(
        '<script src="{}" defer></script><script src="{}" defer></script>',
        static("js/video_admin.js"),
        static("js/video_status.js"),
    )
