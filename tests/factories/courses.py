import factory
import wagtail_factories

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Courses"
    slug = "courses"

    class Meta:
        model = CourseIndexPage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Course {n}")
    summary = factory.LazyAttribute(lambda page: f"Summary of {page.title}")
    language = "ar"

    class Meta:
        model = CoursePage


class ModulePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Module {n}")

    class Meta:
        model = ModulePage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Lesson {n}")
    estimated_minutes = 10
    body = factory.LazyAttribute(lambda page: [("paragraph", f"<p>Text of {page.title}</p>")])

    class Meta:
        model = LessonPage


def build_course(catalogue, lessons=3, modules=0, **fields):
    """A published course with its lessons, spread over modules when asked; returns (course, lessons)."""
    fields.setdefault("locale", catalogue.locale)
    course = CoursePageFactory(parent=catalogue, **fields)
    parents = [ModulePageFactory(parent=course, locale=course.locale) for _ in range(modules)] or [course]
    items = [
        LessonPageFactory(parent=parents[number % len(parents)], locale=course.locale) for number in range(lessons)
    ]
    items.sort(key=lambda lesson: lesson.path)
    return course, items
