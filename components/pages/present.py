"""The presenter (``?view=present``, or a saved presentation's ``?p=SLUG``): the slides, and in the sidebar
the playlist, saved presentations, the live session and the handouts."""

from __future__ import annotations

import streamlit as st

from components.data_source import current_dataset, show_problems
from components.downloads import render_handouts
from components.filters import render_filters
from components.i18n import _, in_language
from components.live_trainer import follow_presenter, render_join_corner, render_live_panel
from components.notices import render_notices
from components.pages.common import Setup, render_sidebar_top, selected
from components.presenter import render_keys, render_presenter, render_presenter_panel
from components.saved import render_saved
from components.state import read_state, write_url
from components.your_data import render_your_data
from data.facets import facet_counts
from data.presentation import at_slide, deck_of
from store.live import LiveSessions
from store.presentations import Presentations


def page(setup: Setup) -> None:
    store = setup.store
    curated, curated_key = current_dataset()
    # Sidebar panels in display order; the upload is drawn first: the page state is read against its data.
    switches, account, presenter_panel, notices_panel, filters_panel, upload_panel, reports = (
        st.sidebar.container() for _ in range(7)
    )
    mine = render_your_data(curated, curated_key, upload_panel, reports)
    dataset = in_language(mine, setup.lang)
    state = read_state(dataset, setup.saved)
    person = render_sidebar_top(setup, switches, account)
    with reports:  # on the projector only the slide
        show_problems(curated)
    found, selection = selected(dataset, state)
    deck = deck_of(state, dataset, selection)
    state = at_slide(state, deck, deck.index_of(state.slide))
    live = follow_presenter(state, deck, setup.live, person, LiveSessions(store)) if store else setup.live
    with notices_panel:
        render_notices(state.notices)
    with filters_panel.expander(_("Filters (the playlist's default)")):
        render_filters(state, dataset, facet_counts(dataset, state.filters, found))
    with presenter_panel:
        render_keys()
        if store:
            render_saved(state, deck, setup.saved, person, Presentations(store), dataset)
            render_live_panel(state, deck, dataset, setup.saved, person, LiveSessions(store), live)
        render_presenter_panel(state, deck, dataset, selection)
        render_handouts(deck.examples, dataset, mine, "present")
    render_presenter(state, deck, dataset)
    render_join_corner(live, deck, state)
    write_url(state)
