"""Sidebar filters: each widget shows and changes a part of the page state's filters."""

from __future__ import annotations

import streamlit as st
from markupsafe import escape

from components.i18n import _, current
from components.state import COUNTRY, MISSION, PLACE, SECTION, TEXT, UNDATED, YEARS, bound, commit
from data.countries import country_name
from data.loader import Dataset
from data.missions import mission_options
from data.page import MAX_TEXT, PageState, cleared


def section_legend(dataset: Dataset) -> str:
    chips = "".join(
        f'<span class="legend-chip"><span class="dot" style="background:{escape(colour)}"></span>{escape(name)}</span>'
        for name, colour in zip(dataset.sections["name"], dataset.sections["colour"])
    )
    return f'<div class="legend">{chips}</div>'


def render_filters(state: PageState, dataset: Dataset) -> None:
    """Draw the filters where the caller's ``with`` block puts them."""
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
        _("Thematic sections"), list(names), format_func=names.get, placeholder=_("All sections"), **bound(SECTION)
    )
    st.html(section_legend(dataset))
    st.multiselect(
        _("Country"),
        dataset.country_options,
        format_func=lambda c: f"{country_name(c, current())} ({c})",
        placeholder=_("All countries"),
        **bound(COUNTRY),
    )
    missions = mission_options(dataset, current())
    st.multiselect(
        _("Mission"), list(missions), format_func=missions.get, placeholder=_("All missions"), **bound(MISSION)
    )
    st.slider(_("Years"), lowest, highest, step=1, **bound(YEARS))
    st.checkbox(_("Include examples with no stated year"), **bound(UNDATED))
    st.text_input(_("Search words"), placeholder=_("e.g. radio, police, quota"), max_chars=MAX_TEXT, **bound(TEXT))
    st.selectbox(
        _("Place (or click a map point)"),
        ["", *dataset.place_options],
        format_func=lambda p: dataset.place_labels.get(p, p) or _("All places"),
        **bound(PLACE),
    )
