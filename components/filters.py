"""Sidebar filters: each widget shows and changes a part of the page state's filters."""

from __future__ import annotations

import streamlit as st
from markupsafe import escape

from components.i18n import _, current, number
from components.state import COUNTRY, MISSION, PLACE, RELEVANCE, SECTION, TEXT, UNDATED, YEARS, bound, commit
from data.countries import country_name
from data.facets import Facets
from data.loader import Dataset
from data.missions import mission_options
from data.page import MAX_TEXT, PageState, cleared


def section_legend(dataset: Dataset) -> str:
    chips = "".join(
        f'<span class="legend-chip"><span class="dot" style="background:{escape(colour)}"></span>{escape(name)}</span>'
        for name, colour in zip(dataset.sections["name"], dataset.sections["colour"])
    )
    return f'<div class="legend">{chips}</div>'


def with_count(label: str, count: int) -> str:
    return f"{label} ({number(count)})"


def years_html(label: str, years: dict[int, int]) -> str:
    """The years slider's label over a strip of bars, one a year: how many examples each year holds."""
    most = max(years.values(), default=0) or 1
    bars = "".join(
        f'<span style="height:{max(4, 100 * n // most) if n else 0}%" title="{y}: {n}"></span>'
        for y, n in years.items()
    )
    return f'<p class="strip-label">{escape(label)}</p><div class="year-strip" aria-hidden="true">{bars}</div>'


def render_filters(state: PageState, dataset: Dataset, facets: Facets) -> None:
    """Draw the filters where the caller's ``with`` block puts them; each option with the number of
    examples it would give (``facets``)."""
    lowest, highest = dataset.year_bounds
    names = dataset.section_names
    st.header(_("Filters"))
    st.button(
        _("Clear all filters"),
        key="clear_all",
        on_click=commit,
        args=(cleared(state),),
        icon=":material/filter_alt_off:",
        width="stretch",
    )
    st.multiselect(
        _("Thematic sections"),
        list(names),
        format_func=lambda s: with_count(names[s], facets.of("sections", s)),
        placeholder=_("All sections"),
        **bound(SECTION),
    )
    st.html(section_legend(dataset))
    st.multiselect(
        _("Country"),
        dataset.country_options,
        format_func=lambda c: with_count(f"{country_name(c, current())} · {c}", facets.of("countries", c)),
        placeholder=_("All countries"),
        **bound(COUNTRY),
    )
    missions = mission_options(dataset, current())
    st.multiselect(
        _("Mission"),
        list(missions),
        format_func=lambda m: with_count(missions[m], facets.of("missions", m)),
        placeholder=_("All missions"),
        **bound(MISSION),
    )
    st.html(years_html(_("Years"), facets.years))
    st.slider(_("Years"), lowest, highest, step=1, label_visibility="collapsed", **bound(YEARS))
    st.checkbox(with_count(_("Include examples with no stated year"), facets.undated), **bound(UNDATED))
    st.text_input(
        _("Search words"),
        placeholder=_("e.g. radio, police, quota"),
        max_chars=MAX_TEXT,
        help=_("Case and accents are optional; every word must be found. Found words are highlighted."),
        **bound(TEXT),
    )
    if state.filters.text.strip():
        st.toggle(_("Most relevant first"), **bound(RELEVANCE))
    st.selectbox(
        _("Place (or click a map point)"),
        ["", *dataset.place_options],
        format_func=lambda p: with_count(dataset.place_labels[p], facets.of("places", p)) if p else _("All places"),
        **bound(PLACE),
    )
