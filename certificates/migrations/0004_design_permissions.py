from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_config = apps.get_app_config("certificates")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    admins = Group.objects.filter(name="Observatory admins").first()
    if admins:
        admins.permissions.add(
            *Permission.objects.filter(content_type__app_label="certificates", content_type__model="certificatedesign")
        )


class Migration(migrations.Migration):
    dependencies = [("certificates", "0003_certificate_designs"), ("accounts", "0004_translators")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
