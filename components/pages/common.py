"""What every screen's page is given (``Setup``, read by app.py from the route before any data) and
the parts two of them share."""

from __future__ import annotations

from dataclasses import dataclass

from streamlit.delta_generator import DeltaGenerator

from components.account import render_account
from components.shared_views import shared
from components.signin import signed_in, single_sign_on
from components.view_switch import render_switches
from data.filters import Masks, masks
from data.loader import Dataset
from data.page import PageState
from data.route import Route
from data.selection import Selection, most_relevant_first, select
from store.collection import Store
from store.live import Live
from store.presentations import Saved
from store.roles import Actor


@dataclass(frozen=True)
class Setup:
    route: Route
    store: Store | None  # None when the app shows one file (``--data``)
    live: Live | None  # the live session the route follows or steers
    saved: Saved | None  # the saved presentation it opens (or the live session's)
    lang: str


def selected(dataset: Dataset, state: PageState) -> tuple[Masks, Selection]:
    """Each filter's rows (for the selection and the facet counts), and the selection in its order."""
    return shared(dataset, "selection", (state.filters.selects, state.relevance), lambda: selection_of(dataset, state))


def selection_of(dataset: Dataset, state: PageState) -> tuple[Masks, Selection]:
    found = masks(dataset, state.filters)
    selection = select(dataset, state.filters, found)
    if state.relevance:
        selection = most_relevant_first(selection, dataset, state.filters.text)
    return found, selection


def render_sidebar_top(setup: Setup, switches: DeltaGenerator, account: DeltaGenerator) -> Actor | None:
    """The language and view switches and the account panel; the person signed in."""
    person = signed_in(setup.store) if setup.store else None
    with switches:
        render_switches()
    if setup.store:
        with account:
            render_account(person, setup.store, bool(single_sign_on()))
    return person
