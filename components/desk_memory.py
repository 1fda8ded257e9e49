"""What the editor's desk showed: a write names the versions the person saw, not those read again in
the run of their click. One of the modules that hold session values (tests/test_architecture.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

SHOWN = "desk_shown"


def shown(key: str, read: Callable[[], Any]) -> Any:
    """What ``key`` (an example's form, the drafts' versions) showed since it was first drawn:
    read once, then kept until ``forget(key)``."""
    memory = st.session_state.setdefault(SHOWN, {})
    if key not in memory:
        memory[key] = read()
    return memory[key]


def show_now(key: str, value: Any) -> Any:
    """Remember ``value`` as shown; returns what was shown before (None the first time)."""
    memory = st.session_state.setdefault(SHOWN, {})
    before, memory[key] = memory.get(key), value
    return before


def forget(key: str | None = None) -> None:
    """Read ``key`` (every key: None) again at its next draw."""
    if key is None:
        st.session_state.pop(SHOWN, None)
    else:
        st.session_state.get(SHOWN, {}).pop(key, None)
