"""Who may see and use which parts of the question bank.

Trainers manage the categories and questions of the courses they are listed on, and may use the shared bank in
their quizzes; Observatory admins (and superusers) manage everything, including the shared bank.
"""


def is_bank_admin(user):
    return getattr(user, "is_observatory_admin", False)


def editable_courses(user):
    from courses.models import CoursePage

    if is_bank_admin(user):
        return CoursePage.objects.all()
    return CoursePage.objects.filter(trainers=user)


def editable_categories(user):
    from .models import QuestionCategory

    if is_bank_admin(user):
        return QuestionCategory.objects.all()
    return QuestionCategory.objects.filter(course__in=editable_courses(user))


def usable_categories(user):
    from .models import QuestionCategory

    if is_bank_admin(user):
        return QuestionCategory.objects.all()
    return QuestionCategory.objects.filter(course__in=editable_courses(user)) | QuestionCategory.objects.filter(
        course__isnull=True
    )


def editable_questions(user):
    from .models import Question

    return Question.objects.filter(category__in=editable_categories(user))


def usable_questions(user):
    from .models import Question

    return Question.objects.filter(category__in=usable_categories(user))
