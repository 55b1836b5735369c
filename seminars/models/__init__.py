from .pages import SeminarIndexPage, SeminarPage, SeminarQuestion
from .registrations import CalendarChange, CalendarFeed, Registration, Seats

__all__ = [
    "CalendarChange",
    "CalendarFeed",
    "Registration",
    "Seats",
    "SeminarIndexPage",
    "SeminarPage",
    "SeminarQuestion",
]
