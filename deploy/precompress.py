"""Streamlit's own files (scripts, styles, fonts: hashed names, never changed) copied where nginx
serves them from disk, each compressible one beside its Brotli form at the highest quality, which
nginx's ``brotli_static`` sends as is (deploy/nginx.conf). Brotli at quality 11 is too slow to
compress each request (9 s for plotly.js) but a quarter smaller than gzip: 1.69 MB instead of
2.18 MB of a first visit's scripts.

    python deploy/precompress.py TARGET     # deploy/run: in the background, at low priority

Resumable and safe to run twice at once: what is done is skipped, every file appears whole (written
beside, then renamed), and a second run while one works leaves at once. A file not there yet is
served by an app process (``try_files``), compressed on the fly.
"""

from __future__ import annotations

import fcntl
import os
import sys
from pathlib import Path

import brotli
import streamlit

SOURCE = Path(streamlit.__file__).parent / "static"
COMPRESSIBLE = {".js", ".css", ".json", ".svg", ".txt", ".ttf"}
SMALLEST = 1024  # bytes; below this, compression saves less than its header costs


def written(path: Path, data: bytes) -> None:
    """``data`` at ``path``, never half-written: a reader sees the old file, none, or all of it."""
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    os.replace(part, path)


def mirror(target: Path, source: Path = SOURCE) -> int:
    """Copies ``source/static`` to ``target/static``, then adds a ``.br`` beside each compressible
    file, the largest first (the largest saves most). Returns the files compressed by this call."""
    target.mkdir(parents=True, exist_ok=True)
    with open(target / ".lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return 0  # another run is at it
        files = [f for f in (source / "static").rglob("*") if f.is_file()]
        for file in files:
            copy = target / file.relative_to(source)
            if not copy.exists() or copy.stat().st_size != file.stat().st_size:
                copy.parent.mkdir(parents=True, exist_ok=True)
                written(copy, file.read_bytes())
        compressed = 0
        for file in sorted(files, key=lambda f: -f.stat().st_size):
            packed = target / file.relative_to(source).with_name(file.name + ".br")
            if file.suffix in COMPRESSIBLE and file.stat().st_size >= SMALLEST and not packed.exists():
                written(packed, brotli.compress(file.read_bytes(), quality=11))
                compressed += 1
        return compressed


if __name__ == "__main__":
    mirror(Path(sys.argv[1]))
