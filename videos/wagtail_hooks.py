from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_scope import ScopedViewSetMixin

from . import admin_views, upload_views
from .columns import LiveStatusColumn, MinutesColumn
from .models import Video


# Who reaches which video is the model's permission policy (videos/permissions.py).
class VideoViewSet(ScopedViewSetMixin, SnippetViewSet):
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


video_viewset = VideoViewSet()
register_snippet(video_viewset)


@hooks.register("register_admin_urls")
def video_admin_urls():
    return [
        path("videos/status/", admin_views.statuses, name="videos_statuses"),
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
