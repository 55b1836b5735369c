from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from courses.models import CoursePage, ModulePage

        from . import progress  # noqa: F401 — registers the quizzes as course requirements
        from .models import Question, QuestionCategory
        from .permissions import category_policy, question_policy

        # Before any view asks: Wagtail would otherwise create a model-wide policy for each model.
        register_permission_policy(Question, question_policy)
        register_permission_policy(QuestionCategory, category_policy)

        # Courses know nothing of quizzes (a lower app never names a higher one): quizzes add themselves.
        for parent in (CoursePage, ModulePage):
            if "quizzes.QuizPage" not in parent.subpage_types:
                parent.subpage_types = [*parent.subpage_types, "quizzes.QuizPage"]
