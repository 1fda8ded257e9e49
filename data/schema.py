"""The examples file's schema: pandera checks with messages a person can act on.

Every check carries its own message (``error``) and a hint saying how to fix it,
so the command line, the app and the upload all report problems the same way.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pycountry

from data.grouping import per_distinct, per_value

REQUIRED_COLUMNS = ("id", "section", "title", "summary", "country", "year", "mission", "source")
OPTIONAL_COLUMNS = (
    "place",
    "latitude",
    "longitude",
    "year_note",
    "mission_basis",
    "key_figure",
    "prompt",
    "context_note",
)
# shown "(English)" when untranslated
TRANSLATED_FIELDS = ("title", "summary", "key_figure", "prompt", "year_note", "context_note")
TRANSLATED_PLACE = "place"  # untranslated: the English name (or the country's name in the language)
TRANSLATIONS = ("fr", "es")
TRANSLATION_COLUMNS = tuple(
    f"{field}_{lang}" for lang in TRANSLATIONS for field in (*TRANSLATED_FIELDS, TRANSLATED_PLACE)
)
MISSION_BASES = ("stated", "inferred", "not named")
FIRST_YEAR, LAST_YEAR = 1945, 2100
YEAR_PATTERN = r"^(?P<start>\d{4})(?:(?P<dash>-)(?P<end>\d{4})?)?$"
FORMULA_PATTERN = r"^(?:[=+@]|-(?![\d.\s]))"  # '-3' and '- item' are text, '-A1' is a formula
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"  # what links, slides and HTML ids can carry as they are
RESERVED_IDS = frozenset({"note", "sources", "new"})  # slide kinds and the desk's "new example"
CONTROL_CHARACTERS = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"  # what XLSX cannot hold (tabs and line breaks it can)
MAX_LENGTH = {
    "id": 80,
    "title": 200,
    "summary": 2000,
    "place": 300,
    "mission": 200,
    "source": 500,
    "key_figure": 300,
    "prompt": 500,
    "year_note": 200,
    "context_note": 500,
}

HINTS = {
    "missing": "Add a column with exactly this name to the header row.",
    "required": "Fill in this cell; it may not be empty.",
    "duplicate": "Give every example its own id.",
    "section": "Use a section slug (ddr, elections, ssr, military, justice, recruitment) or its full name.",
    "country": "Use ISO 3166-1 alpha-3 codes such as LBR or country names such as Liberia, several separated by ';'.",
    "formula": "Remove the leading = + - or @: spreadsheets would run this cell as a formula.",
    "year": f"Write YYYY, YYYY-YYYY (start first) or YYYY- (since YYYY), between {FIRST_YEAR} and {LAST_YEAR}; "
    "leave empty if not stated.",
    "coordinates": "Give one latitude (-90..90) and one longitude (-180..180) per country, separated by ';', "
    "or leave both empty.",
    "basis": f"Use one of: {', '.join(MISSION_BASES)}.",
    "length": "Shorten the text.",
    "id": "Use lower-case letters, digits and single '-' between them, e.g. liberia-police-2007 "
    f"(at most 80 characters; {', '.join(sorted(RESERVED_IDS))} are reserved).",
    "control": "Remove the invisible control character (often pasted from a PDF): retype the text around it.",
    "point": "This country has no point on the map: give latitude and longitude.",
}


# Filled by rule(): each check's message -> its fix hint, and for whole-row checks the column to report.
HINT_OF_MESSAGE: dict[str, str] = {}
COLUMN_OF_MESSAGE: dict[str, str] = {}


def rule(test, key: str, message: str, column: str = "", **options) -> pa.Check:
    """A pandera check whose failure message maps back to a fix hint (and a column, for row checks)."""
    HINT_OF_MESSAGE[message] = HINTS[key]
    if column:
        COLUMN_OF_MESSAGE[message] = column
    return pa.Check(test, name=key, error=message, **options)


def split_list(value: str) -> list[str]:
    return [part.strip() for part in str(value).split(";") if part.strip()]


@cache
def is_iso3(code: str) -> bool:
    return len(code) == 3 and pycountry.countries.get(alpha_3=code.upper()) is not None


def countries_valid(value: str) -> bool:
    codes = split_list(value)
    return bool(codes) and all(is_iso3(code) for code in codes)


def year_parts(years: pd.Series) -> pd.DataFrame:
    """Split year cells into start, end (inclusive) and open_end; empty means not stated."""
    return per_distinct(years.to_frame(), lambda distinct: parse_years(distinct.iloc[:, 0]))


def parse_years(years: pd.Series) -> pd.DataFrame:
    parts = years.fillna("").astype(str).str.strip().str.extract(YEAR_PATTERN)
    start = pd.to_numeric(parts["start"], errors="coerce").astype("Int64")
    end = pd.to_numeric(parts["end"], errors="coerce").astype("Int64").fillna(start)
    return pd.DataFrame(
        {"year_start": start, "year_end": end, "open_end": parts["dash"].notna() & parts["end"].isna()},
        index=years.index,
    )


def years_valid(years: pd.Series) -> pd.Series:
    """Empty, or YYYY / YYYY-YYYY / YYYY- with every year in range."""
    text = years.fillna("").astype(str)
    parts = year_parts(text)
    in_range = parts["year_start"].between(FIRST_YEAR, LAST_YEAR) & parts["year_end"].between(FIRST_YEAR, LAST_YEAR)
    return (text == "") | in_range.fillna(False).astype(bool)


def years_ordered(years: pd.Series) -> pd.Series:
    parts = year_parts(years)
    return (parts["year_start"] <= parts["year_end"]).fillna(True).astype(bool)


def numbers_in_range(value: str, limit: float) -> bool:
    try:
        return all(-limit <= float(part) <= limit for part in split_list(value))
    except ValueError:
        return False


def coordinates_valid(frame: pd.DataFrame) -> pd.Series:
    """Latitude and longitude: both empty, or one number in range per country."""
    if "latitude" not in frame or "longitude" not in frame:
        return pd.Series(True, index=frame.index)

    def ok(lat: str, lon: str, country: str) -> bool:
        lats, lons = split_list(lat), split_list(lon)
        if not lats and not lons:
            return True
        return (
            len(lats) == len(lons) == len(split_list(country))
            and numbers_in_range(lat, 90)
            and numbers_in_range(lon, 180)
        )

    def all_ok(distinct: pd.DataFrame) -> pd.Series:
        return pd.Series([ok(*cells) for cells in distinct.itertuples(index=False)], dtype=bool)

    return per_distinct(frame[["latitude", "longitude", "country"]], all_ok)


def looks_like_formula(cells: pd.Series) -> pd.Series:
    """Whether each cell starts like a formula; the pattern only runs on cells starting with = + - @."""
    suspects = cells.str.startswith(("=", "+", "-", "@")).to_numpy(dtype=bool, na_value=False)
    verdict = np.zeros(len(cells), dtype=bool)
    verdict[suspects] = [re.match(FORMULA_PATTERN, cell) is not None for cell in cells[suspects]]
    return pd.Series(verdict, index=cells.index)


def text_checks(name: str, cell_required: bool) -> list[pa.Check]:
    """A length limit; ``cell_required`` also forbids empty cells."""
    checks = [
        rule(lambda s: s.str.len() <= MAX_LENGTH[name], "length", f"longer than {MAX_LENGTH[name]} characters"),
        rule(lambda s: ~s.str.contains(CONTROL_CHARACTERS), "control", "holds a control character"),
        rule(lambda s: ~looks_like_formula(s), "formula", "starts like a spreadsheet formula"),
    ]
    if cell_required:
        checks.insert(0, rule(lambda s: s != "", "required", "is empty"))
    return checks


def text_column(name: str, cell_required: bool, column_required: bool = True) -> pa.Column:
    return pa.Column(str, text_checks(name, cell_required), required=column_required)


def examples_schema(sections: pd.DataFrame, country_points: frozenset[str]) -> pa.DataFrameSchema:
    """Schema for an examples file whose cells are all text, stripped (``loader.normalise_cells``)."""
    known_sections = set(sections["slug"]) | set(sections["name"].str.lower())

    def has_point(frame: pd.DataFrame) -> pd.Series:
        lat = frame["latitude"] if "latitude" in frame else pd.Series("", index=frame.index)
        placed = lat.fillna("") != ""
        return placed | per_value(
            frame["country"], lambda v: all(c.upper() in country_points for c in split_list(v) if is_iso3(c))
        ).astype(bool)

    return pa.DataFrameSchema(
        {
            "id": pa.Column(
                str,
                [
                    *text_checks("id", True),
                    rule(
                        lambda s: (s == "") | (s.str.fullmatch(ID_PATTERN) & ~s.isin(RESERVED_IDS)),
                        "id",
                        "not an id of lower-case letters, digits and '-'",
                    ),
                    rule(lambda s: ~s.duplicated(keep=False), "duplicate", "duplicate id"),
                ],
            ),
            "section": pa.Column(str, rule(lambda s: s.str.lower().isin(known_sections), "section", "unknown section")),
            "title": text_column("title", True),
            "summary": text_column("summary", True),
            "country": pa.Column(
                str,
                rule(
                    lambda s: per_value(s, countries_valid).astype(bool),
                    "country",
                    "not a valid ISO 3166-1 alpha-3 country code",
                ),
            ),
            "year": pa.Column(
                str,
                [
                    rule(years_valid, "year", f"not a year or span between {FIRST_YEAR} and {LAST_YEAR}"),
                    rule(years_ordered, "year", "start year is after end year"),
                ],
            ),
            "mission": text_column("mission", False),
            "source": text_column("source", True),
            "place": text_column("place", False, column_required=False),
            "key_figure": text_column("key_figure", False, column_required=False),
            "prompt": text_column("prompt", False, column_required=False),
            "year_note": text_column("year_note", False, column_required=False),
            "context_note": text_column("context_note", False, column_required=False),
            "mission_basis": pa.Column(
                str,
                rule(lambda s: s.isin(("", *MISSION_BASES)), "basis", "unknown mission basis"),
                required=False,
            ),
            **{
                column: text_column(column.rsplit("_", 1)[0], False, column_required=False)
                for column in TRANSLATION_COLUMNS
            },
            "latitude": pa.Column(str, required=False),
            "longitude": pa.Column(str, required=False),
        },
        checks=[
            rule(coordinates_valid, "coordinates", "bad or out of range", column="latitude/longitude"),
            rule(has_point, "point", "no map point for this country", column="country"),
        ],
        strict=False,
    )
