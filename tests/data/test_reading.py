"""Hostile files are refused after bounded work: each is built here, read in a fresh process, and
its time and the process's peak memory measured (the reports reviewers measured before: a 201 KB
XLSX unpacking to 200 MB took 1.4 GB; one cell in the last column, 33 s and 524 MB; a CSV of
20,000 columns, 19 s)."""

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from data.reading import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, OPERATOR, UnreadableFile, read_table

ROOT = Path(__file__).resolve().parents[2]
HEADER = "id,section,title,summary,country,year,mission,source"


def xlsx(cells: dict[str, str]) -> bytes:
    book = openpyxl.Workbook()
    for where, value in cells.items():
        book.active[where] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def bomb(unpacked_mb: int = 200) -> bytes:
    """A valid XLSX whose one shared string unpacks to ``unpacked_mb`` MB (written in chunks)."""
    plain = zipfile.ZipFile(io.BytesIO(xlsx({"A1": "id", "A2": "x"})))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in plain.infolist():
            content = plain.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":  # A2: the shared string, not the inline one
                content = content.replace(
                    b'<c r="A2" t="inlineStr"><is><t>x</t></is></c>', b'<c r="A2" t="s"><v>1</v></c>'
                )
            if member.filename != "xl/sharedStrings.xml":
                archive.writestr(member, content)
        with archive.open("xl/sharedStrings.xml", "w") as strings:
            strings.write(
                b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>id</t></si><si><t>'
            )
            for _ in range(unpacked_mb):
                strings.write(b"a" * 1024 * 1024)
            strings.write(b"</t></si></sst>")
    return buffer.getvalue()


def hostile_files(folder: Path) -> dict[str, tuple[Path, str]]:
    """name → (file, the start of the message that refuses it)."""
    files = {
        "bomb.xlsx": (bomb(), "the XLSX unpacks to 200.0 MB; the limit is 50.0 MB"),
        "last-column.xlsx": (
            xlsx({"A1": "id", "A2": "x", "XFD2": "y"}),
            f"row 2 has 16,384 columns; the limit is {MAX_COLUMNS}",
        ),
        "last-row.xlsx": (xlsx({"A1": "id", "A1048576": "y"}), f"the file has over {MAX_ROWS:,} rows"),
        "columns.csv": (("a," * 20_000 + "a\n").encode(), f"row 1 has 20,001 columns; the limit is {MAX_COLUMNS}"),
        "long-cell.csv": (f"{HEADER}\nx,{'y' * 50_000}\n".encode(), "row 2, column B holds 50,000 characters"),
        "long-cell.xlsx": (xlsx({"A1": "id", "C3": "y" * 20_000}), "row 3, column C holds 20,000 characters"),
    }
    for name, (content, _) in files.items():
        (folder / name).write_bytes(content)
    return {name: (folder / name, message) for name, (_, message) in files.items()}


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
