"""One test per validation rule: a small bad file and the exact message it gets."""

import csv
from pathlib import Path

import pytest

from data.loader import EXAMPLES_FILE, load_dataset
from data.validate import main as validate

MINIMAL = ["id", "section", "title", "summary", "country", "year", "mission", "source"]


def write(tmp_path: Path, rows: list[dict], name: str = "bad.csv") -> Path:
    path = tmp_path / name
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def row(**changes) -> dict:
    base = {
        "id": "x1",
        "section": "justice",
        "title": "A title",
        "summary": "A summary.",
        "country": "LBR",
        "year": "2007",
        "mission": "",
        "source": "A source",
    }
    return {**base, **changes}


CASES = {
    "empty title": ([row(title="")], "2: title: is empty"),
    "unknown section": ([row(section="weather")], "2: section: unknown section"),
    "bad country": ([row(country="XYZ")], "2: country: not a valid ISO 3166-1 alpha-3 country code"),
    "year too early": ([row(year="1900")], "2: year: not a year or span between 1945 and 2100"),
    "year not a year": ([row(year="soon")], "2: year: not a year or span between 1945 and 2100"),
    "reversed span": ([row(year="2010-2001")], "2: year: start year is after end year"),
    "duplicate id": ([row(), row()], "3: id: duplicate id"),
    "latitude out of range": (
        [{**row(), "latitude": "95", "longitude": "10"}],
        "2: latitude/longitude: bad or out of range",
    ),
    "one coordinate per country": (
        [{**row(country="LBR;SLE"), "latitude": "6.3", "longitude": "-10.8"}],
        "2: latitude/longitude: bad or out of range",
    ),
    "no map point": ([row(country="TUV")], "2: country: no map point for this country"),
    "unknown mission basis": ([{**row(), "mission_basis": "guessed"}], "2: mission_basis: unknown mission basis"),
    "summary too long": ([row(summary="x" * 2001)], "2: summary: longer than 2000 characters"),
    "id with a quote": ([row(id="a'b")], "2: id: not an id of lower-case letters, digits and '-'"),
    "id with capitals": ([row(id="Liberia-1")], "2: id: not an id of lower-case letters, digits and '-'"),
    "id with a space": ([row(id="a b")], "2: id: not an id of lower-case letters, digits and '-'"),
    "id of a slide kind": ([row(id="sources")], "2: id: not an id of lower-case letters, digits and '-'"),
    "id too long": ([row(id="a" * 81)], "2: id: longer than 80 characters"),
    "vertical tab from a PDF": ([row(summary="one\x0btwo")], "2: summary: holds a control character"),
}


@pytest.mark.parametrize("case", CASES)
def test_rule(tmp_path, capsys, case):
    rows, expected = CASES[case]
    path = write(tmp_path, rows)
    assert validate([str(path)]) == 1
    assert f"{path}:{expected}" in capsys.readouterr().out.splitlines()


def test_missing_required_column(tmp_path, capsys):
    path = write(tmp_path, [{k: v for k, v in row().items() if k != "source"}])
    assert validate([str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == [f"{path}:1: source: missing required column"]


def test_bad_rows_are_left_out_good_rows_kept(tmp_path):
    dataset = load_dataset(write(tmp_path, [row(), row(id="x2", country="XYZ")]))
    assert list(dataset.examples["id"]) == ["x1"]
    assert [p.row for p in dataset.problems] == [3]
    assert dataset.problems[0].hint  # says how to fix it


def test_minimal_columns_are_valid_and_placed_at_the_country_point(tmp_path, capsys):
    path = write(tmp_path, [row(), row(id="x2", year="", country="sle")])
    assert validate([str(path)]) == 0
    places = load_dataset(path).places
    assert list(places["country"]) == ["LBR", "SLE"] and places["latitude"].notna().all()


def test_section_by_display_name(tmp_path):
    dataset = load_dataset(write(tmp_path, [row(section="Justice and Rule of Law")]))
    assert list(dataset.examples["section"]) == ["justice"]


def test_curated_file_passes(capsys):
    assert validate([]) == 0
    assert "OK, 9 examples" in capsys.readouterr().out


def test_adding_a_tenth_example_is_one_row(tmp_path):
    lines = EXAMPLES_FILE.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = {
        "id": "my-tenth",
        "section": "justice",
        "title": "A tenth example",
        "summary": "Two sentences. Of summary.",
    }
    cells |= {"country": "LBR", "source": "A source"}
    tenth = ",".join(cells.get(column, "") for column in header)
    path = tmp_path / "examples.csv"
    path.write_text("\n".join([*lines, tenth]) + "\n", encoding="utf-8")
    assert validate([str(path)]) == 0
    assert len(load_dataset(path).examples) == 10


def test_unreadable_file(tmp_path, capsys):
    path = tmp_path / "fake.csv"
    path.write_bytes(b"%PDF-1.4 not a table")
    assert validate([str(path)]) == 1
    assert "fake.csv is not a CSV or XLSX file" in capsys.readouterr().out


def test_line_breaks_and_tabs_are_text_not_control_characters(tmp_path):
    dataset = load_dataset(write(tmp_path, [row(summary="one\ntwo\tthree\r\nfour")]))
    assert not dataset.problems
