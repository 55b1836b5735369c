from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from streams.blocks import BodyStreamBlock


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
    """A video file played in the lesson; the videos app replaces the file with transcoded renditions."""

    video_file = DocumentChooserBlock(label=_("Video file (MP4)"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/lesson_video_block.html"


class LessonBodyBlock(BodyStreamBlock):
    callout = CalloutBlock()
    video = LessonVideoBlock()

    class Meta:
        label = _("Lesson body")
