import pytest

from accounts.models import Wilaya
from tests.factories import UserFactory


@pytest.fixture
def member(client, db):
    user = UserFactory()
    client.force_login(user)
    return user


def test_profile_needs_login(client, db):
    response = client.get("/fr/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/")


@pytest.mark.django_db
def test_profile_saves_valid_changes(client, member):
    response = client.post(
        "/fr/accounts/profile/",
        {
            "full_name_latin": "Amina Ben-Ali",
            "full_name_arabic": "أَمِينَة بن علي",
            "association": "Tin Hinan",
            "wilaya": Wilaya.objects.get(code=11).pk,
            "phone": "0661 23 45 67",
            "preferred_language": "ar",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.full_name_latin, member.phone, member.preferred_language) == ("Amina Ben-Ali", "0661234567", "ar")
    assert member.wilaya.name_fr == "Tamanrasset"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"phone": "12345"}, "phone"),
        ({"phone": "+33 6 12 34 56 78"}, "phone"),
        ({"preferred_language": "de"}, "preferred_language"),
        ({"wilaya": "not-a-number"}, "wilaya"),
        ({"full_name_arabic": "Amina"}, "full_name_arabic"),
        ({"full_name_latin": "Amina 123"}, "full_name_latin"),
        ({"full_name_latin": "", "full_name_arabic": ""}, "full_name_latin"),
    ],
)
def test_profile_rejects_bad_input_and_keeps_the_old_values(client, member, changes, field):
    data = {
        "full_name_latin": "Amina Benali",
        "full_name_arabic": "أمينة بن علي",
        "phone": "",
        "preferred_language": "",
    }
    data.update(changes)
    response = client.post("/en/accounts/profile/", data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    member.refresh_from_db()
    assert member.full_name_latin == "Amina Benali"


@pytest.mark.django_db
def test_oversize_post_is_refused_early(client, member):
    response = client.post("/en/accounts/profile/", {"association": "x" * 3_000_000})
    assert response.status_code == 400
