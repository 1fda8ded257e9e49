"""What one run of the explore view costs the server, one viewer at a time (no queueing, warm caches).

    python bench/run_cost.py [--examples 600] [--sessions 40] [--runs 200]

A store of the curated examples and ``--examples`` synthetic ones on one app process; ``--sessions`` new
sessions each load the page (the first screen's run, then the whole page's); then one session changes
the section filter ``--runs`` times among the single sections (each state's views made already, so what
is left is a run's own work). Prints the app process's CPU per run of each kind, and a change's wall time.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

import websockets

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.app_server import start_app, stop_app  # noqa: E402
from bench.live_load import cpu_seconds  # noqa: E402
from bench.viewers import Viewer, prepared_store  # noqa: E402


async def measure(base: str, pid: int, dataset, sessions: int, runs: int) -> None:
    stream = base.replace("http", "ws", 1) + "/_stcore/stream"
    first = whole = 0.0
    for number in range(sessions + 5):  # the first five warm the process
        async with websockets.connect(stream, subprotocols=["streamlit"], max_size=None) as socket:
            viewer = Viewer(socket, dataset)
            began = cpu_seconds(pid)
            await viewer.run(query="")
            middle = cpu_seconds(pid)
            button, fragment = viewer.clicked("rest_of_page_button")
            await viewer.run([button], fragment)
            if number >= 5:
                first, whole = first + middle - began, whole + cpu_seconds(pid) - middle
    sections = list(dataset.section_names)
    async with websockets.connect(stream, subprotocols=["streamlit"], max_size=None) as socket:
        viewer = Viewer(socket, dataset)
        await viewer.run(query="")
        button, fragment = viewer.clicked("rest_of_page_button")
        await viewer.run([button], fragment)
        for number in range(2 * len(sections)):  # every state's views made once
            await viewer.run([viewer.choose("section", [sections[number % len(sections)]])])
        began, wall = cpu_seconds(pid), time.perf_counter()
        for number in range(runs):
            await viewer.run([viewer.choose("section", [sections[number % len(sections)]])])
        change, wall = cpu_seconds(pid) - began, time.perf_counter() - wall
    print(f"first screen: {1000 * first / sessions:.1f} ms of app CPU a run")
    print(f"whole page: {1000 * whole / sessions:.1f} ms of app CPU a run")
    cost, took = 1000 * change / runs, 1000 * wall / runs
    print(f"a filter change, its views made already: {cost:.1f} ms of app CPU, {took:.1f} ms wall")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=600)
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ppe-run-cost-") as folder:
        url = f"sqlite:///{Path(folder) / 'collection.sqlite3'}"
        dataset = prepared_store(url, Path(folder), args.examples)
        process, base = start_app(database=url)
        try:
            asyncio.run(measure(base, process.pid, dataset, args.sessions, args.runs))
        finally:
            stop_app(process)
    return 0


if __name__ == "__main__":
    sys.exit(main())
