"""Text shown as typed where Streamlit reads Markdown (labels, captions)."""

from __future__ import annotations

import re

PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def literal(text: str) -> str:
    """``text`` for a Markdown label, shown as typed: every punctuation mark escaped."""
    return PUNCTUATION.sub(r"\\\1", text)
