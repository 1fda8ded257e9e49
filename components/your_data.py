"""Bring your own examples: template, upload (this session only) and its problems table."""

from __future__ import annotations

import hashlib
from functools import cache

import streamlit as st

from components.i18n import N_, _, number
from components.plain import literal, literal_frame
from components.problems import in_language, problems_frame
from components.state import UPLOAD, UPLOAD_MODE, UPLOAD_PANEL, filters_widened, widen_filters
from data.export import template_frame, to_csv, to_xlsx
from data.loader import Dataset
from data.reading import MAX_BYTES, MAX_ROWS
from data.upload import ADD, REPLACE, UploadResult, merge_upload

HELP = N_("""**How to add your examples**
1. Download the template (CSV or XLSX) and keep its header row.
2. Fill one row per example. Required: `id` (unique, not one of the curated ids), `section`
   (`ddr`, `elections`, `ssr`, `military`, `justice`, `recruitment` or the full name), `title`, `summary`,
   `country` (ISO3 codes such as `LBR` or names such as `Liberia`; several separated by `;`), `year`
   (`YYYY`, `YYYY-YYYY`, or empty if not stated), `mission` (may be empty), `source`.
   Optional: `place`, `latitude`, `longitude`, `mission_basis`, `key_figure`, `prompt`, and translations
   `title_fr`, `summary_fr`, `key_figure_fr`, `prompt_fr` (and the same with `_es`).
3. Upload it here as CSV (comma or semicolon, UTF-8 or Windows-1252) or XLSX, at most
   {megabytes} MB and {rows} rows. Your rows stay in this browser session only.""")
MODES = {ADD: N_("Add to the curated examples"), REPLACE: N_("Replace the curated examples")}


@st.cache_resource(max_entries=16, show_spinner=False)
def merged(_base: Dataset, base_key: str, _content: bytes, digest: str, name: str, mode: str) -> UploadResult:
    """Shared only by sessions uploading the very same bytes (``digest``: their SHA-256) onto the same base."""
    return merge_upload(_base, _content, name, mode)


@cache
def template_csv() -> bytes:
    return to_csv(template_frame())


@cache
def template_xlsx() -> bytes:
    return to_xlsx(template_frame())


def report(result: UploadResult) -> None:
    if result.rows == 0 and result.problems:
        problem = literal(in_language(result.problems[0].message))
        st.error(_("Nothing was added: {problem}").format(problem=problem), icon="🚫")
        return
    left_out = result.rows - result.added
    message = _("Your file: {added} of {rows} rows in use").format(added=number(result.added), rows=number(result.rows))
    if left_out:
        st.warning(
            _("{message}; {count} left out. Fix the rows below and upload again.").format(
                message=message, count=number(left_out)
            ),
            icon="⚠️",
        )
    else:
        st.success(_("{message}. They are marked “Your data”.").format(message=message), icon=":material/check_circle:")
    if result.html_cells:
        st.info(
            _("{count} cell(s) contain HTML or script; it is shown as plain text, never run.").format(
                count=number(result.html_cells)
            )
        )
    if result.problems:
        with st.expander(_("Problems in your file ({count})").format(count=len(result.problems)), expanded=True):
            st.table(
                literal_frame(problems_frame(result.problems).head(50)), hide_index=True
            )  # wraps long fixes, unlike a data grid


def render_your_data(dataset: Dataset, base_key: str, panel, report_area) -> Dataset:
    """The upload panel (its report in ``report_area``); returns the dataset this session shows."""
    box = panel.expander(_("Your examples (upload a CSV or XLSX)"), key=UPLOAD_PANEL, on_change="rerun")
    with box:
        if box.open:  # the help and the templates drawn only while open; the file stays either way
            st.markdown(_(HELP).format(megabytes=MAX_BYTES // (1024 * 1024), rows=number(MAX_ROWS)))
            st.download_button(
                _("Template CSV"),
                template_csv,
                "examples-template.csv",
                "text/csv",
                on_click="ignore",
                icon=":material/download:",
            )
            st.download_button(
                _("Template XLSX"),
                template_xlsx,
                "examples-template.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                on_click="ignore",
                icon=":material/download:",
            )
        upload = st.file_uploader(_("Your examples file"), type=["csv", "xlsx"], key=UPLOAD, on_change=widen_filters)
        mode = st.radio(_("Use them to"), list(MODES), format_func=lambda m: _(MODES[m]), key=UPLOAD_MODE)
        if upload is None:
            return dataset
        with st.spinner(_("Checking your file…")):
            content = upload.getvalue()
            result = merged(dataset, base_key, content, hashlib.sha256(content).hexdigest(), upload.name, mode)
    with report_area:
        report(result)
        if filters_widened():
            st.info(_("Every filter was cleared, so the page shows your examples with the others."), icon="🔎")
    return result.dataset
