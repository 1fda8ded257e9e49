"""The app's secrets (``st.secrets``: ``.streamlit/secrets.toml`` or the ``secrets.files`` option), asked of
Streamlit again only when their files change, and their files looked at no more than once a second.

With no secrets file, Streamlit looks for one again on every access: two file opens and an exception, 60 µs,
several times a run. A file added later is still seen within a second; once one is read, its values are
Streamlit's (it reads an edited file again only while its file watcher is on)."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Mapping
from typing import Any

import streamlit as st

RECHECK_SECONDS = 1.0
LOG = logging.getLogger(__name__)

# st.secrets, its files' stamps, when they were looked at, the values read
_read: tuple[object, tuple[int | None, ...], float, Mapping[str, Any]] | None = None


def app_secrets() -> Mapping[str, Any]:
    """The secrets as a plain mapping ({} when there are none)."""
    global _read
    source, now = st.secrets, time.monotonic()
    if _read is not None and _read[0] is source and now - _read[2] < RECHECK_SECONDS:
        return _read[3]  # AppTest gives each run its own st.secrets
    stamps = _stamps()
    if _read is not None and _read[0] is source and _read[1] == stamps:
        values = _read[3]
    else:
        try:
            values = source.to_dict()
        except FileNotFoundError as error:  # none, or one that is not TOML
            values = {}
            if any(stamp is not None for stamp in stamps):
                LOG.error("The secrets were not read, so none are used: %s", error)
    _read = (source, stamps, now, values)
    return values


def _stamps() -> tuple[int | None, ...]:
    stamps = []
    for path in st.get_option("secrets.files"):
        try:
            stamps.append(os.stat(path).st_mtime_ns)
        except OSError:
            stamps.append(None)
    return tuple(stamps)
