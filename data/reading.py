"""Turn the bytes of a CSV or XLSX file into a table of text cells, or say why not."""

from __future__ import annotations

import csv
import io
import zipfile

import pandas as pd
import pyarrow as pa

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
ENCODINGS = ("utf-8-sig", "cp1252")
XLSX_MAGIC = b"PK\x03\x04"


class UnreadableFile(ValueError):
    """The file is not a table we can read; the message says what to do."""


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
        return csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;").delimiter
    except csv.Error:
        return ","


def read_table(content: bytes, name: str, limited: bool = True) -> pd.DataFrame:
    """Every cell as text ('' when empty). Raises UnreadableFile with a fix in its message.

    ``limited``: refuse files over the upload limits (the app's own ``--data`` file has none).
    """
    if limited and len(content) > MAX_BYTES:
        raise UnreadableFile(
            f"the file is {len(content) / 1e6:.1f} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB: split it"
        )
    if content.isspace() or not content:
        raise UnreadableFile("the file is empty: add a header row and at least one example")
    if content.startswith(XLSX_MAGIC):
        frame = read_xlsx(content)
    elif content.startswith(b"%PDF") or b"\x00" in content[:4096]:
        raise UnreadableFile(f"{name} is not a CSV or XLSX file: export your spreadsheet as CSV or XLSX")
    else:
        text, encoding = decode(content)  # the size limit bounds the work; rows are counted as records below
        frame = read_csv(text, content if encoding == "utf-8-sig" else text.encode("utf-8"))
    if limited and len(frame) > MAX_ROWS:
        raise UnreadableFile(f"the file has {len(frame):,} rows; the limit is {MAX_ROWS:,}: split it")
    return in_one_piece(frame.fillna("").astype(str))


def in_one_piece(frame: pd.DataFrame) -> pd.DataFrame:
    """Arrow text columns as one block each: pyarrow's CSV reader makes one block per MB read, and
    every later step (validating, selecting rows) took up to four times as long on 58 blocks."""
    for name, column in frame.items():
        if isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow":
            blocks = pa.array(column)
            if isinstance(blocks, pa.ChunkedArray) and blocks.num_chunks > 1:
                frame[name] = pd.array(blocks.combine_chunks(), dtype=column.dtype)
    return frame


def read_csv(text: str, utf8: bytes) -> pd.DataFrame:
    """pyarrow's parser on the UTF-8 bytes (5x faster on large files); pandas' own one says what is
    wrong with a broken table."""
    options = {"sep": separator(text), "dtype": str, "keep_default_na": False}
    try:
        return pd.read_csv(io.BytesIO(utf8), engine="pyarrow", **options)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError):
        pass
    try:
        return pd.read_csv(io.StringIO(text), **options)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise UnreadableFile(f"the file is not a valid CSV table ({error}): check quotes and separators") from error


def read_xlsx(content: bytes) -> pd.DataFrame:
    try:
        return pd.read_excel(io.BytesIO(content), dtype=str, keep_default_na=False, engine="openpyxl")
    except (zipfile.BadZipFile, ValueError, KeyError) as error:
        raise UnreadableFile(
            "the file looks like XLSX but cannot be opened: save it again from your spreadsheet"
        ) from error
