"""gettext catalogs for the interface (locales/) and for country names (pycountry's iso3166-1), and
number, date and plural formats (Babel). Pure: every function takes the language it writes in."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

import pycountry
from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locales"
LANGUAGES = {"en": "English", "fr": "Français", "es": "Español"}
DEFAULT = "en"
Translate = Callable[[str], str]


def untranslated(message: str) -> str:
    return message


def N_(message: str) -> str:
    """Marks a string for the catalog (``pybabel extract -k N_``); it is translated where it is shown."""
    return message


@cache
def catalog(lang: str) -> gettext.NullTranslations:
    return gettext.translation("messages", LOCALE_DIR, languages=[lang], fallback=True)


@cache
def country_catalog(lang: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


@cache
def formatted_number(value: int, lang: str) -> str:
    return format_decimal(value, locale=lang)


def plural_form(singular: str, plural: str, count: int, lang: str, **values: object) -> str:
    """``ngettext`` in ``lang``, with ``{count}`` written as a number of that language, and ``values``."""
    return catalog(lang).ngettext(singular, plural, count).format(count=formatted_number(count, lang), **values)


def long_date(value: date, lang: str) -> str:
    return format_date(value, format="long", locale=lang)
