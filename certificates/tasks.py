"""Background work (django-q2): issue on events, render the PDF, tell the recipient. Safe to run twice."""

from django.core.files.base import ContentFile

from .models import Certificate


def issue_course(user_id, course_id):
    from courses.enums import EnrolmentStatus
    from courses.models import CoursePage, Enrolment

    from .services import issue_for_course

    enrolment = (
        Enrolment.objects.filter(user_id=user_id, course_id=course_id, status=EnrolmentStatus.COMPLETED)
        .select_related("user")
        .first()
    )
    course = CoursePage.objects.filter(pk=course_id).first()
    if enrolment is None or course is None:
        return None
    return issue_for_course(enrolment.user, course)[0].pk


def issue_attendance(registration_id):
    from seminars.enums import RegistrationStatus
    from seminars.models import Registration

    from .services import issue_for_attendance

    registration = (
        Registration.objects.filter(pk=registration_id, status=RegistrationStatus.ATTENDED)
        .select_related("user", "seminar")
        .first()
    )
    if registration is None:
        return None
    return issue_for_attendance(registration)[0].pk


def render_and_notify(certificate_id):
    from .notices import certificate_ready
    from .pdf import render_pdf

    certificate = Certificate.objects.select_related("recipient").filter(pk=certificate_id).first()
    if certificate is None:
        return
    first_time = not certificate.pdf
    old = certificate.pdf.name
    certificate.pdf.save("certificate.pdf", ContentFile(render_pdf(certificate)), save=False)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    if old:
        certificate.pdf.storage.delete(old)
    if first_time and not certificate.is_revoked:
        certificate_ready(certificate)
    return certificate.pdf.name
