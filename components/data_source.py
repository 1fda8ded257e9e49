"""Which examples file the app shows (``streamlit run app.py -- --data FILE``), loaded once."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

import streamlit as st

from components.i18n import _
from data.loader import EXAMPLES_FILE, Dataset, load_dataset


def examples_path(argv: list[str] | None = None) -> Path:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data", type=Path, default=EXAMPLES_FILE)
    known, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    return known.data


# A resource cache, not cache_data: the Dataset is never mutated, so every session can share one
# object instead of unpickling a copy on each rerun (which grows with the data).
@st.cache_resource(show_spinner=False)
def cached_dataset(path: str, modified: float) -> Dataset:
    dataset = load_dataset(path)
    # Everything alive now (modules, the dataset) lives as long as the server: moved out of the
    # garbage collector's sight, full collections no longer walk it (90 ms at 10,000 examples).
    gc.freeze()
    return dataset


def current_dataset() -> tuple[Dataset, str]:
    """The dataset of the examples file, and a key that changes when the file does."""
    path = examples_path()
    modified = path.stat().st_mtime if path.exists() else 0.0
    with st.spinner(_("Loading the examples…"), show_time=False):
        return cached_dataset(str(path), modified), f"{path}:{modified}"


def show_problems(dataset: Dataset) -> None:
    """Invalid data never reaches the app silently: list each problem and what was left out."""
    if not dataset.problems:
        return
    lines = "\n".join(f"- `{p}`" for p in dataset.problems[:20])
    hidden = len(dataset.problems) - 20
    more = "\n- " + _("… and {count} more").format(count=hidden) if hidden > 0 else ""
    st.error(
        _(
            "The examples file has {count} problem(s); rows with problems are left out. "
            "Fix them and check with `python -m data.validate FILE`:"
        ).format(count=len(dataset.problems))
        + f"\n{lines}{more}",
        icon="🚫",
    )
