from django.db import migrations, models
from django.db.models import F


def already_told(apps, schema_editor):
    """Certificates rendered before this field existed were mailed then: do not mail them again."""
    Certificate = apps.get_model("certificates", "Certificate")
    Certificate.objects.exclude(pdf="").update(notified_at=F("issued_at"))


class Migration(migrations.Migration):
    dependencies = [("certificates", "0006_status_index_required")]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="notified_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="holder told"),
        ),
        migrations.RunPython(already_told, migrations.RunPython.noop),
    ]
