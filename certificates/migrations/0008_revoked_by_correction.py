from django.db import migrations, models

# The reason revoke_for_corrected_attendance wrote, in each language it may have been written in, before the
# cause had its own field: those revocations become reversible like the ones made from now on.
CORRECTION_REASONS = [
    "Attendance corrected: the holder was not recorded present.",
    "Présence corrigée : le titulaire n'a pas été noté présent.",
    "تصحيح الحضور: لم يُسجَّل حضور صاحب الشهادة.",
]


def mark_earlier_corrections(apps, schema_editor):
    Certificate = apps.get_model("certificates", "Certificate")
    Certificate.objects.filter(
        kind="seminar", revoked_at__isnull=False, revoked_reason__in=CORRECTION_REASONS
    ).update(revoked_by_correction=True)


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0007_holder_notified"),
    ]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="revoked_by_correction",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="revoked by an attendance correction"
            ),
        ),
        migrations.RunPython(mark_earlier_corrections, migrations.RunPython.noop),
    ]
