"""A trainee finishes a demo course with its quiz, gets the certificate, checks it; an admin revokes it."""

import base64
import gzip
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.utils import timezone
from joserfc import jwt
from joserfc.jwk import KeySet
from playwright.sync_api import expect

from accounts.models import User
from certificates.models import Certificate
from courses.models import CoursePage, Enrolment, LessonPage, LessonProgress
from quizzes.models import Question
from tests.browser.conftest import log_in as browser_log_in
from tests.browser.test_quiz_journey import answer

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("restored_db"),
    pytest.mark.filterwarnings("ignore::joserfc.errors.SecurityWarning"),
]


def log_in(page, base, email, password):
    browser_log_in(page, base, email, password, "fr", landing="/fr/")


def test_trainee_earns_checks_and_loses_a_certificate(live_server, browser, page, artifacts, csp_violations):
    call_command("seed_demo", verbosity=0)
    course = CoursePage.objects.get(slug="project-writing-for-funding")
    trainee = User.objects.get(email="trainee@tadrib.dz")
    Enrolment.objects.create(user=trainee, course=course)
    for lesson in LessonPage.objects.live().descendant_of(course):  # the lessons were read earlier
        LessonProgress.objects.create(user=trainee, lesson=lesson, completed_at=timezone.now())
    base = live_server.url
    log_in(page, base, "trainee@tadrib.dz", "Tadrib-Trainee-2026")
    page.goto(base + course.url)
    page.locator(".syllabus__item--activity a").click()
    page.locator("form[action$='/start/'] button").click()
    page.wait_for_url(re.compile(r".*/quizzes/attempts/\d+/$"))
    fieldsets = page.locator("fieldset.question")
    for index in range(fieldsets.count()):
        fieldset = fieldsets.nth(index)
        answer(fieldset, Question.objects.get(pk=int(fieldset.locator("input[name=shown]").get_attribute("value"))))
    page.locator("[data-submit]").click()
    page.wait_for_url(re.compile(r".*/result/$"))

    certificate = Certificate.objects.get(recipient=trainee)
    page.get_by_role("link", name="Mes certificats").click()
    for _ in range(60):  # the worker renders the PDF in the background: "being prepared", then the link
        if page.get_by_role("link", name="Télécharger le PDF").count():
            break
        page.wait_for_timeout(500)
        page.reload()
    pdf = page.request.get(base + page.get_by_role("link", name="Télécharger le PDF").get_attribute("href"))
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
    copy = page.locator("button[data-copy]")  # shown by the script where the clipboard can be written
    expect(copy).to_be_visible()  # waits for the deferred script, which may run after the load event
    assert copy.get_attribute("data-copy").endswith(f"/verify/{certificate.public_id}/")
    with page.expect_download() as download:
        page.locator(f"a[href$='{certificate.public_id}.jwt']").click()
    token = Path(download.value.path()).read_text()
    published = KeySet.import_key_set(page.request.get(base + "/credentials/jwks.json").json())
    claims = jwt.decode(token, published, algorithms=["EdDSA"]).claims
    assert claims["type"][-1] == "OpenBadgeCredential" and claims["jti"].endswith(f"/verify/{certificate.public_id}/")
    page.get_by_role("link", name="Lien de vérification").click()
    assert page.locator("[data-certificate-status=valid]").is_visible()
    page.screenshot(path=str(artifacts / "certificate-valid.png"), full_page=True)
    assert csp_violations == []

    admin_context = browser.new_context(locale="fr-DZ")
    admin = admin_context.new_page()
    log_in(admin, base, "admin@tadrib.dz", "Tadrib-Admin-2026")
    admin.goto(f"{base}/admin/certificates/{certificate.public_id}/")
    admin.fill("#revoke-reason", "Délivré par erreur")
    admin.locator("form[action$='/revoke/'] button").click()
    admin_context.close()

    page.reload()
    assert page.locator("[data-certificate-status=revoked]").is_visible()
    assert "Délivré par erreur" in page.content()
    status = claims["credentialStatus"]
    status_list = page.request.get(base + urlsplit(status["statusListCredential"]).path).text()
    encoded = jwt.decode(status_list, published, algorithms=["EdDSA"]).claims["credentialSubject"]["encodedList"]
    bits = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    index = int(status["statusListIndex"])
    assert bits[index // 8] & (0x80 >> (index % 8))  # verifiers now read it as revoked
