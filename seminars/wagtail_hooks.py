from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from . import admin_views, services
from .models import SeminarPage


@hooks.register("register_admin_urls")
def seminar_admin_urls():
    return [path("seminars/<int:seminar_id>/registrations/", admin_views.registrations, name="seminars_registrations")]


def _registrations_button(page, user, priority):
    specific = page.specific_deferred
    if isinstance(specific, SeminarPage) and services.can_organise(user, specific):
        url = reverse("seminars_registrations", args=[page.pk])
        yield Button(_("Registrations"), url=url, icon_name="group", priority=priority)


@hooks.register("register_page_header_buttons")
def seminar_registrations_header_button(page, user, view_name, next_url=None):
    yield from _registrations_button(page, user, 26)


@hooks.register("register_page_listing_more_buttons")
def seminar_registrations_listing_button(page, user, next_url=None):
    yield from _registrations_button(page, user, 26)
