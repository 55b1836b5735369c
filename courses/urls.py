from django.urls import path

from . import views

urlpatterns = [
    path("", views.my_learning, name="my_learning"),
    path("offline/", views.offline_lessons, name="offline_lessons"),
    path("courses/<int:course_id>/enrol/", views.enrol, name="course_enrol"),
    path("courses/<int:course_id>/unenrol/", views.unenrol, name="course_unenrol"),
    path("lessons/<int:lesson_id>/done/", views.mark_done, name="lesson_done"),
    path("lessons/<int:lesson_id>/position/", views.save_position, name="lesson_position"),
]
