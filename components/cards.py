"""Example cards, a page at a time, and the data table alternative."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import streamlit as st

from components.example_html import cards_html
from components.i18n import N_, _, current, ngettext, number, use
from components.shared_views import shared
from components.state import CARDS_PAGE, TABLE, commit
from data.example_view import example_views
from data.loader import Dataset
from data.page import PageState
from data.search import words
from data.selection import Selection, linked_first, respellings

PAGE_SIZE = 12
COPY_LINK = f"<script>{Path(__file__).with_name('copy_link.js').read_text(encoding='utf-8')}</script>"
TABLE_ROWS = 1000
TABLE_COLUMNS = {
    "title": N_("Title"),
    "section_name": N_("Section"),
    "place_line": N_("Place"),
    "year": N_("Year"),
    "mission_line": N_("Mission"),
    "key_figure": N_("Key figure"),
    "source": N_("Source"),
}


def table_frame(selection: Selection, dataset: Dataset, limit: int = TABLE_ROWS) -> pd.DataFrame:
    """The first ``limit`` examples as a plain table (the CSV export holds them all)."""
    views = example_views(selection.examples.head(limit), dataset, current())
    rows = [
        {**vars(view), "year": f"{view.year_label} ({view.year_note})" if view.year_note else view.year_label}
        for view in views
    ]
    frame = pd.DataFrame(rows, columns=[*TABLE_COLUMNS])
    return frame.rename(columns={k: _(v) for k, v in TABLE_COLUMNS.items()})


@st.fragment
def card_pages(state: PageState, examples: pd.DataFrame, dataset: Dataset, linked: str, lang: str) -> None:
    """A page of cards and the page buttons: a fragment, as another page changes nothing else (a click
    reruns only this, with the arguments of the page's last run, in its language ``lang``)."""
    use(lang)  # a fragment's rerun is a run of its own
    pages = math.ceil(len(examples) / PAGE_SIZE)
    page = min(st.pagination(pages, key=CARDS_PAGE) if pages > 1 else 1, pages)

    def cards() -> str:
        shown = examples.iloc[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        return cards_html(example_views(shown, dataset, current()), (state.example, linked), words(state.filters.text))

    st.html(shared(dataset, "cards", (state.filters.selects, state.relevance, state.example, page), cards))
    st.html(COPY_LINK, unsafe_allow_javascript=True)


def render_cards(state: PageState, selection: Selection, dataset: Dataset) -> None:
    examples = linked_first(selection, dataset, state.example)
    if examples.empty:
        st.info(_("No example matches these filters. Remove a filter or use **Clear all filters** in the sidebar."))
        for text, count in respellings(dataset, state.filters):
            st.button(
                ngettext(
                    "Search “{words}” ({count} example)", "Search “{words}” ({count} examples)", count, words=text
                ),
                key=f"respell_{text}",
                on_click=commit,
                args=(state.with_filters(text=text),),
                icon=":material/spellcheck:",
            )
        return
    linked = ""
    if state.example:
        inside = bool((selection.examples["id"] == state.example).any())
        linked = _("The example this link opens") if inside else _("The example this link opens (not in these filters)")
        st.button(
            _("Close the linked example"), on_click=commit, args=(state.but(example=""),), icon=":material/close:"
        )
    card_pages(state, examples, dataset, linked, current())
    table = st.expander(_("Table of these examples (for screen readers and copying)"), key=TABLE, on_change="rerun")
    if not table.open:  # built only while open: up to 1,000 rows on every rerun otherwise
        return
    with table:
        if selection.count > TABLE_ROWS:
            st.caption(
                _("The first {shown} of {count}; download the CSV for all of them.").format(
                    shown=number(TABLE_ROWS), count=number(selection.count)
                )
            )
        st.dataframe(table_frame(selection, dataset), hide_index=True, width="stretch")
