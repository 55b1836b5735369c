from django.db import migrations


def schedule_sweeper(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.update_or_create(
        name="videos: re-queue stale conversions",
        defaults={"func": "videos.tasks.sweep_stale_jobs", "schedule_type": "I", "minutes": 1, "repeats": -1},
    )


def unschedule_sweeper(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name="videos: re-queue stale conversions").delete()


class Migration(migrations.Migration):
    dependencies = [("videos", "0001_initial"), ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more")]
    operations = [migrations.RunPython(schedule_sweeper, unschedule_sweeper)]
