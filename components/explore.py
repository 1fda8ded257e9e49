"""The head of the explore view: the count line and "Present these N"."""

from __future__ import annotations

import streamlit as st

from components.first_screen import control_place
from components.i18n import _, ngettext, number
from components.state import commit
from data.page import PageState, presenting_selection
from data.selection import Selection


def count_line(selection: Selection) -> str:
    # The noun agrees with the count in French ("1 exemple sur 9"), with the total in English.
    return ngettext(
        "Showing {count} of {total} examples",
        "Showing {count} of {total} examples",
        selection.count,
        total=number(selection.total),
    )


def render_count(state: PageState, selection: Selection, *, controls: bool = True) -> None:
    """The count line and, given ``controls``, "Present these N" (the first screen keeps its place empty:
    components/first_screen.py)."""
    count_column, present_column = st.columns([3, 1], vertical_alignment="center")
    count_column.markdown(
        f'<p class="count-line" data-testid="count-line">{count_line(selection)}</p>', unsafe_allow_html=True
    )
    if place := control_place("present_slot", controls, present_column):
        place.button(
            _("Present these {count}").format(count=number(selection.count)),
            on_click=commit,
            args=(presenting_selection(state),),
            type="primary",
            icon=":material/slideshow:",
            disabled=selection.count == 0,
            width="stretch",
        )
