"""The policies themselves, as Wagtail's other callers (admin URL finder, snippets API, reports) ask them."""

import pytest
from wagtail.permissions import policy_registry

from quizzes.models import Question, QuestionCategory
from videos.access import visible_videos
from videos.models import Video

pytestmark = pytest.mark.django_db


def test_the_registered_policies_answer_for_each_instance(world):
    owner, other, editor, admin = (world.users[role] for role in ("owner", "other trainer", "editor", "admin"))
    questions = policy_registry.get_by_type(Question)
    mine, shared = world.objects["question", "mine"], world.objects["question", "shared"]
    assert set(questions.users_with_permission_for_instance("change", mine)) == {owner, admin}
    assert set(questions.users_with_permission_for_instance("change", shared)) == {admin}
    assert set(questions.users_with_permission_for_instance("choose", shared)) == {owner, other, admin}
    assert questions.user_has_permission(owner, "choose") and not questions.user_has_permission(editor, "choose")
    assert not questions.user_has_permission_for_instance(owner, "delete", shared)
    assert set(questions.instances_user_has_any_permission_for(other, ["change", "choose"])) == {
        world.objects["question", "theirs"],
        shared,
    }
    categories = policy_registry.get_by_type(QuestionCategory)
    assert set(categories.instances_user_has_permission_for(owner, "change")) == {
        world.objects["questioncategory", "mine"]
    }
    videos = policy_registry.get_by_type(Video)
    assert set(videos.instances_user_has_permission_for(owner, "choose")) == {world.objects["video", "mine"]}
    assert set(visible_videos(admin)) == {world.objects["video", "mine"], world.objects["video", "theirs"]}
    assert not visible_videos(editor).exists()
    assert set(videos.users_with_permission_for_instance("view", world.objects["video", "mine"])) == {owner, admin}
