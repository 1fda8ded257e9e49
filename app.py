"""Peacekeeping Practice Explorer: page set-up and wiring of the views.

URL → PageState (components/state.py) → selectors (data/) → views (components/) → URL.
"""

from pathlib import Path

import streamlit as st

from components.about import render_about
from components.account import render_account
from components.cards import render_cards
from components.data_source import collection_store, current_dataset, show_problems
from components.desk import render_desk
from components.downloads import render_export, render_handouts
from components.explore import render_count
from components.filters import render_filters
from components.first_screen import ask_for_the_rest
from components.i18n import _, in_language, ngettext
from components.live_trainer import follow_presenter, render_join_corner, render_live_panel
from components.map_view import render_map
from components.notices import render_notices
from components.presenter import render_keys, render_presenter, render_presenter_panel
from components.room import render_room
from components.saved import render_saved
from components.signin import signed_in, single_sign_on
from components.state import (
    first_run,
    live_session,
    page_language,
    read_route,
    read_state,
    saved_presentation,
    write_url,
)
from components.timeline import render_timeline
from components.view_switch import render_switches
from components.your_data import render_your_data
from data.facets import facet_counts
from data.presentation import at_slide, deck_of
from data.route import EXPLORE, PRESENT, ROOM
from data.selection import masks, most_relevant_first, select
from store.live import LiveSessions
from store.presentations import Presentations

route = read_route()  # the screen, language, saved presentation and live session, before any data
store = collection_store()
live = live_session(store, route)
saved = saved_presentation(store, route, live)
lang = page_language(route, saved)
room = route.screen == ROOM  # a live session's phone or projector screen: the slide, nothing else
# A session's first run of the explore view draws its first screen alone (the count and the map, without their
# controls) and no upload panel; once the map is drawn the browser asks for the whole page (first_screen.py).
first = first_run() and route.screen == EXPLORE
st.set_page_config(
    page_title=_("Peacekeeping Practice Explorer"),
    page_icon="🕊️",
    layout="wide",
    initial_sidebar_state="collapsed" if room else "auto",
)
st.html(Path(__file__).with_name("components") / "style.css")

curated, curated_key = current_dataset()
# Sidebar panels in display order; the upload is drawn first because the page state is read against its data.
switches, account_panel, presenter_panel, notices_panel, filters_panel, upload_panel = (
    st.sidebar.container() for _ in range(6)
)
header = st.container()
# On the projector only the slide: reports of an upload or of the data go to the sidebar.
reports = st.sidebar.container() if route.screen == PRESENT else st.container()
# A live session's room shows the collection's examples: no upload there.
dataset = in_language(curated if room or first else render_your_data(curated, curated_key, upload_panel, reports), lang)
state = read_state(dataset, saved)
person = signed_in(store) if store else None
if not (room or first):
    with switches:
        render_switches()
    if store:
        with account_panel:
            render_account(person, store, bool(single_sign_on()))
with reports:
    show_problems(curated)
found = masks(dataset, state.filters)  # each filter's rows, once: for the selection and the facet counts
selection = select(dataset, state.filters, found)
if state.relevance:
    selection = most_relevant_first(selection, dataset, state.filters.text)
if room and store:
    render_notices(state.notices)
    render_room(state, live, deck_of(state, dataset, selection), dataset, LiveSessions(store))
elif state.presenting:
    facets = facet_counts(dataset, state.filters, found)
    deck = deck_of(state, dataset, selection)
    state = at_slide(state, deck, deck.index_of(state.slide))
    if store:
        live = follow_presenter(state, deck, live, person, LiveSessions(store))
    with notices_panel:
        render_notices(state.notices)
    with filters_panel.expander(_("Filters (the playlist's default)")):
        render_filters(state, dataset, facets)
    with presenter_panel:
        render_keys()
        if store:
            render_saved(state, deck, saved, person, Presentations(store), dataset)
            render_live_panel(state, deck, dataset, saved, person, LiveSessions(store), live)
        render_presenter_panel(state, deck, dataset, selection)
        render_handouts(deck.examples, dataset, "present")
    render_presenter(state, deck, dataset)
    render_join_corner(live, deck, state)
else:
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
    if store and not first:
        render_desk(person, store, dataset.section_names)
    st.header(_("Where"))
    render_map(state, selection, dataset, controls=not first)
    if first:
        filters_panel.caption(_("Loading the filters…"))
if not (room or state.presenting or first):
    with filters_panel:
        render_filters(state, dataset, facet_counts(dataset, state.filters, found))
    st.header(_("When"))
    render_timeline(state, selection, dataset)
    st.header(_("Examples"))
    render_cards(state, selection, dataset)
    with st.expander(
        ngettext(
            "Download this example: handouts (HTML, PDF) and data (CSV, XLSX)",
            "Download these {count} examples: handouts (HTML, PDF) and data (CSV, XLSX)",
            selection.count,
        )
    ):
        render_handouts(selection.examples, dataset, "explore")
        render_export(selection, dataset, state.filters)
    render_about(dataset)
if first:  # last, so that every element above keeps its place when the whole page comes
    ask_for_the_rest()
write_url(state)
