"""Trainers reach the admin to build courses: pages (granted per catalogue and per course by signals),
images and documents (add and choose; Wagtail lets them edit only their own). Observatory admins
manage the course themes."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    app_config = apps.get_app_config("courses")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    trainers = Group.objects.filter(name="Trainers").first()
    if trainers:
        trainers.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
        root = Collection.objects.filter(depth=1).first()
        if root:
            for app_label, model in [("wagtailimages", "image"), ("wagtaildocs", "document")]:
                for action in ("add", "choose"):
                    permission = Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
                    GroupCollectionPermission.objects.get_or_create(group=trainers, collection=root, permission=permission)
    admins = Group.objects.filter(name="Observatory admins").first()
    if admins:
        admins.permissions.add(*Permission.objects.filter(
            content_type__app_label="courses",
            codename__in=["add_coursetheme", "change_coursetheme", "delete_coursetheme"],
        ))


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("accounts", "0004_translators"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
