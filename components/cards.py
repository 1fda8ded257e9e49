"""Example cards (escaped HTML), a page at a time, and the data table alternative."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st
from markupsafe import Markup

from data.loader import Dataset
from data.selection import Selection

PAGE_SIZE = 12
TABLE_ROWS = 1000
TABLE_COLUMNS = {
    "title": "Title",
    "section_name": "Section",
    "place": "Place",
    "country_names": "Country",
    "year_label": "Year",
    "mission": "Mission",
    "mission_basis": "Mission basis",
    "key_figure": "Key figure",
    "source": "Source",
}


def mission_text(example) -> str:
    if not example.missions:
        return "Not named in the source"
    missions = ", ".join(example.missions)
    return f"{missions} (inferred from place and date)" if example.mission_basis == "inferred" else missions


def place_line(example) -> str:
    """Place, then the country names where they add something."""
    return example.place if example.place == example.country_names else f"{example.place} · {example.country_names}"


def field(label: str, value: str, css: str = "") -> Markup:
    if not value:
        return Markup("")
    return Markup('<div class="field {}"><span class="label">{}</span> {}</div>').format(css, label, value)


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (#RRGGBB)."""
    red, green, blue = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    return "#111" if 0.299 * red + 0.587 * green + 0.114 * blue > 140 else "#fff"


def badges_html(example, dataset: Dataset) -> Markup:
    """The section badge in its colour, and "Your data" for uploaded examples."""
    colour = dataset.section_colours.get(example.section, "#444444")
    origin = Markup('<span class="yours">Your data</span>') if example.origin != "curated" else ""
    return Markup('<span class="badge" style="background:{};color:{}">{}</span>{}').format(
        colour, text_colour(colour), dataset.section_names.get(example.section, example.section), origin
    )


def card_html(example, dataset: Dataset) -> Markup:
    """One example as a card; every dataset value is escaped."""
    colour = dataset.section_colours.get(example.section, "#444")
    return Markup(
        '<article class="card" style="border-left-color:{colour}">'
        '<div class="badges">{badges}</div>'
        "<h3>{title}</h3>"
        '<div class="meta">{place} · <span class="year">{year}</span></div>'
        '{mission}<p class="summary">{summary}</p>{figure}{prompt}{source}</article>'
    ).format(
        colour=colour,
        badges=badges_html(example, dataset),
        title=example.title,
        place=place_line(example),
        year=example.year_label,
        mission=field("Mission:", mission_text(example)),
        summary=example.summary,
        figure=field("Key figure:", example.key_figure, "figure"),
        prompt=field("Discuss:", example.prompt, "prompt"),
        source=field("Source:", example.source, "source"),
    )


def cards_page_html(examples: pd.DataFrame, dataset: Dataset) -> str:
    return str(
        Markup('<div class="cards">{}</div>').format(
            Markup("").join(card_html(e, dataset) for e in examples.itertuples())
        )
    )


def table_frame(selection: Selection, dataset: Dataset, limit: int = TABLE_ROWS) -> pd.DataFrame:
    """The first ``limit`` examples as a plain table (the CSV export holds them all)."""
    shown = selection.examples.head(limit)
    frame = shown.assign(section_name=shown["section"].map(dataset.section_names))
    return frame[list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS)


def render_cards(selection: Selection, dataset: Dataset) -> None:
    if selection.count == 0:
        st.info("No example matches these filters. Remove a filter or use **Clear all filters** in the sidebar.")
        return
    pages = math.ceil(selection.count / PAGE_SIZE)
    page = st.pagination(pages, key="cards_page") if pages > 1 else 1
    page = min(page, pages)
    st.html(cards_page_html(selection.examples.iloc[(page - 1) * PAGE_SIZE : page * PAGE_SIZE], dataset))
    with st.expander("Table of these examples (for screen readers and copying)"):
        if selection.count > TABLE_ROWS:
            st.caption(f"The first {TABLE_ROWS:,} of {selection.count:,}; download the CSV for all of them.")
        st.dataframe(table_frame(selection, dataset), hide_index=True, width="stretch")
