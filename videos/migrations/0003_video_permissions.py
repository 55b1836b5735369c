from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_config = apps.get_app_config("videos")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    videos = Permission.objects.filter(content_type__app_label="videos", content_type__model="video")
    trainers = Group.objects.filter(name="Trainers").first()
    if trainers:
        trainers.permissions.add(*videos.filter(codename="add_video"))  # their own videos only
    admins = Group.objects.filter(name="Observatory admins").first()
    if admins:
        admins.permissions.add(*videos)


class Migration(migrations.Migration):
    dependencies = [("videos", "0002_sweeper_schedule"), ("accounts", "0003_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
