from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("home", "HomePage")

    # Wagtail's placeholder "Welcome" page (and the Site that points at it) make way for ours.
    page_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=page_type, slug="home", depth=2).delete()
    if HomePage.objects.exists():
        return
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    locale = Locale.objects.order_by("pk").first()
    homepage = HomePage.objects.create(
        title="تدريب", draft_title="تدريب", slug="home", content_type=home_type, locale=locale,
        path="00010001", depth=2, numchild=0, url_path="/home/",
    )
    Site.objects.create(hostname="localhost", port=80, root_page=homepage, is_default_site=True,
                        site_name="Tadrib")


def remove_homepage(apps, schema_editor):
    apps.get_model("home", "HomePage").objects.filter(slug="home", depth=2).delete()


def grant_admin_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_config = apps.get_app_config("home")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    admins = Group.objects.filter(name="Observatory admins").first()
    if admins:
        admins.permissions.add(*Permission.objects.filter(
            content_type__app_label="home",
            codename__in=["add_footertext", "change_footertext", "delete_footertext", "change_sitesettings"],
        ))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("accounts", "0003_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [
        migrations.RunPython(create_homepage, remove_homepage),
        migrations.RunPython(grant_admin_permissions, migrations.RunPython.noop),
    ]
