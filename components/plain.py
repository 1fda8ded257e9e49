"""Text shown as typed where Streamlit reads Markdown (labels, captions, messages, tables)."""

from __future__ import annotations

import re

import pandas as pd

PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def literal(text: str) -> str:
    """``text`` for a Markdown label, shown as typed: every punctuation mark escaped."""
    return PUNCTUATION.sub(r"\\\1", text)


def literal_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A table for ``st.table`` (which reads Markdown in its cells) with every text cell shown as typed."""
    return frame.map(lambda cell: literal(cell) if isinstance(cell, str) else cell)
