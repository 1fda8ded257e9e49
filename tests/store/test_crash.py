"""``kill -9`` in the middle of a 20,000-row import: after it the import is whole or absent, and the
store passes its integrity check."""

import os
import signal
import subprocess
import sys

from bench.app_server import ROOT
from bench.synthetic import write_examples
from store.collection import Store


def test_an_import_killed_midway_leaves_nothing_half_written(store, tmp_path):
    store.add_person(None, "edna", "editor", "a long secret")
    big = write_examples(tmp_path / "big.csv", 20_000)
    before = len(store.listing())
    process = subprocess.Popen(
        [sys.executable, "-m", "store", "import", str(big), "--by", "edna"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": store.url},
        stdout=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline()  # printed just before the transaction starts
    assert line.startswith("importing 20,000 rows")
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    process.stdout.close()
    after = Store(store.url)
    added = len(after.listing()) - before
    assert added in (0, 20_000)
    assert after.integrity_problems() == []
    after.engine.dispose()
