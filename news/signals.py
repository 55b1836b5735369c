from django.contrib.auth.models import Group
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission

from accounts.enums import GroupName

from .models import NewsIndexPage

EDITOR_PERMISSIONS = ["add_page", "change_page"]  # publishing goes through moderation


@receiver(post_save, sender=NewsIndexPage)
def let_editors_write_news(sender, instance, created, raw=False, **kwargs):
    """Editors may write news under every news index, in every language, and nowhere else."""
    if raw or not created:
        return
    editors = Group.objects.filter(name=GroupName.EDITORS).first()
    if editors is None:
        return
    for codename in EDITOR_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(group=editors, page=instance, permission_id=_permission_id(codename))


def _permission_id(codename):
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename).pk
