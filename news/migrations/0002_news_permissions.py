from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant_news_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_config = apps.get_app_config("news")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    categories = Permission.objects.filter(
        content_type__app_label="news",
        codename__in=["add_newscategory", "change_newscategory", "delete_newscategory"],
    )
    for name in ["Editors", "Observatory admins"]:
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.add(*categories)


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial"), ("accounts", "0003_roles")]
    operations = [migrations.RunPython(grant_news_permissions, migrations.RunPython.noop)]
