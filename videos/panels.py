from django.conf import settings
from django.urls import reverse
from wagtail.admin.panels import Panel

from . import display
from .enums import FINISHED_STATUSES


class VideoStatusPanel(Panel):
    """Where the video is in the pipeline; the page polls it while the conversion runs."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "videos/admin/status_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["video"] = self.instance
            context["statuses_url"] = reverse("videos_statuses")
            context["finished"] = self.instance.status in FINISHED_STATUSES
            return context


class VideoUploadPanel(Panel):
    """Settings and words for the admin script that sends the chosen file in resumable pieces."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "videos/admin/upload_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["start_url"] = reverse("videos_upload_start")
            context["max_bytes"] = settings.VIDEO_MAX_UPLOAD_BYTES
            context["max_minutes"] = settings.VIDEO_MAX_DURATION_SECONDS // 60
            video = self.instance
            if video and video.pk and video.original:
                context["original_name"] = display.download_name(video)
                context["original_url"] = reverse("videos_original", args=[video.pk])
            return context
