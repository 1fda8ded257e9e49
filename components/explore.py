"""The head of the explore view: the count line and "Present these N"."""

from __future__ import annotations

import streamlit as st

from components.i18n import _, number
from components.state import commit
from data.page import PageState, presenting_selection
from data.selection import Selection


def count_line(selection: Selection) -> str:
    return _("Showing {count} of {total} examples").format(count=number(selection.count), total=number(selection.total))


def render_count(state: PageState, selection: Selection) -> None:
    count_column, present_column = st.columns([3, 1], vertical_alignment="center")
    count_column.markdown(
        f'<p class="count-line" data-testid="count-line">{count_line(selection)}</p>', unsafe_allow_html=True
    )
    present_column.button(
        _("Present these {count}").format(count=number(selection.count)),
        on_click=commit,
        args=(presenting_selection(state),),
        type="primary",
        icon=":material/slideshow:",
        disabled=selection.count == 0,
        width="stretch",
    )
