from django.urls import path

from . import organiser_views, views

urlpatterns = [
    path("<int:seminar_id>/register/", views.register, name="seminar_register"),
    path("<int:seminar_id>/cancel/", views.cancel, name="seminar_cancel"),
    path("<int:seminar_id>/event.ics", views.seminar_ics, name="seminar_ics"),
    path("<int:seminar_id>/attendance/", organiser_views.attendance, name="seminar_attendance"),
    path(
        "<int:seminar_id>/attendance/<int:registration_id>/correct/",
        organiser_views.correct_attendance,
        name="seminar_attendance_correct",
    ),
    path("<int:seminar_id>/scan/", organiser_views.scanner, name="seminar_scanner"),
    path("<int:seminar_id>/registrations.csv", organiser_views.registrations_csv, name="seminar_registrations_csv"),
    path("calendars/<int:index_id>.ics", views.calendar_ics, name="seminar_calendar_ics"),
    path("my-calendar/", views.my_calendar, name="seminar_my_calendar"),
    path("feed/<str:token>.ics", views.private_feed, name="seminar_private_feed"),
    path("check-in/<uuid:token>/", organiser_views.checkin, name="seminar_checkin"),
]
