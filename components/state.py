"""The page's state: the one module that reads and writes the URL (``st.query_params``) and the
session (``st.session_state``), names the widgets' keys and holds their callbacks.

Each run: the URL is parsed into a ``PageState`` (``read_state``), the widgets are given its values,
the views draw from it, and ``write_url`` puts the run's state back into the URL. A widget change or
a button runs a callback here that writes the new state into the URL before the next run parses it.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import streamlit as st

from components.i18n import browser_language, use
from data.filters import FILTERS, Filters
from data.loader import Dataset
from data.markers import area_of
from data.page import PageState, parse_url, to_url
from data.presentation import with_saved
from data.route import Route, parse_route
from store.collection import Store
from store.live import Live, LiveSessions
from store.presentations import Presentations, Saved

# Widgets that show a part of the page state, by key (each filter's is its ``key`` in data/filters.py).
LANG, VIEW, RELEVANCE = "lang", "view", "relevance"
CONTENT_NOTE, CLOSING, OPERATIONS, LATER = "content_note", "closing", "operations", "later"
FIELDS = {LANG: "lang", VIEW: "view", RELEVANCE: "relevance", CONTENT_NOTE: "content_note", CLOSING: "closing"}
FIELDS |= {OPERATIONS: "operations", LATER: "later"}  # widget key → its field of PageState
# Widgets with a state of their own (not in the URL).
MAP, CARDS_PAGE, TABLE, DOWNLOADS = "map", "cards_page", "table", "downloads"
UPLOAD, UPLOAD_MODE, UPLOAD_PANEL = "upload", "upload_mode", "upload_panel"
PLAYLIST_SEARCH = "playlist_search"
# Session values that are not widgets.
LAST, NOTICES, YEAR_BOUNDS, HANDOUTS = "page_state", "link_notices", "year_bounds", "handouts_wanted"
DEFAULT_LANG = "default_language"
RAN_BEFORE, WIDENED = "ran_before", "filters_widened"


def query() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def read_route() -> Route:
    """This run's route (screen, language, saved presentation, live session), read before any data."""
    return parse_route(query())


def first_run() -> bool:
    """Whether this is the browser session's first run of the page (``write_url`` marks each run's end)."""
    return RAN_BEFORE not in st.session_state


def page_language(route: Route, saved: Saved | None = None) -> str:
    """The run's language, decided once before the data is read (the upload panel is drawn first): the
    link's, else a saved presentation's, else the browser's."""
    lang = route.lang or default_language(saved)
    use(lang)
    return lang


def live_session(store: Store | None, route: Route) -> Live | None:
    """The live session the URL follows (``?join=``) or steers (``?live=``), read on every run."""
    return LiveSessions(store).get(route.code) if store and route.code else None


def saved_presentation(store: Store | None, route: Route, live: Live | None = None) -> Saved | None:
    """The saved presentation the URL opens (``?p=``, or the live session's), read on every run."""
    slug = live.slug if live else route.slug
    return Presentations(store).get(slug) if store and slug else None


def default_language(saved: Saved | None) -> str:
    """The language a link means when it names none: a saved presentation's, else the browser's."""
    return saved.lang if saved else browser_language()


def read_state(dataset: Dataset, saved: Saved | None = None) -> PageState:
    """This run's state: the URL parsed against ``dataset`` (with the saved presentation it opens), the
    widgets given its values."""
    st.session_state[DEFAULT_LANG] = default_language(saved)
    state, notices = parse_url(query(), dataset, st.session_state[DEFAULT_LANG])
    if saved:
        state = with_saved(state, saved.ids, saved.content_note, saved.closing)
    if NOTICES not in st.session_state:  # the link the session opened with: its notices stay until cleared
        st.session_state[NOTICES] = tuple(notices)
    state = state.but(notices=st.session_state[NOTICES])
    st.session_state[YEAR_BOUNDS] = dataset.year_bounds
    show_in_widgets(state, dataset)
    st.session_state[LAST] = state
    use(state.lang)
    return state


def show_in_widgets(state: PageState, dataset: Dataset) -> None:
    bounds = st.session_state[YEAR_BOUNDS]
    values = {key: getattr(state, name) for key, name in FIELDS.items()}
    values |= {f.key: f.to_widget(getattr(state.filters, f.name), bounds) for f in FILTERS}
    for key, value in values.items():
        if st.session_state.get(key) != value:
            st.session_state[key] = value


def with_widget(state: PageState, key: str, value: Any) -> PageState:
    """``state`` with the value a person gave the widget ``key``."""
    for f in FILTERS:
        if f.key == key:
            return state.with_filters(**{f.name: f.from_widget(value, st.session_state[YEAR_BOUNDS])})
    if key == VIEW and value is None:  # the segmented control clicked twice: stay
        return state
    return state.but(**{FIELDS[key]: value})


def changed(key: str) -> None:
    """Callback of every widget bound to the page state."""
    commit(with_widget(st.session_state[LAST], key, st.session_state[key]))


def bound(key: str) -> dict[str, Any]:
    """Keyword arguments that bind a widget to the page state: ``st.multiselect(..., **bound(SECTION))``."""
    return {"key": key, "on_change": changed, "args": (key,)}


def commit(state: PageState) -> None:
    """Callback of buttons: ``state`` becomes the page's (the next run reads it from the URL)."""
    st.session_state[NOTICES] = state.notices
    st.session_state[LAST] = state
    write_url(state)


def map_selected() -> None:
    """Callback of the map: a clicked place narrows the selection to it; a clicked group of places
    zooms the map into their extent."""
    points = st.session_state.get(MAP, {}).get("selection", {}).get("points", [])
    places = [p.get("customdata") for p in points if isinstance(p.get("customdata"), str)]
    if not places:
        return
    last: PageState = st.session_state[LAST]
    if (extent := area_of(places[0])) is not None:
        south, west, north, east = extent
        pad = max(north - south, east - west, 2.0) * 0.15  # a margin, so the edge markers show whole
        commit(last.but(area=(max(south - pad, -90), max(west - pad, -180), min(north + pad, 90), east + pad)))
    else:
        commit(last.with_filters(place=places[0]))


def write_url(state: PageState) -> None:
    """The URL of ``state``; only the parameters that differ are written."""
    wanted = to_url(state, st.session_state.get(DEFAULT_LANG) or browser_language())
    for key in [k for k in st.query_params if k not in wanted]:
        del st.query_params[key]
    for key, values in wanted.items():
        if st.query_params.get_all(key) != values:
            st.query_params[key] = values
    st.session_state[RAN_BEFORE] = True


def handouts_wanted(key: Hashable) -> bool:
    """Whether the handouts of ``key`` (the language and the examples' ids) were asked for in this session."""
    return st.session_state.get(HANDOUTS) == key


def want_handouts(key: Hashable) -> None:
    """Callback of "Prepare the handouts"."""
    st.session_state[HANDOUTS] = key


def show_value(key: str, value: Any) -> None:
    """Give the widget ``key`` a value held elsewhere (the store), before it is drawn."""
    if st.session_state.get(key) != value:
        st.session_state[key] = value


def widget_value(key: str) -> Any:
    """What a person gave the widget ``key`` (read in its form's callback)."""
    return st.session_state.get(key)


def filters_widened() -> bool:
    """Whether a new upload cleared the filters (said once, in the next run)."""
    return bool(st.session_state.pop(WIDENED, False))


def widen_filters() -> None:
    """Callback of a new upload: every filter cleared, so the page shows what the file added."""
    commit(st.session_state[LAST].but(filters=Filters()))
    st.session_state[WIDENED] = True
