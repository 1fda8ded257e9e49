"""Turn the bytes of a CSV or XLSX file into a table of text cells, or say why not.

Every limit is checked before the work it bounds: an XLSX's members are measured in the zip's
directory before any is unpacked, and rows, columns and cells are counted while they stream in,
so a hostile file is refused after bounded work, whatever it claims to hold.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

import openpyxl
import pandas as pd
import pyarrow as pa
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._reader import WorkSheetParser

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000  # data rows, the header not counted
MAX_COLUMNS = 100  # the template has 29
MAX_CELL_CHARS = 10_000  # the longest column allowed (summary) has 2,000: longer cells are reported per row
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # an XLSX's members, unpacked
MAX_RATIO = 100  # unpacked / packed size of one member (spreadsheets pack text about 10 to 1)
MAX_MEMBERS = 1_000
ENCODINGS = ("utf-8-sig", "cp1252")
XLSX_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Limits:
    """What a file may hold: its size, its data rows and, for an XLSX, its size unpacked (columns,
    cell lengths and the packing ratio have one limit for every file)."""

    bytes: int
    rows: int
    unpacked: int


UPLOAD = Limits(MAX_BYTES, MAX_ROWS, MAX_UNPACKED_BYTES)  # the app: "Your examples", the editor's desk
OPERATOR = Limits(200 * 1024 * 1024, 1_000_000, 2 * 1024**3)  # python -m store import: larger, still bounded


class UnreadableFile(ValueError):
    """The file is not a table we can read; the message says what to do."""


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f} MB"


def decode(content: bytes) -> tuple[str, str]:
    """The text and the encoding it was written in."""
    for encoding in ENCODINGS:
        try:
            return content.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("the file is not UTF-8 or Windows-1252 text: save it as 'CSV UTF-8'")


def separator(text: str) -> str:
    """',' or ';' (spreadsheets in many locales save with ';'), judged on the header line."""
    try:
        return csv.Sniffer().sniff(text.split("\n", 1)[0][:100_000], delimiters=",;").delimiter
    except csv.Error:
        return ","


def read_table(content: bytes, name: str, limits: Limits | None = UPLOAD) -> pd.DataFrame:
    """Every cell as text ('' when empty). Raises UnreadableFile with a fix in its message.

    ``limits`` None: the app's own data (``--data``, the curated file), read whatever its size.
    """
    if limits and len(content) > limits.bytes:
        raise UnreadableFile(
            f"the file is {len(content):,} bytes; the limit is {limits.bytes // (1024 * 1024):,} MB "
            f"({limits.bytes:,} bytes): split it"
        )
    if content.isspace() or not content:
        raise UnreadableFile("the file is empty: add a header row and at least one example")
    if content.startswith(XLSX_MAGIC):
        frame = read_xlsx(content, limits)
    elif content.startswith(b"%PDF") or b"\x00" in content[:4096]:
        raise UnreadableFile(f"{name} is not a CSV or XLSX file: export your spreadsheet as CSV or XLSX")
    else:
        text, encoding = decode(content)
        sep = separator(text)
        if limits:
            check_records(csv.reader(io.StringIO(text), delimiter=sep), limits)
        frame = read_csv(text, content if encoding == "utf-8-sig" else text.encode("utf-8"), sep)
    return in_one_piece(frame.fillna("").astype(str))


def too_many_rows(limits: Limits) -> UnreadableFile:
    """Counting stops at the first row over the limit."""
    return UnreadableFile(f"the file has over {limits.rows:,} rows; the limit is {limits.rows:,}: split it")


def check_cell(row: int, column: int, length: int) -> None:
    if length > MAX_CELL_CHARS:
        raise UnreadableFile(
            f"row {row}, column {get_column_letter(column)} holds {length:,} characters; "
            f"the limit is {MAX_CELL_CHARS:,} a cell: shorten it"
        )


def check_columns(row: int, columns: int) -> None:
    if columns > MAX_COLUMNS:
        raise UnreadableFile(
            f"row {row} has {columns:,} columns; the limit is {MAX_COLUMNS}: "
            "delete the columns to the right of your table"
        )


def check_records(records: Iterator[list[str]], limits: Limits) -> None:
    """Rows, columns and cell lengths of a CSV, counted as it streams (stopping at the first limit)."""
    try:
        for row, record in enumerate(records, 1):
            if row > limits.rows + 1:
                raise too_many_rows(limits)
            check_columns(row, len(record))
            for column, cell in enumerate(record, 1):
                check_cell(row, column, len(cell))
    except csv.Error as error:  # a cell over the csv module's own limit (131,072 characters) among others
        raise UnreadableFile(f"the file is not a valid CSV table ({error}): check quotes and separators") from error


def in_one_piece(frame: pd.DataFrame) -> pd.DataFrame:
    """Arrow text columns as one block each: pyarrow's CSV reader makes one block per MB read, and
    every later step (validating, selecting rows) took up to four times as long on 58 blocks."""
    for name, column in frame.items():
        if isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow":
            blocks = pa.array(column)
            if isinstance(blocks, pa.ChunkedArray) and blocks.num_chunks > 1:
                frame[name] = pd.array(blocks.combine_chunks(), dtype=column.dtype)
    return frame


def read_csv(text: str, utf8: bytes, sep: str) -> pd.DataFrame:
    """pyarrow's parser on the UTF-8 bytes (5x faster on large files); pandas' own one says what is
    wrong with a broken table."""
    options = {"sep": sep, "dtype": str, "keep_default_na": False}
    try:
        return pd.read_csv(io.BytesIO(utf8), engine="pyarrow", **options)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError):
        pass
    try:
        return pd.read_csv(io.StringIO(text), **options)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise UnreadableFile(f"the file is not a valid CSV table ({error}): check quotes and separators") from error


def check_archive(archive: zipfile.ZipFile, limits: Limits) -> None:
    """An XLSX's members measured from the zip's directory, before any is unpacked (zipfile then
    stops unpacking each at the size it declared)."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise UnreadableFile(f"the XLSX holds {len(members):,} parts; the limit is {MAX_MEMBERS:,}: save it again")
    unpacked = sum(member.file_size for member in members)
    if unpacked > limits.unpacked:
        raise UnreadableFile(
            f"the XLSX unpacks to {megabytes(unpacked)}; the limit is {megabytes(limits.unpacked)}: split it"
        )
    for member in members:
        if member.file_size > MAX_RATIO * max(member.compress_size, 1) and member.file_size > 1024 * 1024:
            raise UnreadableFile(
                f"the XLSX's part {member.filename[:80]} unpacks {member.file_size // max(member.compress_size, 1):,} "
                f"times its size; the limit is {MAX_RATIO}: save it again"
            )


def text_of(value: object) -> str:
    """A cell as the text a spreadsheet shows (2004, not 2004.0)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def sheet_rows(parser: WorkSheetParser, limits: Limits | None) -> list[list[str]]:
    """The first sheet's non-empty rows, from openpyxl's streaming parser (only the cells the file
    holds, never a row padded out to the sheet's last column)."""
    rows: list[list[str]] = []
    for row, cells in parser.parse():
        if limits and row > limits.rows + 1:
            raise too_many_rows(limits)
        values: dict[int, str] = {}
        for cell in cells:
            text = text_of(cell["value"])
            if not text:
                continue
            if limits:
                check_columns(row, cell["column"])
                check_cell(row, cell["column"], len(text))
            values[cell["column"]] = text
        if values:
            rows.append([values.get(column, "") for column in range(1, max(values) + 1)])
    return rows


def read_xlsx(content: bytes, limits: Limits | None = UPLOAD) -> pd.DataFrame:
    try:
        if limits:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                check_archive(archive, limits)
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            with sheet._get_source() as source:  # the sheet's XML, streamed
                rows = sheet_rows(WorkSheetParser(source, sheet._shared_strings, data_only=True), limits)
        finally:
            workbook.close()
    except UnreadableFile:
        raise
    except (zipfile.BadZipFile, ValueError, KeyError, IndexError, OSError) as error:
        raise UnreadableFile(
            "the file looks like XLSX but cannot be opened: save it again from your spreadsheet"
        ) from error
    if not rows:
        raise UnreadableFile("the file is empty: add a header row and at least one example")
    width = max(map(len, rows))
    header = [cell or f"Unnamed: {index}" for index, cell in enumerate(rows[0] + [""] * (width - len(rows[0])))]
    return pd.DataFrame([row + [""] * (width - len(row)) for row in rows[1:]], columns=header, dtype=str)
