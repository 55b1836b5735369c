from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from streams.blocks import BodyStreamBlock
from videos.playback import resume_from
from videos.player import choices as player_choices


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("tip", _("Tip")), ("important", _("Important")), ("example", _("Example"))],
        default="tip",
        label=_("Kind"),
    )
    title = blocks.CharBlock(label=_("Title"), required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "blocks/callout_block.html"
        preview_value = {"kind": "tip", "title": "Bon à savoir", "text": "<p>Gardez une copie du procès-verbal.</p>"}


class LessonVideoBlock(blocks.StructBlock):
    """A transcoded video, played adaptively (HLS) with a data saver and a download for offline use."""

    video = SnippetChooserBlock("videos.Video", label=_("Video"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/lesson_video_block.html"

    def get_context(self, value, parent_context=None):
        from django.urls import reverse

        context = super().get_context(value, parent_context=parent_context)
        video = value.get("video")
        if video is not None and video.is_ready:
            base = reverse("video_media", args=[video.pk, "master.m3u8"]).rsplit("/", 1)[0]
            menu = player_choices(video, base)
            saved = context.get("start") or 0
            start = resume_from(saved, video.duration)
            context.update(
                {
                    "start": start,
                    "restart": bool(saved) and not start,
                    "media_base": base,
                    "qualities": menu.qualities,
                    "sound": menu.sound,
                    "download": menu.download,
                    "save_labels": menu.save_labels(),
                    "captions": list(video.captions.all()),
                    "hls_script": _static_or_none("vendor/hls/hls.light.min.js"),
                }
            )
        return context


class LessonBodyBlock(BodyStreamBlock):
    callout = CalloutBlock()
    video = LessonVideoBlock()

    class Meta:
        label = _("Lesson body")


def _static_or_none(path):
    """The URL of a static file installed from npm, or None where npm was not available (the MP4 then plays)."""
    from django.templatetags.static import static

    try:
        return static(path)
    except ValueError:  # not in the manifest: hls.js was not installed when collectstatic ran
        return None
