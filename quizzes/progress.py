"""Quizzes in course progress: each live quiz is a syllabus activity; a required one is done once passed."""

from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils.translation import gettext as _

from courses.progress import Activity, register_activities


@register_activities
def quiz_activities(user, courses):
    from .models import Outcome, QuizPage

    prefixes = {course.path: course.pk for course in courses}
    result = {course.pk: [] for course in courses}
    if not prefixes:
        return result
    in_courses = reduce(or_, (Q(path__startswith=path) for path in prefixes))
    quizzes = list(
        QuizPage.objects.live()
        .filter(in_courses)
        .order_by("path")
        .only("id", "title", "slug", "path", "depth", "url_path", "locale_id", "required", "pass_mark", "live")
    )
    passed = set()
    if user is not None and user.is_authenticated and quizzes:
        passed = set(Outcome.objects.filter(user=user, quiz__in=quizzes, passed=True).values_list("quiz_id", flat=True))
    depths = sorted({course.depth for course in courses})
    for quiz in quizzes:
        course_id = next(
            (prefixes[quiz.path[: depth * 4]] for depth in depths if quiz.path[: depth * 4] in prefixes), None
        )
        if course_id is not None:
            meta = _("Quiz · pass mark %(mark)s %%") % {"mark": quiz.pass_mark}
            result[course_id].append(Activity(quiz, quiz.pk in passed, quiz.required, meta))
    return result
