"""The four roles as groups.

Wagtail's own first migration makes "Moderators" (publish anywhere, approve in the default
workflow) and "Editors" (write anywhere). Here "Moderators" becomes "Observatory admins", and
Editors lose the whole tree: the news app grants them its news indexes only.
"""

from django.db import migrations

TRAINEES = "Trainees"
TRAINERS = "Trainers"
EDITORS = "Editors"
ADMINS = "Observatory admins"


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")

    admins = Group.objects.filter(name="Moderators").first()
    if admins:
        admins.name = ADMINS
        admins.save(update_fields=["name"])
    else:
        admins, _ = Group.objects.get_or_create(name=ADMINS)
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    Group.objects.get_or_create(name=TRAINEES)
    Group.objects.get_or_create(name=TRAINERS)

    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    admins.permissions.add(access_admin)
    editors.permissions.add(access_admin)

    GroupPagePermission.objects.filter(group=editors, page__depth=1).delete()
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        wanted = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
        for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=wanted):
            GroupPagePermission.objects.get_or_create(group=admins, page=root, permission=permission)
    for codename in ["add_locale", "change_locale", "delete_locale"]:
        permission = Permission.objects.filter(codename=codename, content_type__app_label="wagtailcore").first()
        if permission:
            admins.permissions.add(permission)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[TRAINEES, TRAINERS]).delete()
    Group.objects.filter(name=ADMINS).update(name="Moderators")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_wilayas"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
