from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ProgrammeItemBlock(blocks.StructBlock):
    starts = blocks.TimeBlock(label=_("from"))
    ends = blocks.TimeBlock(label=_("to"), required=False)
    title = blocks.CharBlock(label=_("title"), max_length=200)
    speaker = blocks.CharBlock(label=_("speaker"), max_length=200, required=False)
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "time"
        label = _("Programme item")
        template = "blocks/programme_item.html"


class ProgrammeBlock(blocks.StreamBlock):
    item = ProgrammeItemBlock()
    day = blocks.CharBlock(label=_("Day heading"), max_length=100, icon="date", template="blocks/programme_day.html")
