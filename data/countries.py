"""Country names and map points for ISO 3166-1 alpha-3 codes (pycountry)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import pandas as pd
import pycountry
from rapidfuzz import fuzz, process

from data.translations import country_catalog

POINTS_FILE = Path(__file__).with_name("country_points.csv")
# Where pycountry's translation is not the name the UN uses in that language (locales/GLOSSARY.md).
UN_NAMES = {
    ("CIV", "fr"): "Côte d’Ivoire",
    ("CIV", "es"): "Côte d’Ivoire",
    ("TLS", "fr"): "Timor-Leste",
    ("TLS", "es"): "Timor-Leste",
    ("ESH", "es"): "Sáhara Occidental",
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


# Spellings that pycountry's names do not cover (keys as ``name_key`` writes them).
ALIASES = {
    "drc": "COD",
    "dr congo": "COD",
    "d.r. congo": "COD",
    "dr of the congo": "COD",
    "congo-kinshasa": "COD",
    "congo (kinshasa)": "COD",
    "congo, dem. rep.": "COD",
    "democratic republic of congo": "COD",
    "zaire": "COD",
    "congo-brazzaville": "COG",
    "congo (brazzaville)": "COG",
    "congo, rep.": "COG",
    "republic of congo": "COG",
    "republic of the congo": "COG",
    "ivory coast": "CIV",
    "south korea": "KOR",
    "korea, south": "KOR",
    "korea, rep.": "KOR",
    "korea (south)": "KOR",
    "north korea": "PRK",
    "korea, north": "PRK",
    "dprk": "PRK",
    "korea, dem. people's rep.": "PRK",
    "korea (north)": "PRK",
    "turkey": "TUR",
    "russia": "RUS",
    "syria": "SYR",
    "laos": "LAO",
    "lao pdr": "LAO",
    "vietnam": "VNM",
    "east timor": "TLS",
    "timor leste": "TLS",
    "burma": "MMR",
    "cape verde": "CPV",
    "swaziland": "SWZ",
    "macedonia": "MKD",
    "fyrom": "MKD",
    "former yugoslav republic of macedonia": "MKD",
    "the former yugoslav republic of macedonia": "MKD",
    "czech republic": "CZE",
    "palestine": "PSE",
    "occupied palestinian territory": "PSE",
    "west bank and gaza": "PSE",
    "gaza": "PSE",
    "bosnia": "BIH",
    "bosnia-herzegovina": "BIH",
    "car": "CAF",
    "central african rep.": "CAF",
    "uk": "GBR",
    "great britain": "GBR",
    "usa": "USA",
    "us": "USA",
    "united states of america": "USA",
    "brunei": "BRN",
    "vatican": "VAT",
    "holy see": "VAT",
    "micronesia": "FSM",
    "st. lucia": "LCA",
    "st lucia": "LCA",
    "st. kitts and nevis": "KNA",
    "st. vincent and the grenadines": "VCT",
    "the gambia": "GMB",
    "gambia, the": "GMB",
    "bahamas, the": "BHS",
    "egypt, arab rep.": "EGY",
    "iran, islamic rep.": "IRN",
    "yemen, rep.": "YEM",
    "venezuela, rb": "VEN",
    "kyrgyz republic": "KGZ",
    "slovak republic": "SVK",
    "sao tome": "STP",
}
AMBIGUOUS = {  # names that fit several countries: a problem with the choices, never a guess
    "korea": ("KOR", "PRK"),
    "congo": ("COD", "COG"),
    "guinea": ("GIN", "GNB", "GNQ", "PNG"),
}
NO_ISO_CODE = {"kosovo": "UN Security Council resolution 1244", "yugoslavia": "", "serbia and montenegro": ""}
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})


def name_key(name: str) -> str:
    """A name as looked up: case, accents, apostrophes and a leading "the" do not matter."""
    text = unicodedata.normalize("NFKD", name.translate(APOSTROPHES))
    key = " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())
    return key.removeprefix("the ")


@cache
def names_index() -> dict[str, str]:
    """Every name pycountry knows in English, French and Spanish (and ours), and the aliases -> ISO3."""
    index = {}
    for country in pycountry.countries:
        names = [country.name, getattr(country, "official_name", ""), getattr(country, "common_name", "")]
        for lang in ("en", "fr", "es"):
            names.append(country_name(country.alpha_3, lang))
            if lang != "en":
                names += [country_catalog(lang).gettext(n) for n in names[:3] if n]
        for name in names:
            if name:
                index[name_key(name)] = country.alpha_3
    return index | ALIASES


def reordered(key: str) -> list[str]:
    """UN-style "bolivia (plurinational state of)" and "korea, republic of" as plain names."""
    forms = []
    if match := re.fullmatch(r"(.+?) \((.+)\)", key):
        forms += [f"{match[2]} {match[1]}", match[1]]
    if ", " in key:
        head, tail = key.split(", ", 1)
        forms += [f"{tail} {head}", head]
    return forms


@cache
def resolve_country(text: str) -> str:
    """ISO3 codes ("COD;ERI") for a code or a name in English, French or Spanish ("DRC",
    "Côte d’Ivoire", "Ethiopia/Eritrea"); text that is unknown or ambiguous comes back as it was."""
    value = " ".join(text.split())
    if len(value) == 3 and pycountry.countries.get(alpha_3=value.upper()):
        return value.upper()
    key = name_key(value)
    if key in AMBIGUOUS or key in NO_ISO_CODE:
        return value
    for form in (key, *reordered(key)):
        if form in names_index():
            return names_index()[form]
    parts = [part.strip() for part in value.split("/")]
    if len(parts) > 1:
        codes = [resolve_country(part) for part in parts]
        if all(len(code) == 3 and code.isupper() for code in codes):
            return ";".join(codes)
    return value


@cache
def country_suggestions(text: str) -> str:
    """What to write instead of an unknown or ambiguous country, e.g. "'DRK' → PRK (…)?"."""
    key = name_key(text)
    if key in AMBIGUOUS:
        choices = ", ".join(f"{code} ({country_name(code)})" for code in AMBIGUOUS[key])
        return f"{text!r} could be several countries: write one of {choices}."
    if key in NO_ISO_CODE:
        return (
            f"{text!r} has no ISO 3166-1 code: give the example its own latitude and longitude and the code of "
            "the country the source places it in."
        )
    found = process.extract(key, list(names_index()), scorer=fuzz.WRatio, limit=3, score_cutoff=85)
    codes = list(dict.fromkeys(names_index()[name] for name, _, _ in found))
    if not codes:
        return f"{text!r} is not a country we know: use an ISO 3166-1 alpha-3 code such as LBR."
    return f"{text!r} → " + " or ".join(f"{code} ({country_name(code)})" for code in codes) + "?"
