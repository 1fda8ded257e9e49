"""Bring your own examples: template, upload (this session only), problems table, and export."""

from __future__ import annotations

from functools import cache

import pandas as pd
import streamlit as st

from data.export import file_stem, template_frame, to_csv, to_xlsx
from data.loader import Dataset
from data.reading import MAX_BYTES, MAX_ROWS
from data.selection import Filters, Selection
from data.upload import ADD, REPLACE, UploadResult, merge_upload

HELP = f"""
**How to add your examples**
1. Download the template (CSV or XLSX) and keep its header row.
2. Fill one row per example. Required: `id` (unique, not one of the curated ids), `section`
   (`ddr`, `elections`, `ssr`, `military`, `justice`, `recruitment` or the full name), `title`, `summary`,
   `country` (ISO3 codes such as `LBR` or names such as `Liberia`; several separated by `;`), `year`
   (`YYYY`, `YYYY-YYYY`, or empty if not stated), `mission` (may be empty), `source`.
   Optional: `place`, `latitude`, `longitude`, `mission_basis`, `key_figure`, `prompt`.
3. Upload it here as CSV (comma or semicolon, UTF-8 or Windows-1252) or XLSX, at most
   {MAX_BYTES // (1024 * 1024)} MB and {MAX_ROWS:,} rows. Your rows stay in this browser session only.
"""
MODES = {ADD: "Add to the curated examples", REPLACE: "Replace the curated examples"}


@st.cache_resource(max_entries=16, show_spinner=False)
def merged(_base: Dataset, base_key: str, content: bytes, name: str, mode: str) -> UploadResult:
    return merge_upload(_base, content, name, mode)


@cache
def template_csv() -> bytes:
    return to_csv(template_frame())


@cache
def template_xlsx() -> bytes:
    return to_xlsx(template_frame())


def problems_table(result: UploadResult) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"Row": p.row, "Column": p.column, "What is wrong": p.message, "How to fix it": p.hint}
            for p in result.problems
        ]
    )


def report(result: UploadResult) -> None:
    if result.rows == 0 and result.problems:
        st.error(f"Nothing was added: {result.problems[0].message}", icon="🚫")
        return
    left_out = result.rows - result.added
    message = f"Your file: {result.added} of {result.rows} rows in use"
    if left_out:
        st.warning(f"{message}; {left_out} left out. Fix the rows below and upload again.", icon="⚠️")
    else:
        st.success(f"{message}. They are marked “Your data”.", icon="✅")
    if result.html_cells:
        st.info(f"{result.html_cells} cell(s) contain HTML or script; it is shown as plain text, never run.")
    if result.problems:
        with st.expander(f"Problems in your file ({len(result.problems)})", expanded=True):
            st.dataframe(problems_table(result), hide_index=True, width="stretch", key="upload_problems")


def render_your_data(dataset: Dataset, base_key: str, panel, report_area) -> Dataset:
    """The upload panel (its report in ``report_area``); returns the dataset this session shows."""
    with panel.expander("Your examples (upload a CSV or XLSX)"):
        st.markdown(HELP)
        st.download_button(
            "Template CSV",
            template_csv(),
            "examples-template.csv",
            "text/csv",
            on_click="ignore",
            icon=":material/download:",
        )
        st.download_button(
            "Template XLSX",
            template_xlsx(),
            "examples-template.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            on_click="ignore",
            icon=":material/download:",
        )
        upload = st.file_uploader("Your examples file", type=["csv", "xlsx"], key="upload")
        mode = st.radio("Use them to", list(MODES), format_func=MODES.get, key="upload_mode")
        if upload is None:
            return dataset
        with st.spinner("Checking your file…"):
            result = merged(dataset, base_key, upload.getvalue(), upload.name, mode)
    with report_area:
        report(result)
    return result.dataset


def render_export(selection: Selection, dataset: Dataset, filters: Filters) -> None:
    """Download the selection; formula-like cells are quoted so spreadsheets never run them."""
    stem = file_stem(filters)
    left, right = st.columns(2)
    left.download_button(
        f"CSV of these {selection.count}",
        lambda: to_csv(selection.examples),
        f"{stem}.csv",
        "text/csv",
        on_click="ignore",
        icon=":material/table_view:",
        key="export_csv",
    )
    right.download_button(
        f"XLSX of these {selection.count}",
        lambda: to_xlsx(selection.examples, dataset, filters),
        f"{stem}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        icon=":material/table_view:",
        key="export_xlsx",
    )
