"""The explore view's timeline: examples at their stated year or span, undated ones in their own lane."""

from __future__ import annotations

import streamlit as st

from components.figures import as_figure, plot
from components.i18n import _
from components.shared_views import shared
from components.state import LATER, bound
from components.timeline_figure import timeline_figure
from data.loader import Dataset
from data.page import PageState
from data.selection import Selection


def render_timeline(state: PageState, selection: Selection, dataset: Dataset) -> None:
    """The timeline, and the switch that keeps it to the source's own milestones."""
    if later := dataset.later_years:
        label = _("Show the Security Council resolutions after the source ({first}–{last})")
        st.toggle(label.format(first=later[0], last=later[1]), **bound(LATER))
    figure = shared(
        dataset,
        "timeline",
        (state.filters.selects, state.later),
        lambda: as_figure(timeline_figure(selection, dataset, later=state.later)),
    )
    plot(figure, config={"displaylogo": False}, key="timeline", width="stretch")
    st.caption(
        _(
            'Bars show spans, ▶ marks an open-ended span ("since"), dotted lines the milestones the source '
            "gives, dashed grey lines the later Security Council resolutions (context, not from the source). "
            "Examples whose source states no year sit in the right-hand lane, never at an invented year. "
            "Larger markers hold several examples."
        )
    )
