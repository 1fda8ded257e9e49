"""Plotly figures are built as plain dicts and handed to Streamlit without a second validation."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import streamlit as st


def plot(spec: dict, **options: Any) -> Any:
    """``st.plotly_chart`` of a dict figure, skipping plotly's validation of it.

    Validating a dict costs more than building it (60 ms of a 10,000-example timeline); the tests
    validate every figure this app builds instead (tests/test_figures.py).
    """
    return st.plotly_chart(go.Figure(spec, _validate=False), **options)
