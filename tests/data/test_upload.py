"""Uploads: each bad-input case in tests/fixtures/bad/ gets a clear answer and loses nothing."""

import io
from pathlib import Path

import pandas as pd
import pytest

from data.export import file_stem, neutralise, template_frame, to_csv, to_xlsx
from data.filters import Filters
from data.loader import load_dataset
from data.reading import MAX_BYTES, MAX_ROWS
from data.selection import select
from data.upload import ADD, REPLACE, grouped_problems, merge_upload

BAD = Path(__file__).resolve().parent.parent / "fixtures" / "bad"
SHOWN = [
    "id",
    "section",
    "title",
    "summary",
    "countries",
    "year_label",
    "missions",
    "mission_basis",
    "key_figure",
    "source",
    "prompt",
    "place",
]


@pytest.fixture(scope="module")
def curated():
    return load_dataset()


def upload(curated, name: str, mode: str = "add"):
    path = BAD / name
    return merge_upload(curated, path.read_bytes(), path.name, mode)


@pytest.mark.parametrize(
    "name, row, column, message",
    [
        ("missing-columns.csv", 1, "summary", "missing required column"),
        ("empty.csv", 0, "file", "the file is empty: add a header row and at least one example"),
        (
            "not-a-table.csv",
            0,
            "file",
            "not-a-table.csv is not a CSV or XLSX file: export your spreadsheet as CSV or XLSX",
        ),
        ("unknown-section.csv", 2, "section", "unknown section"),
        ("unknown-country.csv", 2, "country", "not a valid ISO 3166-1 alpha-3 country code"),
        ("bad-year.csv", 2, "year", "not a year or span between 1945 and 2100"),
        ("reversed-years.csv", 2, "year", "start year is after end year"),
        ("duplicate-ids.csv", 3, "id", "duplicate id"),
        ("duplicate-curated-id.csv", 2, "id", "id already used by a curated example"),
        ("very-long-text.csv", 2, "summary", "longer than 2000 characters"),
        ("formula.csv", 2, "title", "starts like a spreadsheet formula"),
        ("mixed-valid-invalid.csv", 3, "country", "not a valid ISO 3166-1 alpha-3 country code"),
    ],
)
def test_bad_file_gets_its_message_and_curated_data_stays(curated, name, row, column, message):
    result = upload(curated, name)
    assert any((p.row, p.column, p.message) == (row, column, message) for p in result.problems), result.problems
    assert all(p.hint for p in result.problems)  # every problem says how to fix it
    assert set(curated.examples["id"]) <= set(result.dataset.examples["id"])
    assert len(curated.examples) == 9  # the curated dataset object itself is untouched


def test_valid_rows_are_kept_and_counted(curated):
    result = upload(curated, "mixed-valid-invalid.csv")
    assert (result.added, result.rows) == (2, 3)
    assert len(result.dataset.examples) == 11
    assert set(result.dataset.examples.loc[result.dataset.examples["origin"] == "yours", "id"]) == {"u1", "u3"}


@pytest.mark.parametrize("name", ["encoding-utf8-bom.csv", "encoding-cp1252.csv", "separator-semicolon.csv"])
def test_encodings_and_separators_are_read(curated, name):
    result = upload(curated, name)
    assert result.problems == () and result.added == 1
    assert result.dataset.examples.iloc[-1]["title"] == "Côte d'Ivoire – élections"


def test_country_names_are_resolved(curated):
    result = upload(curated, "country-names.csv")
    assert result.problems == ()
    assert result.dataset.examples.iloc[-1]["countries"] == ("CIV", "LBR")


def test_html_is_accepted_as_text_and_counted(curated):
    result = upload(curated, "html-script.csv")
    assert result.problems == () and result.html_cells == 2
    assert result.dataset.examples.iloc[-1]["title"].startswith("<script>")


def test_too_large_is_refused_before_parsing(curated):
    result = merge_upload(curated, b"id,section\n" + b"x" * (MAX_BYTES + 1), "big.csv")
    assert result.problems[0].message.startswith("the file is 5,242,892 bytes; the limit is 5 MB")


def test_too_many_rows_is_refused(curated):
    content = ("id,section,title,summary,country,year,mission,source\n" + "a,b,c,d,e,,,f\n" * (MAX_ROWS + 1)).encode()
    result = merge_upload(curated, content, "long.csv")
    assert result.problems[0].message == f"the file has over {MAX_ROWS:,} rows; the limit is {MAX_ROWS:,}: split it"


def test_line_breaks_inside_cells_are_not_rows(curated):
    """1,500 records of 15 lines each: 22,500 lines, well under the limit of records."""
    summary = '"' + "\n".join(f"Line {i} of the summary." for i in range(14)) + '"'
    rows = "".join(f"m{i},justice,Title {i},{summary},LBR,2010,,A source\n" for i in range(1500))
    content = ("id,section,title,summary,country,year,mission,source\n" + rows).encode()
    assert content.count(b"\n") > MAX_ROWS
    result = merge_upload(curated, content, "multiline.csv")
    assert (result.added, result.problems) == (1500, ())


def test_problems_are_grouped_with_their_value_and_a_suggestion(curated):
    rows = "".join(f"k{i},justice,Title,Summary.,{'Korea' if i % 2 else 'Philipines'},,,A source\n" for i in range(6))
    result = merge_upload(curated, ("id,section,title,summary,country,year,mission,source\n" + rows).encode(), "k.csv")
    groups = grouped_problems(result.problems)
    assert [(g.rows, g.value) for g in groups] == [((2, 4, 6), "Philipines"), ((3, 5, 7), "Korea")]
    assert groups[0].hint == "'Philipines' → PHL (Philippines)?"
    assert "KOR (Republic of Korea), PRK" in groups[1].hint


def test_replace_mode_uses_only_the_upload(curated):
    result = upload(curated, "country-names.csv", REPLACE)
    assert list(result.dataset.examples["id"]) == ["u1"]
    assert select(result.dataset, Filters()).total == 1


def test_search_finds_uploaded_and_curated_words(curated):
    result = upload(curated, "country-names.csv", ADD)  # its one example: "Women voters in Abidjan"
    assert set(select(curated, Filters(text="abidjan")).examples["id"]) == set()
    assert set(select(result.dataset, Filters(text="abidjan")).examples["id"]) == {"u1"}
    voters = set(select(curated, Filters(text="voters")).examples["id"])
    assert set(select(result.dataset, Filters(text="voters")).examples["id"]) == voters | {"u1"}


@pytest.mark.parametrize("writer", [to_csv, to_xlsx])
def test_round_trip_export_then_replace_gives_the_same_view(curated, writer):
    exported = writer(select(curated, Filters()).examples)
    result = merge_upload(curated, exported, "export", REPLACE)
    assert result.problems == ()
    pd.testing.assert_frame_equal(result.dataset.examples[SHOWN], curated.examples[SHOWN])
    pd.testing.assert_frame_equal(result.dataset.places, curated.places)


def test_export_neutralises_formulas():
    assert neutralise("=1+1") == "'=1+1" and neutralise("@SUM(A1)") == "'@SUM(A1)" and neutralise("-4.3") == "'-4.3"
    assert neutralise("Liberia") == "Liberia"
    frame = template_frame().assign(title='=HYPERLINK("x")')
    sheet = pd.read_excel(io.BytesIO(to_xlsx(frame)), dtype=str)
    assert sheet.loc[0, "title"] == '\'=HYPERLINK("x")'  # stored as text, not as a formula
    assert to_csv(frame).decode("utf-8-sig").splitlines()[1].count("'=HYPERLINK") == 1


def test_template_is_valid(curated):
    result = merge_upload(curated, to_csv(template_frame()), "template.csv")
    assert result.problems == () and result.added == 1


def test_export_file_name_names_the_filters():
    assert (
        file_stem(Filters(sections=("elections",), countries=("LBR",), years=(2004, None)))
        == "peacekeeping-examples_section-elections_country-LBR_from-2004"
    )
    assert file_stem(Filters()) == "peacekeeping-examples_all"
