"""A slide as the presenter and a live session's room show it: the content note, an example (its text
with, on a screen large enough, its locator map and mini timeline) or the sources. Shared by
``components/presenter.py`` and ``components/room.py``."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import streamlit as st
from markupsafe import Markup

from components.example_html import slide_html
from components.figures import PLOT_CONFIG, plot
from components.i18n import _, current
from components.map_figure import map_figure
from components.timeline_figure import timeline_figure
from data.example_view import example_view
from data.loader import Dataset
from data.presentation import CONTENT_NOTE_TEXT, NOTE, SOURCE_NOTE, SOURCES, Deck, sources
from data.selection import Selection, example_points


def render_example(example, deck: Deck, dataset: Dataset, wanted: Sequence[str], hide: Collection[str] = ()) -> None:
    """The example's slide: its text beside its locator map and mini timeline."""
    html = slide_html(example_view(example, dataset, current()), wanted, hide)
    text, visuals = st.columns([1.45, 1], gap="large")
    with text:
        st.html(html)
    with visuals:
        ids = deck.examples["id"]
        selection = Selection(deck.examples, dataset.places[dataset.places["example_id"].isin(ids)], len(ids))
        highlight = example_points(dataset, example.id)["place_key"].tolist()
        with st.container(key="locator_frame"):  # heights in proportion to the screen (style.css)
            plot(
                map_figure(selection, dataset, highlight=highlight, height=None, legend=False),
                config=PLOT_CONFIG,
                key="locator",
                width="stretch",
                height="stretch",
            )
        with st.container(key="timeline_frame"):
            plot(
                timeline_figure(selection, dataset, highlight=example.id, height=None, milestones=False, compact=True),
                config={"displaylogo": False, "staticPlot": True},
                key="mini_timeline",
                width="stretch",
                height="stretch",
            )


def slide_markup(
    kind: str, deck: Deck, dataset: Dataset, wanted: Sequence[str] = (), hide: Collection[str] = (), room: bool = False
) -> str:
    """A slide's text as HTML (user text escaped): the content note, an example's or the sources."""
    if kind == NOTE:
        return str(
            Markup(
                '<div class="slide note"><h2 class="slide-title">{}</h2>'
                '<p class="slide-body">{}</p><p class="slide-meta">{}</p></div>'
            ).format(_("Content note"), _(CONTENT_NOTE_TEXT), "" if room else _("Press → or Next to begin."))
        )
    if kind == SOURCES:
        items = Markup("").join(Markup("<li>{}</li>").format(s) for s in sources(deck.examples))
        return str(
            Markup(
                '<div class="slide"><h2 class="slide-title">{}</h2><ol class="slide-body">{}</ol>'
                '<p class="slide-meta">{}</p></div>'
            ).format(_("Sources"), items, _(SOURCE_NOTE).format(version=dataset.version))
        )
    return slide_html(example_view(deck_example(deck, kind), dataset, current()), wanted, hide)


def deck_example(deck: Deck, example_id: str):
    return next(deck.examples[deck.examples["id"] == example_id].itertuples())


def render_slide(
    kind: str,
    deck: Deck,
    dataset: Dataset,
    wanted: Sequence[str] = (),
    hide: Collection[str] = (),
    maps: bool = True,
    room: bool = False,
) -> None:
    """A slide; ``room``: as a live session's room sees it (no presenter's hint, ``hide`` held back)."""
    if kind in (NOTE, SOURCES) or not maps:
        st.html(slide_markup(kind, deck, dataset, wanted, hide, room))
    else:
        render_example(deck_example(deck, kind), deck, dataset, wanted, hide)
