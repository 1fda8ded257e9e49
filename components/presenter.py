"""Presenter view: one example per screen in large type, keyboard navigation, playlist and options."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from markupsafe import Markup, escape

from components.i18n import N_, _, ngettext, number
from components.plain import literal
from components.slides import render_slide
from components.state import CLOSING, CONTENT_NOTE, PLAYLIST_SEARCH, bound, commit
from data.filters import MAX_TEXT
from data.loader import Dataset
from data.page import PageState
from data.presentation import NOTE, SOURCES, Deck, at_slide, playlist_matches, reordered
from data.search import words
from data.selection import Selection

# Buttons and the keys that press them (Streamlit's own shortcuts). Clickers send PageDown/PageUp.
# (key, label, shortcut, the slide it goes to, disabled on the first (True) or the last slide)
NAVIGATION = (
    ("slide_first", N_("First"), "Home", lambda i, deck: 0, True),
    ("slide_previous", N_("Previous"), "Left", lambda i, deck: i - 1, True),
    ("slide_next", N_("Next"), "Right", lambda i, deck: i + 1, False),
    ("slide_last", N_("Last"), "End", lambda i, deck: len(deck.slides) - 1, False),
)
CLICKER_KEYS = (("slide_page_up", "PageUp", -1), ("slide_page_down", "PageDown", +1))
PLAYLIST_SHOWN = 25  # entries of a long playlist listed in the sidebar (the slides hold them all)
KEYS = (
    ("→ · PageDown", N_("next slide")),
    ("← · PageUp", N_("previous slide")),
    ("Home · End", N_("first · last slide")),
    ("F", N_("only the slide, full screen (F or Esc again to come back)")),
    ("B", N_("black screen (B or Esc again to come back)")),
)
SCRIPTS = "".join(
    f"<script>{Path(__file__).with_name(name).read_text(encoding='utf-8')}</script>"
    for name in ("projector_keys.js", "slide_fit.js")
)


def render_keys() -> None:
    """The presenter's keys, listed in the sidebar."""
    with st.expander(_("Keys"), icon=":material/keyboard:"):
        st.html(keys_html())


def keys_html() -> str:
    rows = Markup("").join(Markup("<tr><th><kbd>{}</kbd></th><td>{}</td></tr>").format(k, _(v)) for k, v in KEYS)
    return str(Markup('<table class="keys">{}</table>').format(rows))


def render_playlist(state: PageState, deck: Deck, dataset: Dataset, selection: Selection) -> None:
    """The trainer's ordered playlist (URL ``ids``), built by searching and adding, at any size of
    collection; empty, the slides follow the current selection."""
    st.header(_("Session playlist"))
    if state.playlist:
        st.caption(
            ngettext("{count} example in the playlist.", "{count} examples in the playlist.", len(deck.examples))
        )
        shown = deck.examples.head(PLAYLIST_SHOWN)
        for position, (example_id, title) in enumerate(zip(shown["id"], shown["title"]), 1):
            label, remove = st.columns([2, 1], vertical_alignment="center")
            label.markdown(f"{position}\\. {literal(title)}")
            remove.button(
                _("Remove"),
                key=f"remove_{example_id}",
                help=_("Take this example out of the playlist"),
                on_click=commit,
                args=(state.but(playlist=tuple(i for i in state.playlist if i != example_id), slide=0),),
            )
        if len(deck.examples) > PLAYLIST_SHOWN:
            st.caption(_("… and {count} more").format(count=number(len(deck.examples) - PLAYLIST_SHOWN)))
        st.button(
            _("Back to the current selection"),
            key="playlist_clear",
            on_click=commit,
            args=(state.but(playlist=(), slide=0),),
            icon=":material/playlist_remove:",
        )
    else:
        st.caption(
            ngettext(
                "The slides follow the current selection ({count} example). Add examples to make a playlist of "
                "your own.",
                "The slides follow the current selection ({count} examples). Add examples to make a playlist of "
                "your own.",
                selection.count,
            )
        )
    typed = st.text_input(_("Add an example: search for it"), key=PLAYLIST_SEARCH, max_chars=MAX_TEXT)
    for example_id, title in playlist_matches(dataset, typed, state.playlist):
        st.button(
            title,
            key=f"add_{example_id}",
            icon=":material/add:",
            on_click=commit,
            args=(state.but(playlist=(*state.playlist, example_id)),),
            width="stretch",
        )
    st.caption(
        _("The slides follow this order, and so does the link. Move the example on screen with the buttons below.")
    )
    st.toggle(_("Content note slide first"), **bound(CONTENT_NOTE))
    st.toggle(_("Closing slide with the sources"), **bound(CLOSING))


def render_reorder(state: PageState, deck: Deck, index: int) -> None:
    kind = deck.slides[index]
    if kind in (NOTE, SOURCES):
        return
    position = index - deck.first_example_index()
    earlier, later = st.columns(2)
    earlier.button(
        _("Move earlier"),
        key="move_earlier",
        on_click=commit,
        args=(reordered(state, deck, kind, -1),),
        icon=":material/arrow_upward:",
        disabled=position == 0,
        width="stretch",
    )
    later.button(
        _("Move later"),
        key="move_later",
        on_click=commit,
        args=(reordered(state, deck, kind, 1),),
        icon=":material/arrow_downward:",
        disabled=position == len(deck.examples) - 1,
        width="stretch",
    )


def render_navigation(state: PageState, deck: Deck, index: int) -> None:
    with st.container(key="slide_navigation"):  # hidden with F (only the slide)
        render_buttons(state, deck, index)
    st.html(SCRIPTS, unsafe_allow_javascript=True)


def render_buttons(state: PageState, deck: Deck, index: int) -> None:
    columns = st.columns([1, 1, 1.4, 1, 1], vertical_alignment="center")
    last = len(deck.slides) - 1
    for column, (key, label, shortcut, target, backward) in zip([*columns[:2], *columns[3:]], NAVIGATION):
        column.button(
            _(label),
            key=key,
            shortcut=shortcut,
            on_click=commit,
            args=(at_slide(state, deck, target(index, deck)),),
            width="stretch",
            disabled=index == (0 if backward else last),
        )
    columns[2].markdown(
        f'<p class="slide-counter" data-testid="slide-counter">{escape(deck.label(index, _))}</p>',
        unsafe_allow_html=True,
    )
    with st.container(key="clicker_keys"):  # hidden: only their keyboard shortcuts matter
        for key, shortcut, step in CLICKER_KEYS:
            st.button(
                shortcut, key=key, shortcut=shortcut, on_click=commit, args=(at_slide(state, deck, index + step),)
            )


def render_presenter(state: PageState, deck: Deck, dataset: Dataset) -> None:
    """The slide on screen and its navigation, in the main area."""

    if deck.examples.empty:
        st.info(_("The playlist is empty: pick examples in the sidebar, or go back to Explore and widen the filters."))
        return
    index = deck.index_of(state.slide)
    with st.container(key="presenter"):  # marks the page as the presenter's (style.css: a projector's layout)
        render_navigation(state, deck, index)
        render_slide(deck.slides[index], deck, dataset, words(state.filters.text))


def render_presenter_panel(state: PageState, deck: Deck, dataset: Dataset, selection: Selection) -> None:
    """The playlist, its options and the reorder buttons, in the sidebar (a saved presentation's come
    from the store: ``components/saved.py``)."""
    if state.presentation:
        return
    render_playlist(state, deck, dataset, selection)
    if not deck.examples.empty:
        render_reorder(state, deck, deck.index_of(state.slide))
