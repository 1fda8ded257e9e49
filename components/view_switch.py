"""Explore or Present: a switch in the sidebar, kept in the URL as ``view=present``."""

from __future__ import annotations

import streamlit as st

from components.i18n import DEFAULT, LANGUAGES, N_, _, browser_language, use
from components.url_state import write_param

VIEWS = {"explore": N_("Explore"), "present": N_("Present")}


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
            _("View"), list(VIEWS), format_func=lambda v: _(VIEWS[v]), key="view", width="stretch", required=True
        )
    write_param("view", "present" if view == "present" else None)
    return view or "explore"


def render_language_switch() -> str:
    """Language picker in the sidebar, kept in the URL as ``lang``; returns the language code."""
    if "lang" not in st.session_state:
        wanted = st.query_params.get("lang", "")
        st.session_state["lang"] = wanted if wanted in LANGUAGES else browser_language()
    with st.sidebar:
        lang = st.segmented_control(
            "Language · Langue · Idioma",
            list(LANGUAGES),
            format_func=LANGUAGES.get,
            key="lang",
            required=True,
            width="stretch",
        )
    write_param("lang", None if lang == DEFAULT else lang)
    use(lang or DEFAULT)
    return lang or DEFAULT
