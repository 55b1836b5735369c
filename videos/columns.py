"""Columns of the admin's video list."""

from django.urls import reverse
from wagtail.admin.ui.tables import Column

from . import display
from .enums import FINISHED_STATUSES


class LiveStatusColumn(Column):
    """The status with the conversion's progress and, for a failed video, why; the admin script refreshes it."""

    cell_template_name = "videos/admin/status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["finished"] = instance.status in FINISHED_STATUSES
        context["statuses_url"] = reverse("videos_statuses")
        return context


class MinutesColumn(Column):
    def get_value(self, instance):
        return display.minutes(instance.duration)
