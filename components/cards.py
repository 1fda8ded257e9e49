"""Example cards (escaped HTML), a page at a time, and the data table alternative."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st
from markupsafe import Markup

from components.i18n import N_, _, number
from data.loader import Dataset
from data.localize import ENGLISH_MARK
from data.selection import Selection

PAGE_SIZE = 12
TABLE_ROWS = 1000
TABLE_COLUMNS = {
    "title": N_("Title"),
    "section_name": N_("Section"),
    "place": N_("Place"),
    "country_names": N_("Country"),
    "year_label": N_("Year"),
    "mission": N_("Mission"),
    "mission_basis": N_("Mission basis"),
    "key_figure": N_("Key figure"),
    "source": N_("Source"),
}


def mission_text(example) -> str:
    if not example.missions:
        return _("Not named in the source")
    missions = ", ".join(example.missions)
    if example.mission_basis == "inferred":
        return _("{missions} (inferred from place and date)").format(missions=missions)
    return missions


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
    origin = Markup('<span class="yours">{}</span>').format(_("Your data")) if example.origin != "curated" else ""
    return Markup('<span class="badge" style="background:{};color:{}">{}</span>{}').format(
        colour, text_colour(colour), dataset.section_names.get(example.section, example.section), origin
    )


def in_language(example, name: str) -> Markup:
    """A field's text, marked "(English)" when it is shown untranslated."""
    text = getattr(example, name)
    if name in getattr(example, ENGLISH_MARK, ()):
        return Markup('{} <span class="english">{}</span>').format(text, _("(English)"))
    return Markup("{}").format(text)


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
        title=in_language(example, "title"),
        place=place_line(example),
        year=example.year_label,
        mission=field(_("Mission:"), mission_text(example)),
        summary=in_language(example, "summary"),
        figure=field(_("Key figure:"), example.key_figure and in_language(example, "key_figure"), "figure"),
        prompt=field(_("Discuss:"), example.prompt and in_language(example, "prompt"), "prompt"),
        source=field(_("Source:"), example.source, "source"),
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
    return frame[list(TABLE_COLUMNS)].rename(columns={k: _(v) for k, v in TABLE_COLUMNS.items()})


def render_cards(selection: Selection, dataset: Dataset) -> None:
    if selection.count == 0:
        st.info(_("No example matches these filters. Remove a filter or use **Clear all filters** in the sidebar."))
        return
    pages = math.ceil(selection.count / PAGE_SIZE)
    page = st.pagination(pages, key="cards_page") if pages > 1 else 1
    page = min(page, pages)
    st.html(cards_page_html(selection.examples.iloc[(page - 1) * PAGE_SIZE : page * PAGE_SIZE], dataset))
    table = st.expander(_("Table of these examples (for screen readers and copying)"), key="table", on_change="rerun")
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
