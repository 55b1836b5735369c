from django.contrib.auth.management import create_permissions
from django.db import migrations

SCHEDULE = "quizzes: grade attempts whose time ran out"


def setup(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_config = apps.get_app_config("quizzes")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    bank = Permission.objects.filter(
        content_type__app_label="quizzes", content_type__model__in=["question", "questioncategory"]
    )
    # Model-level rights; which questions a trainer reaches is decided per course (quizzes/access.py).
    for name in ("Trainers", "Observatory admins"):
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.add(*bank)
    apps.get_model("django_q", "Schedule").objects.update_or_create(
        name=SCHEDULE,
        defaults={"func": "quizzes.services.close_expired_attempts", "schedule_type": "I", "minutes": 1, "repeats": -1},
    )


def teardown(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=SCHEDULE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0001_question_bank_quizzes_attempts"),
        ("accounts", "0004_translators"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]
    operations = [migrations.RunPython(setup, teardown)]
