"""Country names and map points for ISO 3166-1 alpha-3 codes (pycountry)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd
import pycountry

POINTS_FILE = Path(__file__).with_name("country_points.csv")


@cache
def country_name(code: str) -> str:
    """Readable English name: 'Congo, The Democratic Republic of the' reads as 'The Democratic ...'."""
    country = pycountry.countries.get(alpha_3=code.upper())
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    if ", " in name:
        head, tail = name.split(", ", 1)
        name = f"{tail} {head}"
    return name[0].upper() + name[1:]


@cache
def country_points() -> pd.DataFrame:
    """One representative (latitude, longitude) per country, indexed by ISO3 code."""
    return pd.read_csv(POINTS_FILE, index_col="country")
