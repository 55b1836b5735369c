import os

import pytest
from django.apps import apps
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from news.models import NewsIndexPage

from .core.processes import WebServer, shared_environment
from .factories import CourseIndexPageFactory, NewsIndexPageFactory

LANGUAGES = ["ar", "fr", "en"]
SNAPSHOT = {}  # the database as migrations and build_site_tree() leave it, for transactional tests


def build_site_tree():
    """The skeleton every test reads: a home page, a news index and a course catalogue in each language."""
    ar_home = Site.objects.get(is_default_site=True).root_page.specific
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    root = Page.get_first_root_node()
    ar_news = NewsIndexPageFactory(parent=ar_home, title="الأخبار", locale=locales["ar"])
    for code in ["fr", "en"]:
        home = HomePage(
            title=f"Tadrib {code}", slug=f"home-{code}", locale=locales[code], translation_key=ar_home.translation_key
        )
        root.add_child(instance=home)
        NewsIndexPageFactory(
            parent=home, title=f"News {code}", locale=locales[code], translation_key=ar_news.translation_key
        )
    ar_courses = CourseIndexPageFactory(parent=ar_home, title="الدورات", locale=locales["ar"])
    for code in ["fr", "en"]:
        CourseIndexPageFactory(
            parent=HomePage.objects.get(locale=locales[code]),
            title=f"Courses {code}",
            locale=locales[code],
            translation_key=ar_courses.translation_key,
        )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        build_site_tree()
        SNAPSHOT["default"] = connection.creation.serialize_db_to_string()


@pytest.fixture(scope="session", autouse=True)
def s3_bucket():
    """In the scale-out profile the tests write media to the (local) S3 endpoint: make the bucket."""
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME")
    if bucket:
        import boto3

        client = boto3.client(
            "s3",
            endpoint_url=os.environ.get("AWS_S3_ENDPOINT_URL"),
            region_name=os.environ.get("AWS_S3_REGION_NAME", "us-east-1"),
        )
        existing = {b["Name"] for b in client.list_buckets().get("Buckets", [])}
        if bucket not in existing:
            client.create_bucket(Bucket=bucket)
    return bucket


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")  # FileSystemStorage follows the setting change
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def video_scratch(tmp_path, settings):
    settings.VIDEO_SCRATCH_DIR = tmp_path / "video-scratch"
    return settings.VIDEO_SCRATCH_DIR


@pytest.fixture(autouse=True)
def fresh_cache(request, django_db_blocker):
    """Every test starts with an empty cache: in the embedded profile a table of the test database."""
    uses_database = request.node.get_closest_marker("django_db") or "django_db_setup" in request.fixturenames
    if isinstance(caches["default"], DatabaseCache) and not uses_database:
        return  # no database for this test, so no cache it could reach
    if uses_database:
        request.getfixturevalue("django_db_setup")
    with django_db_blocker.unblock():
        cache.clear()


@pytest.fixture
def homes(db):
    return {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}


@pytest.fixture
def news_indexes(db):
    return {page.locale.language_code: page for page in NewsIndexPage.objects.select_related("locale")}


def pytest_collection_modifyitems(config, items):
    # The journeys need Debian's chromium; outside CI a machine without it skips them, in CI it fails.
    if os.path.exists("/usr/bin/chromium") or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason="/usr/bin/chromium is not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def catalogues(db):
    from courses.models import CourseIndexPage

    return {page.locale.language_code: page for page in CourseIndexPage.objects.select_related("locale")}


@pytest.fixture
def restored_db(transactional_db):
    """A transactional test's database: flushed by the previous one, so loaded again from the snapshot.

    (Django's serialized_rollback keeps its copy on the thread's connection object, which Playwright's
    event loop does not always see; this copy lives here.)
    """
    if not Site.objects.exists():
        # The flush after the previous test re-ran post_migrate (content types, locales): start clean.
        call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(SNAPSHOT["default"])
        # Rows came back with their ids: move PostgreSQL's sequences past them.
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(statement)


@pytest.fixture
def start_web_servers(restored_db, tmp_path):
    """start_web_servers(2) -> two gunicorn processes on what the test wrote so far (in the environment given, or
    shared_environment's); stopped and reaped after."""
    started = []

    def start(count, env=None):
        env = env or shared_environment(tmp_path)
        servers = [WebServer(env, tmp_path / f"server-{number}.log") for number in range(count)]
        started.extend(servers)
        for server in servers:
            server.wait_until_ready()
        return servers

    yield start
    for server in started:
        server.stop()


@pytest.fixture(autouse=True)
def english_outside_requests():
    """Code run outside a request (services, tasks) speaks English in tests, whatever ran before."""
    with translation.override("en"):
        yield
