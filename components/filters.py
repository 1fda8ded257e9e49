"""Sidebar filters; their values live in the URL (see components/url_state.py)."""

from __future__ import annotations

import streamlit as st
from markupsafe import escape

from components.i18n import _, current
from components.url_state import clear_notices, initial_filters, write_param
from data.countries import country_name
from data.loader import Dataset
from data.selection import Filters


def clear_all(dataset: Dataset) -> None:
    """Callback of "Clear all": every filter back to its default."""
    for key in ("section", "country", "mission"):
        st.session_state[key] = []
    st.session_state["q"] = ""
    st.session_state["undated"] = True
    st.session_state["years"] = dataset.year_bounds
    st.session_state["place"] = ""
    clear_notices()


def section_legend(dataset: Dataset) -> str:
    chips = "".join(
        f'<span class="legend-chip"><span class="dot" style="background:{escape(colour)}"></span>{escape(name)}</span>'
        for name, colour in zip(dataset.sections["name"], dataset.sections["colour"])
    )
    return f'<div class="legend">{chips}</div>'


def keep_valid_state(dataset: Dataset, lowest: int, highest: int) -> None:
    """After an upload changes the data, drop filter values it no longer has."""
    options = {
        "section": set(dataset.sections["slug"]),
        "country": set(dataset.country_options),
        "mission": set(dataset.mission_options),
    }
    for key, allowed in options.items():
        if key in st.session_state:
            st.session_state[key] = [v for v in st.session_state[key] if v in allowed]
    if st.session_state["place"] not in set(dataset.place_options):
        st.session_state["place"] = ""
    low, high = st.session_state["years"]
    low, high = min(max(low, lowest), highest), max(min(high, highest), lowest)
    st.session_state["years"] = (low, high) if low <= high else (lowest, highest)


def render_filters(dataset: Dataset, panel) -> Filters:
    """Draw the filters in ``panel`` (the sidebar, or an expander in it) and return what they select."""
    start = initial_filters(dataset)
    lowest, highest = dataset.year_bounds
    names = dataset.section_names
    st.session_state.setdefault("section", list(start.sections))
    st.session_state.setdefault("country", list(start.countries))
    st.session_state.setdefault(
        "years", (max(start.year_from or lowest, lowest), min(start.year_to or highest, highest))
    )
    st.session_state.setdefault("place", start.place)
    keep_valid_state(dataset, lowest, highest)
    with panel:
        st.header(_("Filters"))
        st.button(
            _("Clear all filters"),
            key="clear_all",
            on_click=clear_all,
            args=(dataset,),
            icon=":material/filter_alt_off:",
            width="stretch",
        )
        sections = st.multiselect(
            _("Thematic sections"), list(names), format_func=names.get, key="section", placeholder=_("All sections")
        )
        st.html(section_legend(dataset))
        countries = st.multiselect(
            _("Country"),
            dataset.country_options,
            format_func=lambda c: f"{country_name(c, current())} ({c})",
            key="country",
            placeholder=_("All countries"),
        )
        missions = st.multiselect(
            _("Mission"),
            dataset.mission_options,
            key="mission",
            bind="query-params",
            placeholder=_("All missions"),
        )
        years = st.slider(_("Years"), lowest, highest, value=(lowest, highest), key="years", step=1)
        undated = st.checkbox(_("Include examples with no stated year"), value=True, key="undated", bind="query-params")
        text = st.text_input(
            _("Search words"), key="q", bind="query-params", placeholder=_("e.g. radio, police, quota"), max_chars=200
        )
        place = st.selectbox(
            _("Place (or click a map point)"),
            ["", *dataset.place_options],
            key="place",
            format_func=lambda p: p or _("All places"),
        )
    whole_range = years == (lowest, highest)
    write_param("from", None if whole_range else years[0])
    write_param("to", None if whole_range else years[1])
    write_param("section", sections)
    write_param("country", countries)
    write_param("place", place)
    return Filters(
        sections=tuple(sections),
        countries=tuple(countries),
        missions=tuple(missions),
        year_from=None if whole_range else years[0],
        year_to=None if whole_range else years[1],
        include_undated=undated,
        text=text or "",
        place=place,
    )
