"""gettext catalogs for the interface (locales/) and for country names (pycountry's iso3166-1)."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pycountry

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locales"
LANGUAGES = {"en": "English", "fr": "Français", "es": "Español"}
Translate = Callable[[str], str]


def untranslated(message: str) -> str:
    return message


@cache
def catalog(lang: str) -> gettext.NullTranslations:
    return gettext.translation("messages", LOCALE_DIR, languages=[lang], fallback=True)


@cache
def country_catalog(lang: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
