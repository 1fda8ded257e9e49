"""What a write did, said in the panel that made it: one message slot per panel (a panel never shows
another's). One of the modules that hold session values (tests/test_architecture.py)."""

from __future__ import annotations

import streamlit as st

from components.state import commit
from data.page import PageState

FLASH = "flash"
# The panels that say what a write did.
DESK, SAVED, LIVE, ANSWERING = "desk", "saved", "live", "answering"


def flash(message: str, panel: str) -> None:
    """A message for ``panel`` on the next run: what a write did, shown after the page redrew with it."""
    st.session_state[f"{FLASH}_{panel}"] = message


def written(state: PageState, message: str, panel: str) -> None:
    """A write to the store went through: the page shows ``state`` (the URL too), ``panel`` says ``message``."""
    commit(state)
    flash(message, panel)
    st.rerun()


def take_flash(panel: str) -> str | None:
    return st.session_state.pop(f"{FLASH}_{panel}", None)
