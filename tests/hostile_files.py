"""Hostile files built in memory: an XLSX bomb, a cell in the last column or row, a CSV of 20,001
columns, cells too long (tests/data/test_reading.py measures their refusal, tests/components/
test_problems.py checks its words in every language); and the examples file with script, HTML and
Markdown payloads in every text field (tests/browser/test_escaping.py, tests/browser/test_kit.py)."""

import csv
import io
import zipfile
from pathlib import Path

import openpyxl

from data.reading import MAX_COLUMNS, MAX_ROWS

HEADER = "id,section,title,summary,country,year,mission,source"
HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile-examples.csv"
HOSTILE_FIELDS = ("title", "summary", "place", "source", "key_figure", "prompt", "context_note")
with HOSTILE.open(encoding="utf-8") as handle:
    PAYLOAD = next(csv.DictReader(handle))


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
