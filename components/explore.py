"""The explore view: count line, map, timeline and cards of the current selection."""

from __future__ import annotations

import streamlit as st

from components.cards import render_cards
from components.map_view import render_map
from components.presenter import render_downloads
from components.timeline import render_timeline
from data.loader import Dataset
from data.selection import Selection


def count_line(selection: Selection) -> str:
    return f"Showing {selection.count} of {selection.total} examples"


def render_explore(selection: Selection, dataset: Dataset) -> None:
    st.markdown(f'<p class="count-line" data-testid="count-line">{count_line(selection)}</p>', unsafe_allow_html=True)
    st.subheader("Where")
    render_map(selection, dataset)
    st.subheader("When")
    render_timeline(selection, dataset)
    st.subheader("Examples")
    render_cards(selection, dataset)
    with st.expander(f"Handouts of these {selection.count} examples (HTML and PDF)"):
        render_downloads(selection.examples, dataset, "explore")
