from itertools import islice

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.panels import Panel
from wagtail.models import ReferenceIndex

from . import display
from .enums import FINISHED_STATUSES, RenditionKind

MAX_USAGES = 10


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


class CaptionFilePanel(Panel):
    """The stored captions file, linked through the access-checked delivery view (its storage address is a 404)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "videos/admin/caption_file_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk and self.instance.file)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            caption = self.instance
            context["name"] = f"{caption.language}.vtt"
            if caption.video.is_ready:
                context["url"] = reverse("video_media", args=[caption.video_id, f"captions/{caption.language}.vtt"])
            return context


class VideoDetailsPanel(Panel):
    """A ready video as learners will get it: poster, length, what each quality costs, a preview, where it is used."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "videos/admin/details_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk and self.instance.is_ready)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            video = self.instance
            context.update(
                {
                    "video": video,
                    "media_base": reverse("video_media", args=[video.pk, "poster.jpg"]).rsplit("/", 1)[0],
                    "minutes": display.minutes(video.duration),
                    "renditions": _renditions(video),
                    "captions": list(video.captions.all()),
                    "usages": _usages(video, self.request.user),
                    "usage_url": reverse(video.snippet_viewset.get_url_name("usage"), args=[video.pk]),
                }
            )
            return context


def _renditions(video):
    order = {RenditionKind.HLS: 0, RenditionKind.DOWNLOAD: 1, RenditionKind.AUDIO: 2, RenditionKind.SOUND: 3}
    rows = []
    for rendition in sorted(video.renditions.all(), key=lambda r: (order.get(r.kind, 3), -r.height)):
        if rendition.kind == RenditionKind.HLS:
            name = f"{rendition.height}p"
        elif rendition.kind == RenditionKind.DOWNLOAD:
            name = f"{rendition.get_kind_display()} {rendition.height}p"
        else:
            name = rendition.get_kind_display()
        rows.append({"name": name, "per_minute": display.size_per_minute(rendition.bytes, video.duration)})
    return rows


def _usages(video, user):
    """The first objects (lessons) that show the video, named only to those who may edit them, as Wagtail's
    usage view does."""
    finder = AdminURLFinder(user)
    rows = []
    for source, _references in islice(ReferenceIndex.get_references_to(video).group_by_source_object(), MAX_USAGES):
        url = finder.get_edit_url(source)
        label = str(source) if url else _("(Private %(object)s)") % {"object": source._meta.verbose_name}
        rows.append({"label": label, "url": url})
    return rows
