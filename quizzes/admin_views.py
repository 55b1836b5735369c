from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import results, services
from .models import QuizPage


def _quiz_for(request, quiz_id):
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    if not quiz.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return quiz


def quiz_results(request, quiz_id):
    quiz = _quiz_for(request, quiz_id)
    context = {
        "quiz": quiz,
        "learners": results.learner_rows(quiz),
        "questions": results.question_rows(quiz),
        "header_title": _("Results: %(title)s") % {"title": quiz.title},
    }
    return TemplateResponse(request, "quizzes/admin/results.html", context)


def quiz_results_csv(request, quiz_id):
    quiz = _quiz_for(request, quiz_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = slugify(quiz.title) or f"quiz-{quiz.pk}"
    response["Content-Disposition"] = f'attachment; filename="{filename}-results.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the Arabic names as UTF-8
    headers = [
        _("Name"),
        _("E-mail"),
        _("Attempts"),
        _("Best (%)"),
        _("Last (%)"),
        _("Counted (%)"),
        _("Passed"),
        _("Last submitted"),
    ]
    results.write_csv(quiz, response, headers)
    return response


@require_POST
def quiz_regrade(request, quiz_id):
    quiz = _quiz_for(request, quiz_id)
    changed = services.regrade(quiz)
    regraded = ngettext(
        "Every attempt was graded again; %(count)s result changed.",
        "Every attempt was graded again; %(count)s results changed.",
        changed,
    )
    messages.success(request, regraded % {"count": changed})
    return redirect("quizzes_results", quiz.pk)
