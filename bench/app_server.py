"""Start the dashboard on a free loopback port (for the browser tests and the benchmarks)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answers(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.2)  # polling the address
    raise RuntimeError(f"{url} did not answer within {seconds:.0f} s")


def wait_healthy(url: str, seconds: float = 60) -> None:
    wait_until_answers(f"{url}/_stcore/health", seconds)


def start_app(
    *args: str,
    port: int | None = None,
    script: Path = ROOT / "server.py",
    options: tuple[str, ...] = (),
    database: str | None = None,
) -> tuple[subprocess.Popen, str]:
    """Run ``streamlit run SCRIPT OPTIONS -- ARGS`` (SCRIPT: the dashboard; OPTIONS: Streamlit's, such as
    ``--secrets.files F``) on the store at ``database`` (else this process's ``DATABASE_URL``); return
    the process and its URL once it answers."""
    port = port or free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            *options,
            *(["--", *args] if args else []),
        ],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database} if database else None,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url)
    except RuntimeError:
        process.kill()
        raise
    return process, url


def stop_app(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=10)


def start_deployment(environment: dict[str, str], seconds: float = 120) -> subprocess.Popen:
    """``deploy/run`` (two app processes behind nginx, on 8501, 8502 and 8080) with ``environment``,
    once all three answer; stop it with ``stop_deployment``."""
    process = subprocess.Popen(
        ["bash", "deploy/run"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        for port in (8501, 8502, 8080):
            wait_until_answers(f"http://127.0.0.1:{port}/_stcore/health", seconds)
    except RuntimeError:
        stop_deployment(process)
        raise
    return process


def stop_deployment(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=20)
