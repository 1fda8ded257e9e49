"""The interface language: English, French or Spanish (gettext catalogs in locales/, Babel formats).

The language comes from the URL (``lang=fr``), else the browser's locale (``st.context.locale``),
else English. ``_()`` translates an interface string for the current session.
"""

from __future__ import annotations

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


def current() -> str:
    """The session's language (set by the switch); English outside a Streamlit run."""
    try:
        lang = st.session_state.get("lang")
    except Exception:  # no script run (e.g. a plain unit test)
        lang = None
    return lang if lang in LANGUAGES else DEFAULT


def _(message: str) -> str:
    return catalog(current()).gettext(message)


def N_(message: str) -> str:
    """Marks a string for the catalog; it is translated where it is shown."""
    return message


def number(value: int, lang: str | None = None) -> str:
    return format_decimal(value, locale=lang or current())


def long_date(value, lang: str | None = None) -> str:
    return format_date(value, format="long", locale=lang or current())


def ngettext(singular: str, plural: str, count: int) -> str:
    return catalog(current()).ngettext(singular, plural, count).format(count=number(count))


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
