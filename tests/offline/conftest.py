import pytest

from offline import shell


@pytest.fixture(autouse=True)
def fresh_service_worker():
    """Tests change what the worker is made of (storages, pages); each starts with nothing rendered."""
    shell.forget_rendered_service_worker()
    yield
    shell.forget_rendered_service_worker()
