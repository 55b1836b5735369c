from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self):
        from courses.models import CoursePage, ModulePage

        from . import (
            editor_warnings,  # noqa: F401 — warns the page editor about feedback rules that give the retry away
            progress,  # noqa: F401 — registers the quizzes as course requirements
        )

        # Courses know nothing of quizzes (a lower app never names a higher one): quizzes add themselves.
        for parent in (CoursePage, ModulePage):
            if "quizzes.QuizPage" not in parent.subpage_types:
                parent.subpage_types = [*parent.subpage_types, "quizzes.QuizPage"]
