"""Quizzes that allow retries stop showing the correction after each attempt: it can be copied into the next one.

Existing quizzes with "right after each attempt" and more than one attempt (or unlimited ones) move to "after the
learner's last attempt", on the page and in every revision, so publishing a draft or reverting to an old revision
cannot bring the leak back. One-attempt quizzes keep "immediate", which means the same for them. Trainers who want a
practice quiz can choose "immediate" again; the editor then warns them. Going back changes no data: the move cannot
tell the quizzes it moved from those set so later.
"""

from django.db import migrations, models

IMMEDIATE, LAST_ATTEMPT = "immediate", "last_attempt"


def retried_with_immediate_feedback(fields):
    return fields.get("feedback") == IMMEDIATE and str(fields.get("attempts_allowed")) != "1"


def move_retried_quizzes_to_after_the_last_attempt(apps, schema_editor):
    QuizPage = apps.get_model("quizzes", "QuizPage")
    QuizPage.objects.filter(feedback=IMMEDIATE).exclude(attempts_allowed=1).update(feedback=LAST_ATTEMPT)
    quiz_type = apps.get_model("contenttypes", "ContentType").objects.filter(app_label="quizzes", model="quizpage")
    Revision = apps.get_model("wagtailcore", "Revision")
    moved = []
    for revision in Revision.objects.filter(content_type__in=quiz_type).only("pk", "content").iterator():
        if retried_with_immediate_feedback(revision.content):
            revision.content["feedback"] = LAST_ATTEMPT
            moved.append(revision)
    Revision.objects.bulk_update(moved, ["content"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0002_bank_permissions_and_deadline_sweeper"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterField(
            model_name="quizpage",
            name="feedback",
            field=models.CharField(
                choices=[
                    ("last_attempt", "After the learner's last attempt"),
                    ("immediate", "Right after each attempt"),
                    ("after_close", "After the closing date"),
                    ("never", "Never show the correct answers"),
                ],
                default="last_attempt",
                help_text=(
                    "The score always shows. The correction (right answers, explanations) shows only as chosen "
                    "here: shown right after an attempt, it can be copied into the next one."
                ),
                max_length=12,
                verbose_name="show correct answers",
            ),
        ),
        migrations.RunPython(move_retried_quizzes_to_after_the_last_attempt, migrations.RunPython.noop),
    ]
