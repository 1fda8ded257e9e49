"""Merge a user's examples file into the dataset for one session (pure; files in data/ are never written)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd

from data.loader import Dataset, Problem, SearchText, check_examples, example_places, typed_examples
from data.reading import UnreadableFile, read_table

HTML_TAG = re.compile(r"<\s*[a-zA-Z!/]")
ADD, REPLACE = "add", "replace"


@dataclass(frozen=True)
class UploadResult:
    dataset: Dataset  # the curated dataset, plus or replaced by the valid uploaded rows
    added: int  # valid uploaded rows in use
    rows: int  # rows in the file
    problems: tuple[Problem, ...]
    html_cells: int  # cells holding HTML, which is shown as plain text


def merge_upload(dataset: Dataset, content: bytes, name: str, mode: str = ADD) -> UploadResult:
    """Validate an uploaded CSV/XLSX with the curated schema and merge its valid rows."""
    try:
        raw = read_table(content, name)
    except UnreadableFile as error:
        return UploadResult(dataset, 0, 0, (Problem(name, 0, "file", str(error), "Upload a CSV or XLSX file."),), 0)
    valid, problems = check_examples(raw, dataset.sections, name)
    if mode == ADD and not valid.empty:
        taken = valid["id"].str.strip().isin(dataset.examples["id"])
        problems += [
            Problem(
                name,
                index + 2,
                "id",
                "id already used by a curated example",
                "Choose another id, or replace the curated examples instead of adding.",
            )
            for index in valid.index[taken]
        ]
        valid = valid[~taken]
    yours = typed_examples(valid, dataset.sections, origin="yours")
    examples = yours if mode == REPLACE else pd.concat([dataset.examples, yours], ignore_index=True)
    text = raw.astype(str)
    html_cells = int(text.apply(lambda column: column.str.contains(HTML_TAG)).to_numpy().sum()) if len(text) else 0
    merged = replace(dataset, examples=examples, places=example_places(examples), search=SearchText(examples))
    return UploadResult(
        merged, len(yours), len(raw), tuple(sorted(problems, key=lambda p: (p.row, p.column))), html_cells
    )


@dataclass(frozen=True)
class ProblemGroup:
    """The same problem with the same value on several rows: one line of the problems table."""

    rows: tuple[int, ...]
    column: str
    value: str
    message: str
    hint: str


def grouped_problems(problems: Sequence[Problem]) -> list[ProblemGroup]:
    """Problems grouped by (column, value, message), the most frequent first."""
    groups: dict[tuple[str, str, str, str], list[int]] = {}
    for problem in problems:
        groups.setdefault((problem.column, problem.value, problem.message, problem.hint), []).append(problem.row)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), min(item[1])))
    return [ProblemGroup(tuple(rows), column, value, message, hint) for (column, value, message, hint), rows in ordered]
