"""Hostile files are refused after bounded work: each is built here, read in a fresh process, and
its time and the process's peak memory measured (the reports reviewers measured before: a 201 KB
XLSX unpacking to 200 MB took 1.4 GB; one cell in the last column, 33 s and 524 MB; a CSV of
20,000 columns, 19 s)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from data.reading import MAX_CELL_CHARS, MAX_COLUMNS, OPERATOR, UnreadableFile, read_table
from tests.hostile_files import hostile_files, xlsx

ROOT = Path(__file__).resolve().parents[2]
MEASURE = """
import json, resource, sys, time
from pathlib import Path
from data.reading import UnreadableFile, read_table
for name in sys.argv[1:]:  # each file after the one before: the peak grows only if one needs more
    path = Path(name)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    try:
        read_table(path.read_bytes(), path.name)
        message = ""
    except UnreadableFile as error:
        message = str(error)
    print(json.dumps({"file": path.name, "seconds": time.perf_counter() - start, "message": message,
                      "grown_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024}))
"""
HOSTILE = ["bomb.xlsx", "last-column.xlsx", "last-row.xlsx", "columns.csv", "long-cell.csv"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return hostile_files(tmp_path_factory.mktemp("hostile"))


def test_a_hostile_file_is_refused_quickly_and_in_little_memory(hostile):
    """In a fresh process, as the server would meet them (the bomb first: nothing unpacked)."""
    paths = [str(hostile[name][0]) for name in HOSTILE]
    run = subprocess.run([sys.executable, "-c", MEASURE, *paths], cwd=ROOT, capture_output=True, text=True, check=True)
    for name, line in zip(HOSTILE, run.stdout.splitlines(), strict=True):
        result = json.loads(line)
        assert result["message"].startswith(hostile[name][1]), result
        assert result["seconds"] < 1.0, result
        assert result["grown_mb"] < 60, result  # the file's bytes and the parser's buffers, nothing unpacked


def test_every_limit_names_itself_and_the_offending_number(hostile):
    for path, message in hostile.values():
        with pytest.raises(UnreadableFile, match="limit") as refused:
            read_table(path.read_bytes(), path.name)
        assert str(refused.value).startswith(message)


def test_the_operators_import_has_the_same_structural_limits(hostile):
    for name in ("bomb.xlsx", "columns.csv", "long-cell.xlsx"):
        path, message = hostile[name]
        with pytest.raises(UnreadableFile, match="limit"):
            read_table(path.read_bytes(), name, OPERATOR)


def test_a_sheet_is_read_as_its_cells_show():
    frame = read_table(
        xlsx({"A1": "id", "B1": "year", "C1": "lat", "A2": "a", "B2": 2004, "C2": 4.85, "A4": "b"}), "f.xlsx"
    )
    assert frame.to_dict("records") == [{"id": "a", "year": "2004", "lat": "4.85"}, {"id": "b", "year": "", "lat": ""}]


def test_cells_up_to_the_limits_are_read():
    row = ",".join(["x" * MAX_CELL_CHARS] + ["y"] * (MAX_COLUMNS - 1))
    frame = read_table(f"{','.join(f'c{i}' for i in range(MAX_COLUMNS))}\n{row}\n".encode(), "f.csv")
    assert frame.shape == (1, MAX_COLUMNS) and len(frame.iloc[0, 0]) == MAX_CELL_CHARS
