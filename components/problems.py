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


def in_language(text: str) -> str:
    """A check's message or fix in the page's language (a country suggestion stays as written)."""
    if match := LENGTH.fullmatch(text):
        return _("longer than {count} characters").format(count=number(int(match[1])))
    return _(text) if text in TEXTS else text


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
