import secrets

from django.db import migrations, models

LIST_SIZE = 131072


def give_positions(apps, schema_editor):
    """Existing certificates get random distinct positions in the first status list."""
    Certificate = apps.get_model("certificates", "Certificate")
    taken = set()
    for certificate in Certificate.objects.filter(status_index__isnull=True).only("pk"):
        position = secrets.randbelow(LIST_SIZE)
        while position in taken:
            position = secrets.randbelow(LIST_SIZE)
        taken.add(position)
        Certificate.objects.filter(pk=certificate.pk).update(status_index=position)


class Migration(migrations.Migration):
    dependencies = [("certificates", "0004_design_permissions")]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="status_index",
            field=models.PositiveIntegerField(
                editable=False, null=True, unique=True, verbose_name="status list position"
            ),
        ),
        migrations.RunPython(give_positions, migrations.RunPython.noop),
    ]
