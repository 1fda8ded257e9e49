"""The language of the script run in progress, and ``_()`` that translates into it.

The page state (components/state.py) sets the language once per run; views then call ``_()``,
``number()`` and ``ngettext()``. Pure code in data/ takes the language as a parameter instead.
"""

from __future__ import annotations

from contextvars import ContextVar
from datetime import date

import streamlit as st

from data.loader import Dataset
from data.localize import localize
from data.translations import DEFAULT, LANGUAGES, catalog, formatted_number, long_date, plural_form
from data.translations import N_ as N_  # re-exported: the views mark their strings with it

# A context variable, not session state: cheap to read, and each run's thread has its own.
LANGUAGE: ContextVar[str] = ContextVar("language", default=DEFAULT)


def browser_language() -> str:
    """The browser's language when the app has it, else English."""
    locale = (getattr(st.context, "locale", None) or "").replace("_", "-").split("-")[0].casefold()
    return locale if locale in LANGUAGES else DEFAULT


def use(lang: str) -> None:
    LANGUAGE.set(lang if lang in LANGUAGES else DEFAULT)


def current() -> str:
    """The language of this script run (English outside one)."""
    return LANGUAGE.get()


def _(message: str) -> str:
    return catalog(current()).gettext(message)


def number(value: int) -> str:
    return formatted_number(value, current())


def ngettext(singular: str, plural: str, count: int, **values: object) -> str:
    return plural_form(singular, plural, count, current(), **values)


def today() -> str:
    return long_date(date.today(), current())


@st.cache_resource(max_entries=32, show_spinner=False)
def localized(_dataset: Dataset, dataset_id: int, lang: str) -> tuple[Dataset, Dataset]:
    return _dataset, localize(_dataset, lang)


def in_language(dataset: Dataset, lang: str) -> Dataset:
    """The dataset's content in ``lang``, derived once per dataset object and language."""
    owner, result = localized(dataset, id(dataset), lang)
    if owner is not dataset:  # an id reused by a newer object: derive again
        localized.clear()
        owner, result = localized(dataset, id(dataset), lang)
    return result
