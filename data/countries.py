"""Country names and map points for ISO 3166-1 alpha-3 codes (pycountry)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd
import pycountry

from data.translations import country_catalog

POINTS_FILE = Path(__file__).with_name("country_points.csv")
# Where pycountry's translation is not the name the UN uses in that language (locales/GLOSSARY.md).
UN_NAMES = {
    ("CIV", "fr"): "Côte d’Ivoire",
    ("CIV", "es"): "Côte d’Ivoire",
    ("TLS", "fr"): "Timor-Leste",
    ("TLS", "es"): "Timor-Leste",
    ("KOR", "en"): "Republic of Korea",
    ("PRK", "en"): "Democratic People's Republic of Korea",
}


@cache
def country_name(code: str, lang: str = "en") -> str:
    """Readable name: 'Congo, The Democratic Republic of the' reads as 'The Democratic ...'."""
    if (code.upper(), lang) in UN_NAMES:
        return UN_NAMES[code.upper(), lang]
    country = pycountry.countries.get(alpha_3=code.upper())
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    if lang != "en":
        name = country_catalog(lang).gettext(country.name)
    if ", " in name:
        head, tail = name.split(", ", 1)
        name = f"{tail.removeprefix('The ')} {head}".replace("' ", "’")
    return name[0].upper() + name[1:]


@cache
def country_points() -> pd.DataFrame:
    """One representative (latitude, longitude) per country, indexed by ISO3 code."""
    return pd.read_csv(POINTS_FILE, index_col="country")


def name_key(name: str) -> str:
    key = name.casefold().strip()
    return key.removeprefix("the ")


@cache
def names_index() -> dict[str, str]:
    """Every English name pycountry knows (and our reordered one) -> ISO3 code."""
    index = {}
    for country in pycountry.countries:
        for name in (
            country.name,
            getattr(country, "official_name", ""),
            getattr(country, "common_name", ""),
            country_name(country.alpha_3),
        ):
            if name:
                index[name_key(name)] = country.alpha_3
    return index


@cache
def resolve_country(text: str) -> str:
    """An ISO3 code for a code or an English name ('Liberia', 'Cote d'Ivoire'); unknown text is returned as is."""
    value = text.strip()
    if len(value) == 3 and pycountry.countries.get(alpha_3=value.upper()):
        return value.upper()
    if name_key(value) in names_index():
        return names_index()[name_key(value)]
    try:
        return pycountry.countries.lookup(value).alpha_3
    except LookupError:
        pass
    if len(value) <= 3:
        return value
    try:
        return pycountry.countries.search_fuzzy(value)[0].alpha_3
    except LookupError:
        return value
