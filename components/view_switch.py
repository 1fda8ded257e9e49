"""Explore or Present: a switch in the sidebar, kept in the URL as ``view=present``."""

from __future__ import annotations

import streamlit as st

from components.url_state import write_param

VIEWS = {"explore": "Explore", "present": "Present"}


def start_presenting() -> None:
    """ "Present these N": the playlist restarts from the current selection, at the first slide."""
    st.session_state["view"] = "present"
    for key in ("ids", "slide"):
        st.session_state.pop(key, None)
    if "ids" in st.query_params:
        del st.query_params["ids"]


def render_view_switch() -> str:
    if "view" not in st.session_state:
        st.session_state["view"] = "present" if st.query_params.get("view") == "present" else "explore"
    with st.sidebar:
        view = st.segmented_control(
            "View", list(VIEWS), format_func=VIEWS.get, key="view", width="stretch", required=True
        )
    write_param("view", "present" if view == "present" else None)
    return view or "explore"
