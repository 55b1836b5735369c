import pytest
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_my_offline_lessons_is_for_signed_in_people_and_filled_on_the_device(language):
    url = f"/{language}/learning/offline/"
    anonymous = Client().get(url)
    assert (anonymous.status_code, anonymous["Location"].split("?")[0]) == (302, f"/{language}/accounts/login/")
    client = Client()
    client.force_login(UserFactory())
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-saved-lessons" in html and "js/offline_lessons.js" in html
    assert client.post(url).status_code == 405
