"""Which examples the app shows: the team's collection (published examples), or one file
(``streamlit run server.py -- --data FILE``, read-only). Loaded once per store revision, for every session."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import cache
from pathlib import Path

import streamlit as st

from components.app_secrets import app_secrets
from components.i18n import _
from data.loader import Dataset, build_dataset, load_dataset
from store.collection import Store
from store.database import database_url


def examples_path(argv: list[str] | None = None) -> Path | None:
    """The ``--data`` file of ``argv``, by default this process's arguments (read once: every run asks)."""
    return path_in(tuple(sys.argv[1:] if argv is None else argv))


@cache
def path_in(argv: tuple[str, ...]) -> Path | None:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data", type=Path, default=None)
    known = parser.parse_known_args(argv)[0]
    return known.data


def configured_url() -> str | None:
    """``DATABASE_URL`` from ``.streamlit/secrets.toml``, if there is one (else the environment's)."""
    return app_secrets().get("DATABASE_URL")


@st.cache_resource(show_spinner=False)
def open_store(url: str) -> Store:
    """The store, its tables created and the curated examples seeded on the very first start."""
    store = Store(url)
    store.ensure_seeded()
    return store


def frozen(dataset: Dataset) -> Dataset:
    # Everything alive now (modules, the dataset) lives as long as the server: moved out of the
    # garbage collector's sight, full collections no longer walk it (90 ms at 10,000 examples).
    gc.freeze()
    return dataset


# A resource cache, not cache_data: the Dataset is never mutated, so every session can share one
# object instead of unpickling a copy on each rerun (which grows with the data).
@st.cache_resource(show_spinner=False, max_entries=2)
def published_dataset(url: str, revision: int) -> Dataset:
    """The collection's published examples at ``revision``; a newer revision replaces it."""
    store = open_store(url)
    changed_at = store.revision()[1]
    dataset = build_dataset(store.published_frame(), "collection")
    return frozen(replace(dataset, version=f"r{revision}", version_date=changed_at.date().isoformat()))


@st.cache_resource(show_spinner=False)
def file_dataset(path: str, modified: float) -> Dataset:
    return frozen(load_dataset(path))


def collection_store() -> Store | None:
    """The team's collection, or None when the app shows one file (``--data``)."""
    return None if examples_path() is not None else open_store(database_url(configured_url()))


LOADED: set[str] = set()  # what this process has loaded once (a store opened, a dataset built)


@contextmanager
def loading(key: str) -> Iterator[None]:
    """The spinner "Loading the examples…" while ``key`` is loaded for the first time in this process,
    never again: a spinner costs a timer thread on every run."""
    if key in LOADED:
        yield
        return
    with st.spinner(_("Loading the examples…"), show_time=False):
        yield
    LOADED.add(key)


def current_dataset() -> tuple[Dataset, str]:
    """The dataset to show, and a key that changes when it does (one small query per run)."""
    path = examples_path()
    if path is not None:
        modified = path.stat().st_mtime if path.exists() else 0.0
        key = f"{path}:{modified}"
        with loading(key):
            return file_dataset(str(path), modified), key
    url = database_url(configured_url())
    with loading(url):
        store = open_store(url)
    revision = store.revision()[0]
    key = f"{store.url}#{revision}"
    with loading(key):
        return published_dataset(store.url, revision), key


def show_problems(dataset: Dataset) -> None:
    """Invalid data never reaches the app silently: list each problem and what was left out."""
    if not dataset.problems:
        return
    lines = "\n".join(f"- `{Path(p.file).name}:{p.row}: {p.column}: {p.message}`" for p in dataset.problems[:20])
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
