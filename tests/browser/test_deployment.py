"""The team deployment as `deploy/run` starts it: two app processes on one store behind nginx (both
answer; a change published in the store reaches a viewer through nginx at the next click). That a
change reaches the viewers of each of two processes: tests/browser/test_collection.py."""

import os
import re
import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from bench.app_server import ROOT, start_deployment, stop_deployment
from store.collection import Store
from store.roles import Actor
from tests.browser.conftest import Visit
from tests.conftest import POSTGRES, worker_database
from tests.store.conftest import empty

PORTS = (8501, 8502, 8080, 8443)
PLAIN = "http://127.0.0.1:8080"
HEADERS = {
    "content-security-policy": "frame-ancestors 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "SAMEORIGIN",
}
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


@pytest.fixture(scope="module")
def deployment(tmp_path_factory) -> Iterator[tuple[Store, Path]]:
    tmp_path = tmp_path_factory.mktemp("deployment")
    if shutil.which("nginx") is None:
        pytest.skip("nginx is not installed (.ci/run installs it)")
    if any(taken(port) for port in PORTS):
        pytest.skip(f"ports {PORTS} are in use: deploy/run serves on them")
    url = worker_database(POSTGRES) if POSTGRES else f"sqlite:///{tmp_path / 'collection.sqlite3'}"
    store = empty(Store(url))
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"  # a self-signed certificate for the TLS recipe
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    environment = {**os.environ, "DATABASE_URL": url, "TLS_CERT": str(cert), "TLS_KEY": str(key)}
    environment.pop("COOKIE_SECRET", None)
    process = start_deployment(environment, seconds=60)
    try:
        yield store, cert
    finally:
        stop_deployment(process)
        store.engine.dispose()


def replicas_secrets() -> set[str]:
    """The cookie secret each app process of the deployment was started with."""
    found = set()
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            variables = dict(v.split("=", 1) for v in environ.read_text().split("\0") if "=" in v)
            command = (environ.parent / "cmdline").read_text()
        except OSError:
            continue
        if "streamlit" in command and "--server.port\x00850" in command and variables.get("DATABASE_URL"):
            found.add(variables.get("STREAMLIT_SERVER_COOKIE_SECRET", ""))
    return found


def test_nginx_sends_security_headers_limits_uploads_logs_and_serves_tls(deployment):
    _, cert = deployment
    plain = httpx.get("http://127.0.0.1:8080/")
    secure = httpx.get("https://127.0.0.1:8443/", verify=ssl.create_default_context(cafile=str(cert)))
    for response in (plain, secure):
        assert response.status_code == 200
        assert {name: response.headers.get(name) for name in HEADERS} == HEADERS
    assert secure.headers["strict-transport-security"] == "max-age=31536000"
    assert "server" not in plain.headers or "/" not in plain.headers["server"]  # no version given away
    too_big = httpx.put("http://127.0.0.1:8080/_stcore/upload_file/x/y", content=b"x" * (7 * 1024 * 1024))
    assert too_big.status_code == 413
    with ThreadPoolExecutor(20) as pool:  # 20 at once from one address: 2 a second, a burst of 10
        uploads = list(pool.map(lambda _: httpx.put(f"{PLAIN}/_stcore/upload_file/x/y", content=b"x"), range(20)))
    assert 429 in [response.status_code for response in uploads]
    assert 'GET / HTTP/1.1" 200' in (ROOT / "deploy" / "tmp" / "access.log").read_text()
    secrets = replicas_secrets()
    assert len(secrets) == 1 and len(next(iter(secrets))) >= 32  # one secret, shared by both replicas
    assert (ROOT / "deploy" / "tmp" / "cookie_secret").stat().st_mode & 0o777 == 0o600


def on_the_wire(url: str, encoding: str) -> tuple[int, bytes, str]:
    """The bytes a response moves when the client accepts ``encoding``, its body, its encoding."""
    with httpx.stream("GET", url, headers={"Accept-Encoding": encoding}) as response:
        body = response.read()
        return response.num_bytes_downloaded, body, response.headers.get("content-encoding", "")


def test_nginx_compresses_the_scripts_the_styles_and_the_map_on_the_wire(deployment):
    page = httpx.get(f"{PLAIN}/").text
    script = re.search(r'src="\./(static/js/index\.[^"]+\.js)"', page).group(1)
    style = re.search(r'href="\./(static/css/index\.[^"]+\.css)"', page).group(1)
    for path in (script, style, "app/static/topojson/world_110m.json"):
        plain, direct, _ = on_the_wire(f"http://127.0.0.1:8501/{path}", "identity")
        zipped, body, encoding = on_the_wire(f"{PLAIN}/{path}", "gzip")
        assert (encoding, body) == ("gzip", direct), path  # the same file, compressed
        assert zipped < 0.45 * plain, (path, zipped, plain)
        smaller, body, encoding = on_the_wire(f"{PLAIN}/{path}", "gzip, br")
        assert (encoding, body) == ("br", direct), path  # Brotli, where the browser takes it
        assert smaller < zipped, (path, smaller, zipped)
    assert on_the_wire(f"{PLAIN}/{script}", "identity")[2] == ""  # a client that cannot unzip gets it plain
    # from disk once deploy/precompress.py has copied it, from a replica before: the same headers
    served = httpx.get(f"{PLAIN}/{script}")
    assert "javascript" in served.headers["content-type"]
    assert {name: served.headers.get(name) for name in HEADERS} == HEADERS
    assert "max-age=31536000" in served.headers["cache-control"]  # a year or more: a hashed name never changes


def test_a_published_change_reaches_viewers_through_nginx(browser, deployment):
    store, _ = deployment
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
