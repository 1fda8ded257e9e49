"""The selection as CSV or XLSX, safe to open in a spreadsheet, and the template for new examples."""

from __future__ import annotations

import io
import re
from datetime import date

import pandas as pd

from data.filters import Filters
from data.loader import Dataset
from data.schema import CONTROL_CHARACTERS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, TRANSLATION_COLUMNS

COLUMNS = [*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS, *TRANSLATION_COLUMNS]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SAMPLE = {
    "id": "juba-radio-forum",
    "section": "ddr",
    "title": "Short title of your example",
    "summary": "Two to four sentences in your own words: who did what, where, and what changed.",
    "country": "SSD",
    "year": "2012",
    "mission": "UNMISS",
    "source": "Author (year), title of the document",
    "place": "Juba",
    "latitude": "4.85",
    "longitude": "31.58",
    "mission_basis": "stated",
    "key_figure": "",
    "prompt": "A question for participants to discuss.",
}


def neutralise(value: str) -> str:
    """A cell a spreadsheet could run as a formula gets a leading apostrophe (read back by the loader)."""
    return f"'{value}" if value.startswith(FORMULA_START) else value


def export_frame(examples: pd.DataFrame) -> pd.DataFrame:
    """The examples in the file's own columns, formula-safe, without the control characters a
    spreadsheet cannot hold (refused at the door; texts stored before may hold them)."""
    frame = examples.reindex(columns=COLUMNS, fill_value="").fillna("").astype(str)
    return frame.apply(lambda column: column.str.replace(CONTROL_CHARACTERS, "", regex=True).map(neutralise))


def filters_label(filters: Filters) -> str:
    """A file-name-safe summary of the filters as their link writes them, e.g.
    'section-elections_country-LBR'."""
    label = "_".join(f"{key}-{'+'.join(values)}" for key, values in filters.to_url().items())
    return re.sub(r"[^A-Za-z0-9+_.-]+", "-", label)[:80] or "all"


def file_stem(filters: Filters) -> str:
    return f"peacekeeping-examples_{filters_label(filters)}"


def to_csv(examples: pd.DataFrame) -> bytes:
    return export_frame(examples).to_csv(index=False).encode("utf-8-sig")  # BOM: spreadsheets read UTF-8


def to_xlsx(examples: pd.DataFrame, dataset: Dataset | None = None, filters: Filters | None = None) -> bytes:
    """Examples on the first sheet; what they are (filters, dataset version, date) on a second."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        export_frame(examples).to_excel(writer, sheet_name="examples", index=False)
        if dataset is not None:
            about = [
                ("Exported", date.today().isoformat()),
                ("Dataset version", dataset.version),
                ("Filters", filters_label(filters or Filters())),
                ("Examples", str(len(examples))),
            ]
            pd.DataFrame(about, columns=["", ""]).map(neutralise).to_excel(
                writer, sheet_name="about", index=False, header=False
            )
    return buffer.getvalue()


def template_frame() -> pd.DataFrame:
    return pd.DataFrame([{column: SAMPLE.get(column, "") for column in COLUMNS}])
