"""A publish at scale: with N examples in the store, how long until every app process shows it.

    python bench/load.py --publish                      # 100,000 examples, deploy/run's two processes
    python bench/load.py --publish --examples 1000      # the short form CI runs

The store gets N synthetic examples beside the curated ones, published; ``deploy/run`` serves it. A viewer
on each process (straight to its port, bench/viewers.py) loads the page; then a reviewer publishes one new
example (``Store.import_frame`` and ``publish_all``, as the editor's desk does) and each viewer clicks again
(a rerun of its page every 0.2 s) until its count line has the new total. Prints, per process, the seconds
from the publish's commit until its viewer saw it, and the process's memory before and after. Exit status
1 when a process never showed the change.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from pathlib import Path

import websockets

from bench.app_server import start_deployment, stop_deployment
from bench.live_load import resident_mb
from bench.synthetic import publish_examples
from bench.viewers import Viewer, app_pids, prepared_store
from store.collection import Store

PORTS = (8501, 8502)
TARGET_S = 5.0


async def sees(port: int, total: int, loaded: asyncio.Event, published: asyncio.Event, timeout: float) -> float:
    """Once ``published`` is set, the seconds until this process's page counts ``total`` examples."""
    stream = f"ws://127.0.0.1:{port}/_stcore/stream"
    async with websockets.connect(stream, subprotocols=["streamlit"], max_size=None) as socket:
        viewer = Viewer(socket, None)
        await asyncio.wait_for(viewer.run(query=""), timeout)  # the first load: the dataset is in memory
        loaded.set()
        await published.wait()
        began = time.perf_counter()
        while time.perf_counter() - began < timeout:
            await asyncio.wait_for(viewer.run(), timeout)  # the viewer's next click
            if viewer.page.count and viewer.page.count[1] == total:
                return time.perf_counter() - began
            await asyncio.sleep(0.2)
    return float("inf")


async def measure(store: Store, total: int, folder: Path, pids: list[int], timeout: float) -> tuple[list, list]:
    """Each process's delay until it showed the publish, and its memory before the publish."""
    loaded, published = [asyncio.Event() for _ in PORTS], asyncio.Event()
    watchers = [
        asyncio.create_task(sees(port, total + 1, ready, published, timeout)) for port, ready in zip(PORTS, loaded)
    ]
    for ready in loaded:
        await ready.wait()
    before = [resident_mb(p) for p in pids]
    publish_examples(store, folder / "one.csv", 1, "published-now")
    published.set()
    return list(await asyncio.gather(*watchers)), before


def main(examples: int, timeout: float) -> int:
    with tempfile.TemporaryDirectory(prefix="ppe-publish-") as folder:
        url = f"sqlite:///{Path(folder) / 'collection.sqlite3'}"
        began = time.perf_counter()
        total = len(prepared_store(url, Path(folder), examples).examples)
        print(f"store: {total:,} published examples, prepared in {time.perf_counter() - began:.1f} s")
        process = start_deployment({**os.environ, "DATABASE_URL": url})
        try:
            pids = app_pids(PORTS)
            store = Store(url)
            seen, before = asyncio.run(measure(store, total, Path(folder), pids, timeout))
            after = [resident_mb(p) for p in pids]
            store.engine.dispose()
        finally:
            stop_deployment(process)
    for port, delay, mb_before, mb_after in zip(PORTS, seen, before, after):
        print(f"process on {port}: saw the publish after {delay:.2f} s; memory {mb_before:.0f} → {mb_after:.0f} MB")
    verdict = "PASS" if max(seen) <= TARGET_S else "MISS"
    print(f"target (a publish seen by every process within {TARGET_S:g} s): {verdict}")
    return 1 if max(seen) == float("inf") else 0
