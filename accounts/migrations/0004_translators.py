from django.contrib.auth.management import create_permissions
from django.db import migrations


def let_editors_and_admins_translate(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_config = apps.get_app_config("simple_translation")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    permission = Permission.objects.get(content_type__app_label="simple_translation", codename="submit_translation")
    for group in Group.objects.filter(name__in=["Editors", "Observatory admins"]):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_roles"), ("simple_translation", "0001_initial")]
    operations = [migrations.RunPython(let_editors_and_admins_translate, migrations.RunPython.noop)]
