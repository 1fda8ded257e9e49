"""A live session's room (``?join=CODE``): a participant's phone, or the room's screen (``&projector=true``).
A run reads the live session and draws its slide, nothing else: no filters, facets or sign-in."""

from __future__ import annotations

import streamlit as st

from components.data_source import current_dataset, show_problems
from components.i18n import _, in_language
from components.notices import render_notices
from components.pages.common import Setup
from components.room import render_room
from components.state import read_state, write_url
from data.presentation import deck_of
from store.live import LiveSessions


def page(setup: Setup) -> None:
    curated, _key = current_dataset()
    dataset = in_language(curated, setup.lang)
    state = read_state(dataset, setup.saved)
    show_problems(curated)
    render_notices(state.notices)
    if setup.store:
        render_room(state, setup.live, deck_of(state, dataset), dataset, LiveSessions(setup.store))
    else:
        st.info(_("No live session to follow: check the address on the trainer's screen."))
    write_url(state)
