"""`make bench` (certificates): bulk issuance for one seminar, and the verification page under load.

Issuance: BENCH_CERTIFICATES (500) people attended a demo seminar; an Observatory admin presses "issue to all
attendees" (the real admin view, through the test client). A django-q2 cluster with the default two workers,
on the same two cores, issues each certificate, renders its PDF and mails the holder. We time from the press to
the last PDF stored: certificates per second. Baselines from the same run: WeasyPrint alone rendering the same
certificate in one process, and the parts of one certificate's work timed one by one (where the time goes).

Verification: gunicorn (production settings, 5 workers) and wrk on /fr/verify/<id>/ beside the bare Django view
(the rate limit is lifted for the run): requests/s, the ratio, and latency percentiles.

Profile: embedded (SQLite, ORM broker) by default; BENCH_CERT_PROFILE=scale runs on PostgreSQL + Redis.
"""

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import time

from bench.run import BARE, BASE_DIR, PY, WORK, environment, free_port, manage, wait_until_up

COUNT = int(os.environ.get("BENCH_CERTIFICATES", "500"))
PROFILE = os.environ.get("BENCH_CERT_PROFILE", "embedded")
DATABASE = os.environ.get("BENCH_CERT_DATABASE", "postgres://postgres@127.0.0.1:5432/tadrib_bench_certificates")
REDIS = os.environ.get("BENCH_CERT_REDIS", "redis://127.0.0.1:6379/14")
TIMEOUT = 900


def bench_environment():
    env = environment()
    env.update({"Q_WORKERS": "2", "CERTIFICATE_VERIFICATIONS_PER_MINUTE": "100000000"})
    if PROFILE == "scale":
        import psycopg
        import redis

        name = DATABASE.rsplit("/", 1)[1]
        with psycopg.connect(DATABASE.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
        redis.Redis.from_url(REDIS).flushdb()
        env.update({"DATABASE_URL": DATABASE, "REDIS_URL": REDIS})
    return env


def attendees():
    """COUNT members, present at one demo seminar; no certificate yet (the signal is not involved)."""
    from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX

    from accounts.models import User
    from seminars.enums import RegistrationStatus
    from seminars.models import Registration, SeminarPage

    seminar = SeminarPage.objects.filter(locale__language_code="fr").order_by("starts_at").first()
    people = User.objects.bulk_create(
        User(
            email=f"membre{number}@bench.tadrib.dz",
            full_name_latin=f"Membre Numéro {number} Ait-Benali",
            full_name_arabic=f"العضو رقم {number} آيت بن علي",
            password=UNUSABLE_PASSWORD_PREFIX,
        )
        for number in range(COUNT)
    )
    Registration.objects.bulk_create(
        Registration(seminar=seminar, user=person, status=RegistrationStatus.ATTENDED) for person in people
    )
    return seminar


def purge_queue():
    """seed_demo queued its own work (videos): the cluster must run only the certificates."""
    from django_q.brokers import get_broker

    get_broker().purge_queue()


def where_the_time_goes(seminar, samples=10):
    """One certificate's work, part by part, in this process: issuing (database), PDF, mail."""
    from django.db import transaction

    from certificates import credentials, notices, pdf, services
    from seminars.enums import RegistrationStatus
    from seminars.models import Registration

    registrations = list(
        Registration.objects.filter(seminar=seminar, status=RegistrationStatus.ATTENDED).select_related("user")[
            :samples
        ]
    )
    parts = {"issue (database)": 0.0, "PDF (WeasyPrint)": 0.0, "mail": 0.0, "credential (sign)": 0.0}
    pdf.render_pdf(services.issue_for_attendance(registrations[0])[0])  # warm the fonts
    certificates = []
    for registration in registrations:
        started = time.perf_counter()
        with transaction.atomic():
            certificate = services.issue_for_attendance(registration)[0]
        parts["issue (database)"] += time.perf_counter() - started
        certificates.append(certificate)
        started = time.perf_counter()
        pdf.render_pdf(certificate)
        parts["PDF (WeasyPrint)"] += time.perf_counter() - started
        started = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):  # the console mail backend of the embedded profile
            notices.certificate_ready(certificate)
        parts["mail"] += time.perf_counter() - started
        started = time.perf_counter()
        credentials.signed_credential(certificate)
        parts["credential (sign)"] += time.perf_counter() - started
    return {name: total / len(registrations) for name, total in parts.items()}, certificates


def issue_and_wait(seminar):
    from django.test import Client

    from accounts.models import User
    from certificates.models import Certificate

    admin = User.objects.get(email="admin@tadrib.dz")
    client = Client()
    client.force_login(admin)
    started = time.monotonic()
    response = client.post(f"/admin/certificates/seminar/{seminar.pk}/issue/", secure=True)
    if response.status_code != 302:
        raise SystemExit(f"the admin action answered {response.status_code}")
    pressed = time.monotonic() - started
    first = None
    while time.monotonic() - started < TIMEOUT:
        ready = Certificate.objects.filter(seminar=seminar).exclude(pdf="").count()
        if ready and first is None:
            first = time.monotonic() - started
        if ready >= COUNT:
            return pressed, first, time.monotonic() - started
        time.sleep(0.25)
    raise SystemExit(f"only {ready} of {COUNT} certificates were ready after {TIMEOUT}s")


def wrk(url, connections=16, duration="8s"):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}", "--latency", "-H", "X-Forwarded-Proto: https", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in output:
        raise SystemExit(f"{url} answered errors under load:\n{output}")

    def latency(percent):
        value, unit = re.search(rf"\s{percent}%\s+([\d.]+)(us|ms|s)", output).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return rate, latency(50), latency(99)


def verification_under_load(env, public_id):
    port = free_port()
    command = [PY, "-m", "gunicorn", "bench.wsgi", "--workers", "5", "--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen([*command, "--log-level", "warning"], cwd=BASE_DIR, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + BARE)
        wait_until_up(f"{base}/fr/verify/{public_id}/")
        bare = wrk(base + BARE)
        verify = wrk(f"{base}/fr/verify/{public_id}/")
        status = wrk(f"{base}/credentials/status/0")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return bare, verify, status


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk (make bench does it where it can)")
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    env = bench_environment()
    print(f"Preparing the {PROFILE} profile: demo content and {COUNT} attendees ...")
    manage(env, "migrate", "--noinput")
    manage(env, "credential_keys", "--create")
    manage(env, "seed_demo")
    manage(env, "collectstatic", "--noinput")
    os.environ.update(env)
    import django

    django.setup()
    seminar = attendees()
    purge_queue()

    parts, samples = where_the_time_goes(seminar)
    from certificates.models import Certificate

    Certificate.objects.filter(pk__in=[certificate.pk for certificate in samples]).delete()
    from certificates.pdf import render_pdf

    alone = time.perf_counter()
    for _ in range(10):
        render_pdf(samples[0])
    weasyprint_alone = 10 / (time.perf_counter() - alone)

    log = (WORK / "qcluster.log").open("w")
    cluster = subprocess.Popen([PY, "manage.py", "qcluster"], cwd=BASE_DIR, env=env, stdout=log, stderr=log)
    try:
        time.sleep(4)  # the cluster's workers start
        pressed, first, total = issue_and_wait(seminar)
    finally:
        cluster.terminate()
        cluster.wait(timeout=60)
    rate = COUNT / total
    certificate = Certificate.objects.filter(seminar=seminar).first()
    bare, verify, status = verification_under_load(env, certificate.public_id)

    print(f"\nBulk issuance, {COUNT} seminar certificates, {PROFILE} profile, cluster of 2 workers on this machine:")
    print(f"  admin action answered in {pressed:.2f}s; first PDF after {first:.1f}s; all after {total:.1f}s")
    print(f"  {rate:.1f} certificates/s  (goal >= 10/s)")
    print(
        f"  WeasyPrint alone, one process: {weasyprint_alone:.1f} PDF/s  -> cluster / WeasyPrint alone = "
        f"{rate / weasyprint_alone:.2f}"
    )
    print("  one certificate, part by part (mean of 10, in one process):")
    for name, seconds in parts.items():
        print(f"    {name:<20} {seconds * 1000:7.1f} ms")
    print("\nVerification (wrk, 16 connections, gunicorn 5 workers):")
    print(f"  {'page':<22} {'req/s':>7} {'/bare':>6} {'p50 ms':>7} {'p99 ms':>7}")
    for name, (requests, p50, p99) in (
        ("bare Django view", bare),
        ("/fr/verify/<id>/", verify),
        ("status list (signed)", status),
    ):
        print(f"  {name:<22} {requests:>7.0f} {requests / bare[0]:>6.3f} {p50:>7.1f} {p99:>7.1f}")


if __name__ == "__main__":
    sys.exit(main())
