"""Problems of a file or a form in the person's language: the checks in data/ and store/ speak English;
their messages and fixes are translated where they are shown."""

from __future__ import annotations

import re

import pandas as pd

from components.i18n import N_, _, number
from data.loader import Problem
from data.upload import grouped_problems

LENGTH = re.compile(r"longer than (\d+) characters")
# The checks' own words, for the catalogs (tests/components/test_problems.py keeps this list complete).
TEXTS = (
    N_("missing required column"),
    N_("is empty"),
    N_("starts like a spreadsheet formula"),
    N_("duplicate id"),
    N_("unknown section"),
    N_("not a valid ISO 3166-1 alpha-3 country code"),
    N_("not a year or span between 1945 and 2100"),
    N_("start year is after end year"),
    N_("unknown mission basis"),
    N_("bad or out of range"),
    N_("no map point for this country"),
    N_("id already used by a curated example"),
    N_("not an id of lower-case letters, digits and '-'"),
    N_("holds a control character"),
    N_("an example with this id exists"),
    N_("Add a column with exactly this name to the header row."),
    N_("Fill in this cell; it may not be empty."),
    N_("Give every example its own id."),
    N_("Use a section slug (ddr, elections, ssr, military, justice, recruitment) or its full name."),
    N_("Use ISO 3166-1 alpha-3 codes such as LBR or country names such as Liberia, several separated by ';'."),
    N_("Remove the leading = + - or @: spreadsheets would run this cell as a formula."),
    N_("Write YYYY, YYYY-YYYY (start first) or YYYY- (since YYYY), between 1945 and 2100; leave empty if not stated."),
    N_("Give one latitude (-90..90) and one longitude (-180..180) per country, separated by ';', or leave both empty."),
    N_("Use one of: stated, inferred, not named."),
    N_("Shorten the text."),
    N_("This country has no point on the map: give latitude and longitude."),
    N_("Choose another id, or replace the curated examples instead of adding."),
    N_(
        "Use lower-case letters, digits and single '-' between them, e.g. liberia-police-2007 "
        "(at most 80 characters; new, note, sources are reserved)."
    ),
    N_("Remove the invisible control character (often pasted from a PDF): retype the text around it."),
    N_("Give the new example its own id."),
    N_("Upload a CSV or XLSX file."),
)


# What data/reading.py says of a file it cannot read, with its numbers and names as placeholders
# (tests/components/test_problems.py keeps every one of its messages matched here).
FILE_TEXTS = (
    N_("the file is {size} bytes; the limit is {megabytes} MB ({limit} bytes): split it"),
    N_("the file is empty: add a header row and at least one example"),
    N_("{name} is not a CSV or XLSX file: export your spreadsheet as CSV or XLSX"),
    N_("the file is not UTF-8 or Windows-1252 text: save it as 'CSV UTF-8'"),
    N_("the file has over {rows} rows; the limit is {limit}: split it"),
    N_("row {row}, column {column} holds {length} characters; the limit is {limit} a cell: shorten it"),
    N_("row {row} has {columns} columns; the limit is {limit}: delete the columns to the right of your table"),
    N_("the file is not a valid CSV table ({error}): check quotes and separators"),
    N_("the XLSX holds {parts} parts; the limit is {limit}: save it again"),
    N_("the XLSX unpacks to {size}; the limit is {limit}: split it"),
    N_("the XLSX's part {part} unpacks {ratio} times its size; the limit is {limit}: save it again"),
    N_("the file looks like XLSX but cannot be opened: save it again from your spreadsheet"),
)
PLACEHOLDER = re.compile(r"\\\{(\w+)\\\}")
FILE_PATTERNS = [
    (re.compile(PLACEHOLDER.sub(r"(?P<\1>.+?)", re.escape(template))), template) for template in FILE_TEXTS
]
COUNT = re.compile(r"\d{1,3}(,\d{3})*")


def in_language(text: str) -> str:
    """A check's message or fix in the page's language (a country suggestion stays as written; the
    numbers of a file's message in the language's own form)."""
    if match := LENGTH.fullmatch(text):
        return _("longer than {count} characters").format(count=number(int(match[1])))
    if text in TEXTS:
        return _(text)
    for pattern, template in FILE_PATTERNS:
        if match := pattern.fullmatch(text):
            values = {
                key: number(int(value.replace(",", ""))) if COUNT.fullmatch(value) else value
                for key, value in match.groupdict().items()
            }
            return _(template).format(**values)
    return text


def rows_text(rows: tuple[int, ...]) -> str:
    shown = ", ".join(number(row) for row in rows[:5])
    return shown if len(rows) <= 5 else _("{rows} and {count} more").format(rows=shown, count=number(len(rows) - 5))


def problems_frame(problems: list[Problem] | tuple[Problem, ...]) -> pd.DataFrame:
    """One line per problem and value, the most frequent first: rows, value, what is wrong, how to fix it."""
    return pd.DataFrame(
        [
            {
                _("Rows"): rows_text(group.rows),
                _("Column"): group.column,
                _("Value"): group.value,
                _("What is wrong"): in_language(group.message),
                _("How to fix it"): in_language(group.hint),
            }
            for group in grouped_problems(problems)
        ]
    )
