"""Two courses with their banks and videos, one shared bank, and the four roles that meet them in the admin."""

from dataclasses import dataclass, field

import pytest
from django.core.files.base import ContentFile

from courses.signals import sync_course_trainers
from quizzes.models import AcceptedAnswer, Choice, Question, QuestionCategory
from tests.factories import UserFactory, build_course
from tests.factories.quizzes import question
from videos.models import Video

MODELS = {"question": Question, "questioncategory": QuestionCategory, "video": Video}
ROLES = ["owner", "other trainer", "editor", "admin"]
# Which objects each role manages (lists, edit, delete, copy, history, usage, inspect, bulk actions).
MANAGES = {"owner": {"mine"}, "other trainer": {"theirs"}, "editor": set(), "admin": {"mine", "theirs", "shared"}}


@dataclass
class World:
    users: dict
    courses: dict
    objects: dict = field(default_factory=dict)  # (model name, "mine" | "theirs" | "shared") -> instance

    def marker(self, model_name, which):
        return MARKERS[model_name](self.objects[model_name, which])


MARKERS = {
    "question": lambda item: item.text,
    "questioncategory": lambda item: item.name,
    "video": lambda item: item.title,
}


def _listed_trainer(course, user):
    course.trainers.add(user)
    course.save_revision().publish()
    sync_course_trainers(course)


@pytest.fixture
def world(catalogues):
    users = {
        "owner": UserFactory(groups=["Trainers"], preferred_language="en"),
        "other trainer": UserFactory(groups=["Trainers"], preferred_language="en"),
        "editor": UserFactory(groups=["Editors"], preferred_language="en"),
        "admin": UserFactory(groups=["Observatory admins"], preferred_language="en"),
    }
    courses = {
        "mine": build_course(catalogues["ar"], lessons=0, title="Course-of-the-owner")[0],
        "theirs": build_course(catalogues["ar"], lessons=0, title="Course-of-the-other-trainer")[0],
    }
    _listed_trainer(courses["mine"], users["owner"])
    _listed_trainer(courses["theirs"], users["other trainer"])
    world = World(users=users, courses=courses)
    owners = {"mine": users["owner"], "theirs": users["other trainer"]}
    for which in ("mine", "theirs", "shared"):
        category = QuestionCategory.objects.create(name=f"Category-{which}", course=courses.get(which))
        world.objects["questioncategory", which] = category
        world.objects["question", which] = question(
            category,
            "single",
            f"Question-{which}",
            choices=[(f"Right-answer-{which}", True), ("Wrong", False)],
            explanation=f"Explanation-{which}",
        )
        if which in owners:
            world.objects["video", which] = Video.objects.create(
                title=f"Video-{which}", owner=owners[which], original=ContentFile(b"not a video", name="v.mp4")
            )
    return world


def snapshot():
    """Every row a POST to the bank or the video library could change."""
    return {
        model.__name__: list(model.objects.order_by("pk").values_list())
        for model in (Question, QuestionCategory, Choice, AcceptedAnswer, Video)
    }


def form_data(world, model_name, label="Changed-by-a-post"):
    """A valid edit/create form for each model, aimed at the owner's course."""
    if model_name == "questioncategory":
        return {"name": label, "course": world.courses["mine"].pk}
    if model_name == "video":
        return {"title": label, "language": "fr", **_formset("captions")}
    return {
        "category": world.objects["questioncategory", "mine"].pk,
        "kind": "single",
        "points": "1",
        "text": label,
        "explanation": "",
        "tolerance": "0",
        "true_false_answer": "",
        **_formset("choices", 2),
        "choices-0-text": "Yes",
        "choices-0-correct": "on",
        "choices-0-ORDER": "1",
        "choices-1-text": "No",
        "choices-1-ORDER": "2",
        **_formset("accepted_answers"),
    }


def _formset(prefix, total=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
