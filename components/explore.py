"""The explore view: count line, map, timeline and cards of the current selection."""

from __future__ import annotations

import streamlit as st

from components.cards import render_cards
from components.i18n import _, number
from components.map_view import render_map
from components.presenter import render_downloads
from components.timeline import render_timeline
from components.view_switch import start_presenting
from components.your_data import render_export
from data.loader import Dataset
from data.selection import Filters, Selection


def count_line(selection: Selection) -> str:
    return _("Showing {count} of {total} examples").format(count=number(selection.count), total=number(selection.total))


def render_explore(selection: Selection, dataset: Dataset, filters: Filters) -> None:
    count_column, present_column = st.columns([3, 1], vertical_alignment="center")
    count_column.markdown(
        f'<p class="count-line" data-testid="count-line">{count_line(selection)}</p>', unsafe_allow_html=True
    )
    present_column.button(
        _("Present these {count}").format(count=number(selection.count)),
        on_click=start_presenting,
        type="primary",
        icon=":material/slideshow:",
        disabled=selection.count == 0,
        width="stretch",
    )
    st.subheader(_("Where"))
    render_map(selection, dataset)
    st.subheader(_("When"))
    render_timeline(selection, dataset)
    st.subheader(_("Examples"))
    render_cards(selection, dataset)
    with st.expander(
        _("Download these {count} examples: handouts (HTML, PDF) and data (CSV, XLSX)").format(
            count=number(selection.count)
        )
    ):
        render_downloads(selection.examples, dataset, "explore")
        render_export(selection, dataset, filters)
