"""A session's first run draws the explore view's first screen alone (the count and the map) and asks for
the rest of the page once the map is drawn: the sidebar's widgets and the cards then never compete with
plotly.js, which takes most of a second to start (bench/RESULTS.md)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components.i18n import _
from components.state import first_run

FALLBACK_SECONDS = 3.0  # should the page's script not run, the fragment asks on its own
SCRIPT = f"<script>{Path(__file__).with_name('first_screen.js').read_text(encoding='utf-8')}</script>"


def control_place(key: str, drawn: bool, parent: DeltaGenerator | None = None) -> DeltaGenerator | None:
    """The place of a control that the first screen leaves out (style.css gives it the control's height, so
    nothing moves when the control comes): the container to draw the control in, or None while it waits."""
    place = (parent or st).container(key=key)
    if drawn:
        return place
    place.empty()  # an empty container is not drawn at all
    return None


@st.fragment(run_every=FALLBACK_SECONDS)
def ask_for_the_rest() -> None:
    """Drawn on the first run: ``first_screen.js`` clicks the hidden button once the map's land is drawn,
    which reruns this fragment; that rerun, or the fallback's, asks for a full run of the page."""
    if not first_run():  # a rerun of the fragment, not the first run's own call
        st.rerun(scope="app")
    with st.container(key="rest_of_page"):  # hidden (style.css)
        st.button(_("Show the whole page"), key="rest_of_page_button")
        st.html(SCRIPT, unsafe_allow_javascript=True)
