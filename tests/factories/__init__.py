from .accounts import UserFactory
from .courses import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    build_course,
)
from .pages import HomePageFactory, NewsIndexPageFactory, NewsPageFactory, StandardPageFactory

__all__ = [
    "CourseIndexPageFactory",
    "CoursePageFactory",
    "LessonPageFactory",
    "ModulePageFactory",
    "build_course",
    "HomePageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "StandardPageFactory",
    "UserFactory",
]
