"""The server's time for a live room's page: a phone's and the room screen's run of ``app.py``
(AppTest, median of 15 runs on a fresh SQLite store), for the checkout given (default: this one).

    .venv/bin/python bench/room_runs.py [CHECKOUT]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent).resolve()
RUNS = 15


def median_run_ms(app) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    url = f"sqlite:///{tempfile.mkdtemp()}/collection.sqlite3"
    os.environ["DATABASE_URL"] = url
    from streamlit.testing.v1 import AppTest

    from store.collection import Store
    from store.live import LiveSessions
    from store.presentations import Presentations
    from store.roles import Actor

    store = Store(url)
    store.ensure_seeded()
    trainer = Actor("tina", "editor")
    store.add_person(None, trainer.name, trainer.role, "tina's long secret")
    slug = Presentations(store).save(trainer, "Module", ["darfur-womens-forums", "liberia-gbv-crimes-unit"])
    code = LiveSessions(store).start(trainer, slug, "http://192.168.1.10:8501")
    LiveSessions(store).change(trainer, code, slide=1, activity="quiz")
    for name, params in (("a phone", {"join": code}), ("the room's screen", {"join": code, "projector": "true"})):
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for key, value in params.items():
            app.query_params[key] = value
        app.run()
        print(f"{name}: {median_run_ms(app):.0f} ms a run (median of {RUNS})")


if __name__ == "__main__":
    main()
