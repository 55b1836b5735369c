from .learning import Enrolment, LessonProgress
from .pages import CourseIndexPage, CoursePage, LessonPage, ModulePage
from .snippets import CourseTheme

__all__ = ["CourseIndexPage", "CoursePage", "CourseTheme", "Enrolment", "LessonPage", "LessonProgress", "ModulePage"]
