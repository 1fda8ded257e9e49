"""Sidebar filters: each filter of the registry (data/filters.py) drawn by the widget its ``widget``
names, showing and changing its part of the page state, each option with the number of examples it
would give."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from markupsafe import escape

from components.i18n import _, current, number
from components.shared_views import shared
from components.state import RELEVANCE, bound, commit
from data.facets import Facets
from data.filters import FILTERS, MAX_TEXT, Filter
from data.loader import Dataset
from data.page import PageState, cleared


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


def counted(f: Filter, state: PageState, dataset: Dataset, facets: Facets) -> dict[str, str]:
    """Each option of ``f`` and its label with its count (``facets``: those of ``state.filters``)."""

    def labels() -> dict[str, str]:
        names = f.names(dataset, current()) if f.names else {}
        return {option: with_count(name, facets.of(f.name, option)) for option, name in names.items()}

    return shared(dataset, "labels", (f.name, state.filters.selects), labels)


def choices(f: Filter, state: PageState, dataset: Dataset, facets: Facets) -> None:
    labels = counted(f, state, dataset, facets)
    st.multiselect(
        _(f.label), list(labels), format_func=labels.__getitem__, placeholder=_(f.placeholder), **bound(f.key)
    )


def choice(f: Filter, state: PageState, dataset: Dataset, facets: Facets) -> None:
    labels = counted(f, state, dataset, facets)
    st.selectbox(_(f.label), ["", *labels], format_func=lambda o: labels[o] if o else _(f.placeholder), **bound(f.key))


def years(f: Filter, state: PageState, dataset: Dataset, facets: Facets) -> None:
    st.html(years_html(_(f.label), facets[f.name]))
    st.slider(_(f.label), *dataset.year_bounds, step=1, label_visibility="collapsed", **bound(f.key))


def flag(f: Filter, state: PageState, dataset: Dataset, facets: Facets) -> None:
    label = _(f.label)
    st.checkbox(with_count(label, facets[f.name]) if f.facet else label, **bound(f.key))


def search_words(f: Filter, state: PageState, dataset: Dataset, facets: Facets) -> None:
    st.text_input(_(f.label), placeholder=_(f.placeholder), max_chars=MAX_TEXT, help=_(f.help), **bound(f.key))
    if getattr(state.filters, f.name).strip():
        st.toggle(_("Most relevant first"), **bound(RELEVANCE))


WIDGETS: dict[str, Callable[[Filter, PageState, Dataset, Facets], None]] = {
    "choices": choices,
    "choice": choice,
    "years": years,
    "flag": flag,
    "words": search_words,
}


def render_filters(state: PageState, dataset: Dataset, facets: Facets) -> None:
    """Draw the filters where the caller's ``with`` block puts them."""
    st.header(_("Filters"))
    st.button(
        _("Clear all filters"),
        key="clear_all",
        on_click=commit,
        args=(cleared(state),),
        icon=":material/filter_alt_off:",
        width="stretch",
    )
    for f in FILTERS:
        WIDGETS[f.widget](f, state, dataset, facets)
        if f.name == "sections":
            st.html(section_legend(dataset))
