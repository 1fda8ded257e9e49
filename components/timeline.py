"""The explore view's timeline: examples at their stated year or span, undated ones in their own lane."""

from __future__ import annotations

import streamlit as st

from components.figures import plot, timeline_figure
from components.i18n import _
from data.loader import Dataset
from data.selection import Selection


def render_timeline(selection: Selection, dataset: Dataset) -> None:
    plot(timeline_figure(selection, dataset), config={"displaylogo": False}, key="timeline", width="stretch")
    st.caption(
        _(
            'Bars show spans, ▶ marks an open-ended span ("since"), dotted lines the normative milestones. '
            "Examples whose source states no year sit in the right-hand lane, never at an invented year. "
            "Larger markers hold several examples."
        )
    )
