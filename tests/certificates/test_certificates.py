import re
import subprocess
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from certificates import services
from certificates.models import Certificate
from certificates.pdf import render_pdf, verification_url
from courses import services as courses
from courses.models import Enrolment
from seminars import services as seminars
from tests.factories import UserFactory, build_course
from tests.factories.seminars import SeminarIndexPageFactory, build_seminar

pytestmark = pytest.mark.django_db


def _soon():
    """A seminar's start that lets people register (until it starts) and be marked present (from an hour before)."""
    return timezone.now() + timedelta(minutes=30)


@pytest.fixture
def learner():
    return UserFactory(full_name_latin="Amina Benali", full_name_arabic="أمينة بن علي", preferred_language="fr")


def test_completing_a_course_issues_one_certificate_and_tells_the_learner(
    catalogues, learner, django_capture_on_commit_callbacks
):
    course, lessons = build_course(catalogues["ar"], lessons=1, title="تسيير جمعية")
    Enrolment.objects.create(user=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        courses.mark_done(learner, lessons[0])
    certificate = Certificate.objects.get(recipient=learner)
    assert certificate.snapshot["name_arabic"] == "أمينة بن علي" and certificate.snapshot["title"] == "تسيير جمعية"
    assert certificate.pdf and len(certificate.public_id) >= 20
    assert [message.to for message in mail.outbox] == [[learner.email]]
    assert certificate.public_id in mail.outbox[0].body
    # The signal again (a retried task): still one certificate, same id.
    with django_capture_on_commit_callbacks(execute=True):
        again, created = services.issue_for_course(learner, course)
    assert not created and again.pk == certificate.pk and Certificate.objects.count() == 1


def test_recorded_attendance_issues_a_seminar_certificate(homes, learner, django_capture_on_commit_callbacks):
    index = SeminarIndexPageFactory(parent=homes["fr"], locale=homes["fr"].locale)
    seminar = build_seminar(index, title="Journée d’étude à Tamanrasset", starts_at=_soon())
    registration = seminars.register(learner, seminar)
    with django_capture_on_commit_callbacks(execute=True):
        seminars.mark_attended(registration)
    certificate = Certificate.objects.get(recipient=learner, kind="seminar")
    assert certificate.snapshot["place_ar"] == "تمنراست" and certificate.snapshot["hours"] == "6.0"


def _pdf_text(data, tmp_path):
    path = tmp_path / "certificate.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return path, text, fonts


def test_the_pdf_keeps_arabic_in_logical_order_embeds_its_fonts_and_its_qr_code_leads_to_the_check(
    catalogues, learner, tmp_path
):
    import zxingcpp
    from PIL import Image

    course = build_course(catalogues["ar"], lessons=0, title="تسيير جمعية (Gestion)")[0]
    certificate, _created = services.issue_for_course(learner, course)
    path, text, fonts = _pdf_text(render_pdf(certificate), tmp_path)
    assert "Amina Benali" in text and "أمينة بن علي" in text and "تسيير جمعية" in text
    assert "المرصد الوطني للمجتمع المدني" in text and certificate.public_id in text
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert rows and all(row[-5] == "yes" for row in rows)  # every font embedded
    assert any("Naskh-Arabic" in row[0] for row in rows)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(path), str(tmp_path / "page")], check=True)
    codes = zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))
    assert [code.text for code in codes] == [verification_url(certificate)]
    assert verification_url(certificate).endswith(f"/verify/{certificate.public_id}/")
    assert "/ar/" not in verification_url(certificate)


def test_without_an_arabic_name_and_with_huge_or_hostile_names_the_pdf_stays_one_page(catalogues, tmp_path):
    odd = UserFactory(full_name_latin=("<b>Zineb</b> " + "Ait-Ouarab" * 40)[:150], full_name_arabic="")
    course = build_course(catalogues["fr"], lessons=0, title="Très " * 50, slug="tres-long")[0]
    certificate, _created = services.issue_for_course(odd, course)
    assert len(certificate.snapshot["name_latin"]) <= 120 and len(certificate.snapshot["title"]) <= 200
    path, text, _fonts = _pdf_text(render_pdf(certificate), tmp_path)
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", pages, re.MULTILINE)
    assert "<b>Zineb</b>" in text  # shown as text, not markup
    assert text.count("Zineb") == 2  # the Latin name stands in for the missing Arabic one


def test_the_verification_page_says_valid_or_revoked_and_reveals_nothing_else(catalogues, learner, client):
    course = build_course(catalogues["fr"], lessons=0, title="Écrire un projet")[0]
    certificate, _created = services.issue_for_course(learner, course)
    url = f"/fr/verify/{certificate.public_id}/"
    page = client.get(url).content.decode()
    assert 'data-certificate-status="valid"' in page and "Amina Benali" in page and learner.email not in page
    assert client.get(f"/verify/{certificate.public_id}/", follow=True).status_code == 200  # the QR's address
    admin = UserFactory(groups=["Observatory admins"])
    assert services.revoke(certificate, admin, "Obtenu par erreur") and not services.revoke(certificate, admin, "x")
    page = client.get(url).content.decode()
    assert 'data-certificate-status="revoked"' in page and "Obtenu par erreur" in page
    last = "y" if certificate.public_id.endswith("x") else "x"  # the random id may end with "x" itself
    for forged in (certificate.public_id[:-1] + last, certificate.public_id[:10], "../../etc/passwd", "a" * 40):
        assert client.get(f"/fr/verify/{forged}/").status_code == 404


def test_verification_is_rate_limited(client):
    statuses = [client.get("/fr/verify/AAAAAAAAAAAAAAAAAAAA/").status_code for _ in range(35)]
    assert statuses[:30] == [404] * 30 and statuses[-1] == 429


def test_only_the_holder_downloads_the_pdf(catalogues, learner, client, django_capture_on_commit_callbacks):
    course = build_course(catalogues["fr"], lessons=0)[0]
    with django_capture_on_commit_callbacks(execute=True):
        certificate, _created = services.issue_for_course(learner, course)
    client.force_login(learner)
    assert certificate.public_id in client.get("/fr/certificates/").content.decode()
    response = client.get(f"/fr/certificates/{certificate.public_id}.pdf")
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(UserFactory())
    assert client.get(f"/fr/certificates/{certificate.public_id}.pdf").status_code == 404
    client.logout()
    assert client.get(f"/fr/certificates/{certificate.public_id}.pdf").status_code == 302


def test_reissue_keeps_the_id_and_takes_the_corrected_name(catalogues, learner, django_capture_on_commit_callbacks):
    course = build_course(catalogues["fr"], lessons=0)[0]
    with django_capture_on_commit_callbacks(execute=True):
        certificate, _created = services.issue_for_course(learner, course)
    old_pdf = Certificate.objects.get().pdf.name
    learner.full_name_latin = "Amina Benali-Saidi"
    learner.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.refresh(certificate)
    refreshed = Certificate.objects.get()
    assert refreshed.public_id == certificate.public_id and refreshed.snapshot["name_latin"] == "Amina Benali-Saidi"
    assert refreshed.pdf.name != old_pdf and not refreshed.pdf.storage.exists(old_pdf)
    assert refreshed.issued_at < timezone.now() + timedelta(seconds=1)


def test_admins_revoke_reissue_and_issue_in_bulk_from_the_admin(homes, client, django_capture_on_commit_callbacks):
    index = SeminarIndexPageFactory(parent=homes["fr"], locale=homes["fr"].locale)
    seminar = build_seminar(index, starts_at=_soon())
    people = [UserFactory() for _ in range(3)]
    for person in people:
        registration = seminars.register(person, seminar)
        seminars.mark_attended(registration)  # on_commit callbacks not run: no certificate yet
    admin = UserFactory(groups=["Observatory admins"])
    client.force_login(admin)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/certificates/seminar/{seminar.pk}/issue/")
    assert response.status_code == 302 and Certificate.objects.count() == 3
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/certificates/seminar/{seminar.pk}/issue/")  # twice: still one each
    assert Certificate.objects.count() == 3
    certificate = Certificate.objects.first()
    assert client.get("/admin/snippets/certificates/certificate/").status_code == 200
    page = client.get(f"/admin/certificates/{certificate.public_id}/")
    assert page.status_code == 200 and certificate.recipient.email in page.content.decode()
    client.post(f"/admin/certificates/{certificate.public_id}/revoke/", {"reason": ""})
    assert not Certificate.objects.get(pk=certificate.pk).is_revoked  # a reason is required
    client.post(f"/admin/certificates/{certificate.public_id}/revoke/", {"reason": "Identité usurpée"})
    assert Certificate.objects.get(pk=certificate.pk).revoked_by == admin
    trainer = UserFactory(groups=["Trainers"])
    client.force_login(trainer)
    for url in (
        f"/admin/certificates/{certificate.public_id}/",
        f"/admin/certificates/seminar/{seminar.pk}/issue/",
        f"/admin/certificates/{certificate.public_id}/reissue/",
    ):
        response = client.post(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url  # Wagtail's refusal
    assert Certificate.objects.count() == 3


def test_a_design_sets_headings_signatory_and_logo_and_admins_preview_it(catalogues, learner, client, tmp_path):
    from django.core.exceptions import ValidationError
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from certificates.models import CertificateDesign

    logo = Image.objects.create(title="Logo", file=get_test_image_file(colour="green"))
    design = CertificateDesign.objects.create(
        name="Cours 2027",
        kind="course",
        accent="#123456",
        heading_fr="Attestation de formation",
        heading_ar="إفادة تكوين",
        signatory_name="Nadia Saidi",
        signatory_title="Présidente de l'Observatoire",
        logo=logo,
    )
    course = build_course(catalogues["fr"], lessons=0)[0]
    certificate, _created = services.issue_for_course(learner, course)
    path, text, _fonts = _pdf_text(render_pdf(certificate), tmp_path)
    assert "Attestation de formation" in text and "إفادة تكوين" in text and "Nadia Saidi" in text
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    assert [line.split()[2] for line in images.splitlines()[2:]].count("image") == 1  # the logo is in the PDF
    design.accent = "red;} body{display:none"
    with pytest.raises(ValidationError):
        design.full_clean()

    admin = UserFactory(groups=["Observatory admins"])
    client.force_login(admin)
    preview = client.get(f"/admin/certificates/designs/{design.pk}/preview.pdf")
    assert preview.status_code == 200 and preview.content.startswith(b"%PDF")
    assert client.get("/admin/snippets/certificates/certificatedesign/").status_code == 200
    client.force_login(UserFactory(groups=["Trainers"]))
    response = client.get(f"/admin/certificates/designs/{design.pk}/preview.pdf")
    assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail's refusal


def test_tifinagh_titles_render_with_an_embedded_tifinagh_font(catalogues, learner, tmp_path):
    course = build_course(catalogues["fr"], lessons=0, title="ⵜⴰⵎⴰⵣⵉⵖⵜ · Tamazight pour les associations")[0]
    certificate, _created = services.issue_for_course(learner, course)
    _path, text, fonts = _pdf_text(render_pdf(certificate), tmp_path)
    assert "ⵜⴰⵎⴰⵣⵉⵖⵜ" in text
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert any("Tifinagh" in row[0] and row[-5] == "yes" for row in rows)


def test_a_bulk_batch_survives_one_failure_and_its_retry_finishes_without_repeating(homes, monkeypatch):
    from certificates import pdf, tasks

    index = SeminarIndexPageFactory(parent=homes["fr"], locale=homes["fr"].locale)
    seminar = build_seminar(index, starts_at=_soon())
    people = [UserFactory(full_name_latin=name) for name in ("Ok Un", "Casse Tout", "Ok Deux")]
    registrations = []
    for person in people:
        registration = seminars.register(person, seminar)
        seminars.mark_attended(registration)
        registrations.append(registration.pk)
    real_render = pdf.render_pdf

    def failing_render(certificate, design=None):
        if certificate.snapshot["name_latin"] == "Casse Tout":
            raise OSError("disk full")
        return real_render(certificate, design)

    monkeypatch.setattr(pdf, "render_pdf", failing_render)
    with pytest.raises(RuntimeError, match="1 of 3"):
        tasks.issue_attendance_batch(registrations)
    assert sorted(bool(c.pdf) for c in Certificate.objects.all()) == [False, True, True]
    assert len(mail.outbox) == 2
    monkeypatch.setattr(pdf, "render_pdf", real_render)
    assert tasks.issue_attendance_batch(registrations) == 3  # the retry
    assert all(c.pdf for c in Certificate.objects.all()) and Certificate.objects.count() == 3
    assert sorted(message.to[0] for message in mail.outbox) == sorted(person.email for person in people)
    tasks.render_and_notify(Certificate.objects.first().pk)  # a second rendering (a race, a re-issue)
    assert len(mail.outbox) == 3
