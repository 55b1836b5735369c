import pytest

from .processes import WebServer, shared_environment


@pytest.fixture
def start_web_servers(restored_db, tmp_path):
    """start_web_servers(2) -> two gunicorn processes on what the test wrote so far; stopped and reaped after."""
    started = []

    def start(count):
        env = shared_environment(tmp_path)
        servers = [WebServer(env, tmp_path / f"server-{number}.log") for number in range(count)]
        started.extend(servers)
        for server in servers:
            server.wait_until_ready()
        return servers

    yield start
    for server in started:
        server.stop()
