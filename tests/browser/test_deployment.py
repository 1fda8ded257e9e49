"""The team deployment as `deploy/run` starts it: two app processes on one store behind nginx (both
answer; a change published in the store reaches a viewer through nginx at the next click). That a
change reaches the viewers of each of two processes: tests/browser/test_collection.py."""

import os
import shutil
import signal
import socket
import subprocess
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from bench.app_server import ROOT, wait_until_answers
from store.collection import Store
from store.roles import Actor
from tests.browser.conftest import Visit
from tests.conftest import POSTGRES, worker_database
from tests.store.conftest import empty

PORTS = (8501, 8502, 8080)
NEW = {
    "id": "deployed-1",
    "section": "justice",
    "title": "Published while both processes ran",
    "summary": "A court.",
    "country": "LBR",
    "source": "A report (2012)",
}


def taken(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def deployment(tmp_path) -> Iterator[Store]:
    if shutil.which("nginx") is None:
        pytest.skip("nginx is not installed (.ci/run installs it)")
    if any(taken(port) for port in PORTS):
        pytest.skip(f"ports {PORTS} are in use: deploy/run serves on them")
    url = worker_database(POSTGRES) if POSTGRES else f"sqlite:///{tmp_path / 'collection.sqlite3'}"
    store = empty(Store(url))
    process = subprocess.Popen(
        ["bash", "deploy/run"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        for port in PORTS:
            wait_until_answers(f"http://127.0.0.1:{port}/_stcore/health")
        yield store
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
        store.engine.dispose()


def test_a_published_change_reaches_viewers_through_nginx(browser, deployment):
    store = deployment
    visit = Visit(browser.new_context().new_page(), "http://127.0.0.1:8080")  # nginx, before both processes
    expect(visit.open().get_by_test_id("count-line")).to_have_text("Showing 9 of 9 examples")
    store.save(Actor("edna", "editor"), NEW, "new")
    store.set_status(
        Actor("rui", "reviewer"), {"deployed-1": store.example("deployed-1").version}, "published", "publish"
    )
    undated = visit.page.get_by_text("Include examples with no stated year")
    undated.click()  # the viewer's next clicks: off and on again
    expect(visit.page.get_by_test_id("count-line")).to_have_text("Showing 6 of 10 examples")
    undated.click()
    expect(visit.page.get_by_test_id("count-line")).to_have_text("Showing 10 of 10 examples")
    visit.page.context.close()
