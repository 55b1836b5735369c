"""Taking a quiz, under /<language>/quizzes/: plain URLs (the quiz page itself is served by Wagtail)."""

from django.urls import path

from . import views

urlpatterns = [
    path("<int:quiz_id>/start/", views.start, name="quiz_start"),
    path("attempts/<int:attempt_id>/", views.take, name="quiz_attempt"),
    path("attempts/<int:attempt_id>/save/", views.autosave, name="quiz_autosave"),
    path("attempts/<int:attempt_id>/result/", views.result, name="quiz_result"),
]
