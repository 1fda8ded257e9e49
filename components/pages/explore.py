"""The explore view: the count, the map, the timeline and the cards, the filters and the upload in the
sidebar. A session's first run draws its first screen alone (the count and the map, without their
controls) and no upload panel; once the map is drawn the browser asks for the whole page
(``components/first_screen.py``)."""

from __future__ import annotations

import streamlit as st

from components.about import render_about
from components.cards import render_cards
from components.data_source import current_dataset, show_problems
from components.desk import render_desk
from components.downloads import render_export, render_handouts, render_kit
from components.explore import render_count
from components.filters import render_filters
from components.first_screen import ask_for_the_rest
from components.i18n import _, in_language, ngettext
from components.map_view import render_map
from components.notices import render_notices
from components.pages.common import Setup, render_sidebar_top, selected
from components.shared_views import shared
from components.state import DOWNLOADS, first_run, read_state, write_url
from components.timeline import render_timeline
from components.your_data import render_your_data
from data.facets import facet_counts


def page(setup: Setup) -> None:
    first = first_run()
    curated, curated_key = current_dataset()
    switches, account, filters_panel, upload_panel = (st.sidebar.container() for _ in range(4))
    header = st.container()
    reports = st.container()
    mine = curated if first else render_your_data(curated, curated_key, upload_panel, reports)
    dataset = in_language(mine, setup.lang)
    state = read_state(dataset, setup.saved)
    person = None if first else render_sidebar_top(setup, switches, account)
    with reports:
        show_problems(curated)
    found, selection = selected(dataset, state)
    with header:
        st.title(_("Peacekeeping Practice Explorer"))
        st.caption(
            _(
                "How UN peacekeeping missions address violence against women and girls: examples by place, year and "
                "theme."
            )
        )
        render_notices(state.notices)
    render_count(state, selection, controls=not first)
    if setup.store and not first:
        render_desk(person, setup.store, dataset.section_names)
    st.header(_("Where"))
    render_map(state, selection, dataset, controls=not first)
    if first:  # last, so that every element above keeps its place when the whole page comes
        filters_panel.caption(_("Loading the filters…"))
        ask_for_the_rest()
        write_url(state)
        return
    with filters_panel:
        render_filters(
            state,
            dataset,
            shared(dataset, "facets", state.filters.selects, lambda: facet_counts(dataset, state.filters, found)),
        )
    st.header(_("When"))
    render_timeline(state, selection, dataset)
    st.header(_("Examples"))
    render_cards(state, selection, dataset)
    downloads = st.expander(
        ngettext(
            "Download this example: handouts (HTML, PDF), an offline explorer and data (CSV, XLSX)",
            "Download these {count} examples: handouts (HTML, PDF), an offline explorer and data (CSV, XLSX)",
            selection.count,
        ),
        key=DOWNLOADS,
        on_change="rerun",
    )
    if downloads.open:  # drawn only while open: six buttons on every run otherwise (bench/RESULTS.md)
        with downloads:
            render_handouts(selection.examples, dataset, mine, "explore")
            render_kit(selection.examples, mine)
            render_export(selection, dataset, state.filters)
    render_about(dataset)
    write_url(state)
