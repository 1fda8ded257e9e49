"""The first load over a slow link, side by side in one run: the team deployment through nginx
(compressed), one of its app processes directly (Streamlit compresses nothing), and the bare
Streamlit page with one map (``bench/floor_app.py``) served directly. Chromium with DevTools' network
conditions of a slow 4G link (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip); a first visit in
a fresh profile, then a second visit in the same profile. Each: ms until the count line and the
map's land are drawn, and the bytes moved (HTTP bodies and headers as received, plus the WebSocket's
frames). Medians of ROUNDS.

    .venv/bin/python bench/wire.py [ROUNDS]     # needs nginx and the ports of deploy/run (8501, 8502, 8080)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.app_server import start_deployment, stop_app, stop_deployment  # noqa: E402
from bench.run import CHROMIUM_ARGS, LOADED, floor_server, load  # noqa: E402

SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}


def visit(context, url: str) -> tuple[float, int]:
    """One page load over the slow link: ms to the count and the land, and the bytes it moved."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    moved = [0]
    cdp.on("Network.loadingFinished", lambda event: moved.__setitem__(0, moved[0] + int(event["encodedDataLength"])))
    cdp.on("Network.webSocketFrameReceived", lambda event: moved.__setitem__(0, moved[0] + frame_bytes(event)))
    took = load(page, url, LOADED)
    page.close()
    return took, moved[0]


def frame_bytes(event: dict) -> int:
    """A WebSocket frame's payload as sent (binary frames come base64-encoded)."""
    response = event["response"]
    data = response["payloadData"]
    return len(data) * 3 // 4 if response.get("opcode") == 2 else len(data.encode())


def main(rounds: int) -> None:
    with tempfile.TemporaryDirectory(prefix="ppe-wire-") as folder:
        environment = {**os.environ, "DATABASE_URL": f"sqlite:///{folder}/collection.sqlite3"}
        environment.pop("TLS_CERT", None)
        deployment = start_deployment(environment)
        floor, floor_url = floor_server("map", folder)
        targets = {
            "the dashboard through nginx (compressed)": "http://127.0.0.1:8080/",
            "the dashboard from one process (uncompressed)": "http://127.0.0.1:8501/",
            "bare Streamlit page with one map, directly": f"{floor_url}/",
        }
        figures: dict[str, dict[str, list[float]]] = {name: {} for name in targets}
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                for _ in range(rounds):  # round robin, so the machine's drift touches every column alike
                    for name, url in targets.items():
                        context = browser.new_context(viewport={"width": 1280, "height": 720})
                        for which in ("first visit", "second visit"):
                            took, moved = visit(context, url)
                            figures[name].setdefault(f"{which}: ms", []).append(took)
                            figures[name].setdefault(f"{which}: MB", []).append(moved / 1e6)
                        context.close()
                browser.close()
        finally:
            stop_app(floor)
            stop_deployment(deployment)
    columns = list(next(iter(figures.values())))
    print(f"slow 4G (1.6 Mbit/s down, 150 ms), medians of {rounds}")
    print(f"{'':<48}" + "".join(f"{c:>20}" for c in columns))
    for name, values in figures.items():
        print(f"{name:<48}" + "".join(f"{statistics.median(values[c]):>20.2f}" for c in columns))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
