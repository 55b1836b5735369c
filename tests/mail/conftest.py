from tests.seminars.conftest import calendars  # noqa: F401  (the seminar calendars in three languages)
