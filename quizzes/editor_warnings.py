"""Warnings for whoever saves a quiz page whose feedback rule undoes its own attempts limit.

A form's clean() can only refuse, and a practice quiz may show the answers after each attempt on purpose, so this is
a message (Wagtail's own way of warning in the editor, as it does when reverting to an old revision) added after the
page is saved. It shows on the page the editor lands on: the edit form after saving a draft, the page listing after
publishing or submitting. (Registered from QuizzesConfig.ready().)
"""

from django.contrib import messages
from wagtail import hooks

from .feedback import editor_warnings
from .models import QuizPage


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_the_feedback_rule(request, page):
    # The editor's autosave reads a JSON answer, which shows no messages: they would pile up for the next page.
    if not isinstance(page, QuizPage) or not request.accepts("text/html"):
        return None
    for warning in editor_warnings(page):
        messages.warning(request, warning)
    return None
