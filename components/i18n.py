"""The interface language: English, French or Spanish (gettext catalogs in locales/, Babel formats).

The language comes from the URL (``lang=fr``), else the browser's locale (``st.context.locale``),
else English. ``_()`` translates an interface string for the current session.
"""

from __future__ import annotations

from contextvars import ContextVar
from functools import cache

import streamlit as st
from babel.dates import format_date
from babel.numbers import format_decimal

from data.loader import Dataset
from data.localize import localize
from data.translations import LANGUAGES, catalog

DEFAULT = "en"


def browser_language() -> str:
    locale = (getattr(st.context, "locale", None) or "").replace("_", "-").split("-")[0].casefold()
    return locale if locale in LANGUAGES else DEFAULT


# The language of the script run in progress: set once per run by the switch, read by every _().
# A context variable, not session state: cheap to read, and each run's thread has its own.
LANGUAGE: ContextVar[str] = ContextVar("language", default=DEFAULT)


def use(lang: str) -> None:
    LANGUAGE.set(lang if lang in LANGUAGES else DEFAULT)


def current() -> str:
    """The language of this script run (English outside one)."""
    return LANGUAGE.get()


def _(message: str) -> str:
    return catalog(current()).gettext(message)


def N_(message: str) -> str:
    """Marks a string for the catalog; it is translated where it is shown."""
    return message


def number(value: int, lang: str | None = None) -> str:
    return formatted_number(value, lang or current())


@cache
def formatted_number(value: int, lang: str) -> str:
    return format_decimal(value, locale=lang)


def long_date(value, lang: str | None = None) -> str:
    return format_date(value, format="long", locale=lang or current())


def ngettext(singular: str, plural: str, count: int) -> str:
    return plural_form(singular, plural, count, current())


@cache
def plural_form(singular: str, plural: str, count: int, lang: str) -> str:
    return catalog(lang).ngettext(singular, plural, count).format(count=formatted_number(count, lang))


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
