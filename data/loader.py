"""Read, validate and type the dataset: examples, places, sections, milestones, missions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pandera
import pyarrow as pa
import pyarrow.compute as pc

from data.countries import country_name, country_points, country_suggestions, resolve_country
from data.derived import Derived
from data.grouping import group_rows, per_distinct, per_value
from data.reading import UnreadableFile, read_table
from data.schema import (
    COLUMN_OF_MESSAGE,
    FIRST_YEAR,
    HINT_OF_MESSAGE,
    HINTS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    TRANSLATION_COLUMNS,
    examples_schema,
    is_iso3,
    split_list,
    year_parts,
)
from data.search import vocabulary
from data.translations import Translate, untranslated

DATA_DIR = Path(__file__).resolve().parent
EXAMPLES_FILE = DATA_DIR / "examples.csv"
CHANGELOG_FILE = DATA_DIR / "CHANGELOG.md"
HEADER_ROW = 1  # spreadsheet row of the header; data rows start at 2
QUOTED = r"^'([=+\-@])"  # the apostrophe that exports put before formula-like cells (no look-ahead: RE2)
SEARCHED_COLUMNS = ("title", "summary", "place", "mission", "source")
LATER_KIND = "later"  # the kind of milestones.csv rows after the source: Security Council resolutions shown as context


@dataclass(frozen=True)
class Problem:
    """One problem in a data file, at a spreadsheet row (1 is the header)."""

    file: str
    row: int
    column: str
    message: str
    hint: str = ""
    value: str = ""  # the offending cell, as the file has it

    def __str__(self) -> str:
        return f"{self.file}:{self.row}: {self.column}: {self.message}"


class SearchText:
    """What word search looks in: the searched columns as the page shows them (in its language),
    lower-cased and without accents.

    Built on the first search, not at load (90 ms of loading 100,000 examples).
    """

    def __init__(self, examples: pd.DataFrame) -> None:
        self.columns = examples[[c for c in SEARCHED_COLUMNS if c in examples]]

    @cached_property
    def text(self) -> pd.Series:
        return search_text(self.columns)

    @cached_property
    def words(self) -> list[str]:
        """Every word of the searched text: where the nearest spellings come from."""
        return vocabulary(self.text)


@dataclass(frozen=True)
class Dataset:
    examples: pd.DataFrame
    places: pd.DataFrame
    sections: pd.DataFrame
    milestones: pd.DataFrame
    missions: pd.DataFrame
    version: str
    version_date: str
    problems: tuple[Problem, ...] = field(default=())
    search: SearchText = field(default=None)  # type: ignore[assignment]  # None: made from the examples

    def __post_init__(self) -> None:
        if self.search is None:
            object.__setattr__(self, "search", SearchText(self.examples))

    @cached_property
    def section_colours(self) -> dict[str, str]:
        return dict(zip(self.sections["slug"], self.sections["colour"]))

    @cached_property
    def section_names(self) -> dict[str, str]:
        return dict(zip(self.sections["slug"], self.sections["name"]))

    @cached_property
    def section_short_names(self) -> dict[str, str]:
        return dict(zip(self.sections["slug"], self.sections["short"]))

    # Derived once per dataset (the object is shared by every session and never mutated).
    @cached_property
    def derived(self) -> Derived:
        """What the pages derive from this dataset per state (data/derived.py)."""
        return Derived()

    @cached_property
    def example_countries(self) -> pd.Series:
        """ISO3 code per (example row, country): the examples' index, repeated."""
        return self.examples["countries"].explode().dropna()

    @cached_property
    def example_missions(self) -> pd.Series:
        return self.examples["missions"].explode().dropna()

    @cached_property
    def mission_bases(self) -> dict[str, frozenset[str]]:
        """Each mission with examples → the bases the examples give it (stated, inferred)."""
        exploded = self.example_missions
        basis = self.examples["mission_basis"].loc[exploded.index].to_numpy()
        frame = pd.DataFrame({"mission": exploded.to_numpy(), "basis": basis})
        return frame.groupby("mission")["basis"].agg(frozenset).to_dict()

    @cached_property
    def country_options(self) -> list[str]:
        return sorted(distinct_items(self.examples["country"]), key=country_name)

    @cached_property
    def mission_options(self) -> list[str]:
        return sorted(distinct_items(self.examples["mission"]))

    @cached_property
    def place_labels(self) -> dict[str, str]:
        """Each place's key (its English name, the same in every language) and its name in this dataset's."""
        return dict(zip(self.places["place_key"], self.places["place"]))

    @cached_property
    def place_options(self) -> list[str]:
        """The place keys, in the order of their names."""
        return sorted(self.place_labels, key=lambda key: self.place_labels[key].casefold())

    @cached_property
    def id_index(self) -> pd.Index:
        """The examples' ids, to find their rows."""
        return pd.Index(self.examples["id"])

    # Sets for checking a link's values in constant time.
    @cached_property
    def id_set(self) -> frozenset[str]:
        return frozenset(self.examples["id"])

    @cached_property
    def section_set(self) -> frozenset[str]:
        return frozenset(self.sections["slug"])

    @cached_property
    def country_set(self) -> frozenset[str]:
        return frozenset(self.country_options)

    @cached_property
    def mission_set(self) -> frozenset[str]:
        return frozenset(self.mission_options)

    @cached_property
    def place_set(self) -> frozenset[str]:
        return frozenset(self.place_options)

    @cached_property
    def source_milestones(self) -> pd.DataFrame:
        """The milestones the source gives (the later resolutions are context, not from it)."""
        return self.milestones[self.milestones["kind"] != LATER_KIND]

    @cached_property
    def later_milestones(self) -> pd.DataFrame:
        """The Security Council resolutions after the source's milestones (context, not from it)."""
        return self.milestones[self.milestones["kind"] == LATER_KIND]

    @cached_property
    def later_years(self) -> tuple[int, int] | None:
        """The first and last year of the later resolutions, if there are any."""
        years = self.later_milestones["date"].dt.year
        return (int(years.min()), int(years.max())) if len(years) else None

    @cached_property
    def year_bounds(self) -> tuple[int, int]:
        """The years slider's range: the examples' stated years and the source's milestones."""
        years = pd.concat(
            [
                self.examples["year_start"],
                self.examples["year_end"],
                self.source_milestones["date"].dt.year.astype("Int64"),
            ]
        ).dropna()
        return (int(years.min()), int(years.max())) if len(years) else (FIRST_YEAR, FIRST_YEAR + 1)


def distinct_items(cells: pd.Series) -> set[str]:
    """The items of ';'-separated lists, looked at once per distinct cell."""
    return {item for cell in cells.unique() for item in split_list(cell)}


def read_csv_text(path: Path) -> pd.DataFrame:
    """A CSV file with every cell as text and empty cells as ''."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def read_sections() -> pd.DataFrame:
    return read_csv_text(DATA_DIR / "sections.csv").astype({"order": int}).sort_values("order")


def read_version() -> tuple[str, str]:
    """Newest '## <version> (<date>)' heading of the changelog."""
    match = re.search(r"^## (\S+) \((\d{4}-\d{2}-\d{2})\)", CHANGELOG_FILE.read_text(encoding="utf-8"), re.MULTILINE)
    return (match.group(1), match.group(2)) if match else ("unknown", "")


def unquoted(column: pd.Series) -> pd.Series:
    column = column.str.strip()
    if not column.str.startswith("'").any():  # the usual case: skip the regular expression
        return column
    return column.str.replace(QUOTED, r"\1", regex=True)


def normalise_cells(raw: pd.DataFrame) -> pd.DataFrame:
    """Undo export quoting ('=x -> =x), strip spaces, and turn country names into ISO3 codes."""
    cells = raw.fillna("").astype(str).apply(unquoted)
    cells["country"] = per_value(cells["country"], lambda v: ";".join(resolve_country(p) for p in split_list(v)))
    return cells


def check_examples(raw: pd.DataFrame, sections: pd.DataFrame, file: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Validate raw text cells; return the valid rows and every problem found."""
    raw = raw.rename(columns=lambda c: str(c).strip().lower())
    missing = [c for c in REQUIRED_COLUMNS if c not in raw.columns]
    if missing:
        return raw.iloc[0:0], [
            Problem(file, HEADER_ROW, c, "missing required column", HINTS["missing"]) for c in missing
        ]
    raw = normalise_cells(raw)
    schema = examples_schema(sections, frozenset(country_points().index))
    try:
        return schema.validate(raw, lazy=True), []
    except pandera.errors.SchemaErrors as errors:
        problems = failure_problems(errors.failure_cases, file, raw)
        bad_rows = {p.row - HEADER_ROW - 1 for p in problems}
        return raw.drop(index=[i for i in raw.index if i in bad_rows]), problems


def failure_problems(cases: pd.DataFrame, file: str, cells: pd.DataFrame) -> list[Problem]:
    """pandera's failure cases as one Problem per (row, column, message), with the offending value
    and, for a country, what to write instead."""
    problems = set()
    for case in cases.itertuples():
        message = str(case.check)
        whole_row = case.schema_context == "DataFrameSchema"
        column = COLUMN_OF_MESSAGE.get(message, "") if whole_row else str(case.column)
        row = HEADER_ROW if pd.isna(case.index) else int(case.index) + HEADER_ROW + 1
        value = offending(cells, column, case.index)
        hint = HINT_OF_MESSAGE.get(message, "")
        if column == "country" and not whole_row:
            unknown = [part for part in split_list(value) if not is_iso3(part)]
            hint = " ".join(country_suggestions(part) for part in unknown) or hint
        problems.add(Problem(file, row, column, message, hint, value))
    return sorted(problems, key=lambda p: (p.row, p.column, p.message))


def offending(cells: pd.DataFrame, column: str, index: object) -> str:
    if pd.isna(index) or index not in cells.index:
        return ""
    names = column.split("/")  # latitude/longitude
    return " / ".join(str(cells.at[index, name]) for name in names if name in cells.columns)[:200]


def year_label(start: object, end: object, open_end: bool, _: Translate = untranslated) -> str:
    """'2004', '2009–2010', 'Since 2007' or 'Year not stated', in the language of ``_``."""
    if pd.isna(start):
        return _("Year not stated")
    if open_end:
        return _("Since {year}").format(year=start)
    return str(start) if start == end else f"{start}–{end}"


def year_labels(examples: pd.DataFrame, _: Translate = untranslated) -> pd.Series:
    return per_distinct(
        examples[["year_start", "year_end", "open_end"]],
        lambda distinct: pd.Series([year_label(*row, _) for row in distinct.itertuples(index=False)], dtype=object),
    )


def typed_examples(valid: pd.DataFrame, sections: pd.DataFrame, origin: str) -> pd.DataFrame:
    """Validated rows (stripped by normalise_cells) as typed columns: section slugs, country tuples, years."""
    columns = [*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS, *TRANSLATION_COLUMNS]
    frame = pd.DataFrame({c: valid[c].fillna("").astype(str) if c in valid else "" for c in columns}, index=valid.index)
    slug_of = {
        **{name.lower(): slug for slug, name in zip(sections["slug"], sections["name"])},
        **{slug: slug for slug in sections["slug"]},
    }
    frame["section"] = frame["section"].str.lower().map(slug_of)
    frame["countries"] = per_value(frame["country"], lambda v: tuple(code.upper() for code in split_list(v)))
    frame["country"] = per_value(frame["country"], lambda v: ";".join(code.upper() for code in split_list(v)))
    frame["country_names"] = per_value(
        frame["country"], lambda v: "; ".join(country_name(code) for code in split_list(v))
    )
    frame["missions"] = per_value(frame["mission"], lambda v: tuple(split_list(v)))
    frame["mission_basis"] = frame["mission_basis"].where(
        frame["mission_basis"] != "",
        pd.Series(np.where(frame["mission"] != "", "stated", "not named"), index=frame.index),
    )
    frame = frame.join(year_parts(frame["year"]))
    frame["year_label"] = year_labels(frame)
    frame["place"] = per_value(frame["place"], lambda v: "; ".join(split_list(v)))
    frame["place"] = frame["place"].where(frame["place"] != "", frame["country_names"])
    frame["place_key"] = frame["place"]
    frame["origin"] = origin
    return frame.reset_index(drop=True)


def search_text(columns: pd.DataFrame) -> pd.Series:
    """The columns' text joined, lower-cased and without accents (as ``data.search.fold``), for word
    search (in one pass of pyarrow)."""
    arrays = [pa.array(column, type=pa.large_string()) for _, column in columns.items()]
    joined = pc.binary_join_element_wise(*arrays, pa.scalar(" ", pa.large_string()))
    bare = pc.replace_substring_regex(pc.utf8_normalize(pc.utf8_lower(joined), "NFKD"), r"\p{Mn}", "")
    return pd.Series(pd.array(bare, dtype="str"), index=columns.index)


def place_rows(country: str, place: str, key: str, latitude: str, longitude: str) -> list[tuple]:
    """One (country, place, key, latitude, longitude) per country of a cell set; ';' separates several."""
    codes, names, keys = split_list(country), split_list(place), split_list(key)
    n = len(codes)
    names = names if len(names) == n else [place] * n
    keys = keys if len(keys) == n else [key] * n
    return list(zip(codes, names, keys, split_list(latitude) or [None] * n, split_list(longitude) or [None] * n))


def example_places(examples: pd.DataFrame) -> pd.DataFrame:
    """One row per (example, country) with the example's coordinates or the country's point.

    ``row`` is the example's position in ``examples``, so a boolean mask over the examples selects
    their places without matching ids. Cells are split once per distinct combination, then spread.
    """
    cells = examples[["country", "place", "place_key", "latitude", "longitude"]]
    groups = group_rows(cells, list(cells.columns))
    parts = [place_rows(*distinct) for distinct in cells.iloc[groups.first].itertuples(index=False)]
    flat = pd.DataFrame([row for part in parts for row in part], columns=list(cells.columns), dtype=object)
    flat = flat.astype({"country": "str", "place": "str", "place_key": "str"})
    sizes = np.array([len(part) for part in parts], dtype=int)
    starts = np.cumsum(sizes) - sizes
    per_example = sizes[groups.ids] if len(groups.ids) else np.array([], dtype=int)
    rows = np.repeat(np.arange(len(examples)), per_example)
    within = np.arange(len(rows)) - np.repeat(np.cumsum(per_example) - per_example, per_example)
    points = country_points()
    for axis in ("latitude", "longitude"):  # numbers, or the country's point, once per distinct row
        given = pd.to_numeric(flat[axis], errors="coerce")
        flat[axis] = given.fillna(flat["country"].map(points[axis])).astype(float)
    places = flat.iloc[starts[groups.ids[rows]] + within].reset_index(drop=True)
    places.insert(0, "example_id", examples["id"].to_numpy()[rows])
    places.insert(1, "row", rows)
    places.insert(2, "section", examples["section"].to_numpy()[rows])
    return places


def build_dataset(raw: pd.DataFrame, file: str, origin: str = "curated") -> Dataset:
    sections = read_sections()
    valid, problems = check_examples(raw, sections, file)
    examples = typed_examples(valid, sections, origin)
    version, version_date = read_version()
    return Dataset(
        examples=examples,
        places=example_places(examples),
        sections=sections.reset_index(drop=True),
        milestones=read_csv_text(DATA_DIR / "milestones.csv").assign(date=lambda m: pd.to_datetime(m["date"])),
        missions=read_csv_text(DATA_DIR / "missions.csv"),
        version=version,
        version_date=version_date,
        problems=tuple(problems),
    )


def load_dataset(examples_path: Path | str = EXAMPLES_FILE) -> Dataset:
    """The dataset with the examples of ``examples_path`` (the curated file by default).

    A file that cannot be read gives a dataset with no examples and one problem saying why.
    """
    path = Path(examples_path)
    try:
        raw = read_table(path.read_bytes(), path.name, limits=None)
    except (OSError, UnreadableFile) as error:
        message = error.strerror if isinstance(error, OSError) else str(error)
        raw = pd.DataFrame(columns=list(REQUIRED_COLUMNS))
        return replace(build_dataset(raw, str(path)), problems=(Problem(str(path), 0, "file", str(message)),))
    return build_dataset(raw, str(path))
