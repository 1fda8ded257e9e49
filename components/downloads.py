"""Downloads of the examples on screen: handouts (HTML, PDF), the field kit and data (CSV, XLSX).

Shared by the explore view and the presenter; neither owns it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.handouts import html_handout, pdf_handout
from components.i18n import _, current, ngettext, number
from components.state import handouts_wanted, want_handouts
from data.digest import rendered_digest
from data.export import file_stem, to_csv, to_xlsx
from data.filters import Filters
from data.loader import Dataset
from data.selection import Selection
from kit.model import of_examples
from kit.page import kit_html, kit_name

HANDOUT_PART = 200  # examples per handout file: a few hundred pages, built in seconds


def content_key(examples: pd.DataFrame, dataset: Dataset) -> str:
    """What a handout depends on, as a SHA-256 digest: shared by sessions only when all of it is the same."""
    return rendered_digest(examples, dataset, current())


def asked_key(examples: pd.DataFrame) -> tuple[str, tuple[str, ...]]:
    """What "Prepare handouts" asked for in this session: these examples in this language (made on every
    run, so only their ids: the content's digest is made once the handouts are asked for)."""
    return current(), tuple(examples["id"].tolist())


@st.cache_resource(max_entries=8, show_spinner=False)
def built(key: str, page_format: str, _examples: pd.DataFrame, _dataset: Dataset) -> bytes:
    """A PDF handout, built once per content and format (shared by sessions presenting the same examples)."""
    return pdf_handout(_examples, _dataset, page_format)


def handout_part(examples: pd.DataFrame, where: str) -> pd.DataFrame:
    """A long list's handouts are built ``HANDOUT_PART`` examples at a time: the part asked for."""
    if len(examples) <= HANDOUT_PART:
        return examples
    starts = list(range(0, len(examples), HANDOUT_PART))
    start = st.selectbox(
        _("Handouts of {count} examples at a time: which ones").format(count=number(HANDOUT_PART)),
        starts,
        format_func=lambda first: _("Examples {first}–{last} of {total}").format(
            first=number(first + 1), last=number(min(first + HANDOUT_PART, len(examples))), total=number(len(examples))
        ),
        key=f"{where}_handout_part",
    )
    return examples.iloc[start : start + HANDOUT_PART]


def render_handouts(examples: pd.DataFrame, dataset: Dataset, base: Dataset, where: str) -> None:
    """Handouts of exactly these examples (a part at a time beyond ``HANDOUT_PART``): the PDFs built on
    request with a progress bar, the HTML one (the field kit on its handout view, of ``base``: the data
    before its language) when it is downloaded."""
    if examples.empty:
        return
    examples = handout_part(examples, where)
    asked = asked_key(examples)
    if not handouts_wanted(asked):
        st.button(
            ngettext(
                "Prepare the handout of this example", "Prepare handouts of these {count} examples", len(examples)
            ),
            key=f"{where}_prepare",
            icon=":material/description:",
            on_click=want_handouts,
            args=(asked,),
        )
        return
    key = content_key(examples, dataset)
    progress = st.progress(0.0, text=_("Building the PDF handouts…"))
    a4, letter = built(key, "A4", examples, dataset), built(key, "Letter", examples, dataset)
    progress.empty()
    st.caption(
        _("Handouts of {examples}, dataset version {version}:").format(
            examples=ngettext("{count} example", "{count} examples", len(examples)), version=dataset.version
        )
    )
    lang = current()
    files = (
        (_("HTML (works offline)"), lambda: html_handout(examples, base, lang), "handout.html", "text/html"),
        (_("PDF, A4"), a4, "handout-a4.pdf", "application/pdf"),
        (_("PDF, Letter"), letter, "handout-letter.pdf", "application/pdf"),
    )
    for label, content, name, mime in files:
        st.download_button(
            label,
            content,
            name,
            mime,
            key=f"{where}_{name}",
            icon=":material/download:",
            on_click="ignore",
            width="stretch",
        )


def render_kit(examples: pd.DataFrame, dataset: Dataset) -> None:
    """The field kit of these examples (``dataset``: not yet in the page's language, as the kit holds
    all three), built when it is downloaded."""
    if examples.empty:
        return
    lang = current()
    st.download_button(
        ngettext(
            "Offline explorer of this example (HTML, works with no internet)",
            "Offline explorer of these {count} examples (HTML, works with no internet)",
            len(examples),
        ),
        lambda: kit_html(of_examples(dataset, examples["id"]), lang),
        kit_name(dataset, lang),
        "text/html",
        key="explore_kit",
        on_click="ignore",
        icon=":material/travel_explore:",
    )


def render_export(selection: Selection, dataset: Dataset, filters: Filters) -> None:
    """Download the selection; formula-like cells are quoted so spreadsheets never run them."""
    stem = file_stem(filters)
    left, right = st.columns(2)
    left.download_button(
        _("CSV of these {count}").format(count=number(selection.count)),
        lambda: to_csv(selection.examples),
        f"{stem}.csv",
        "text/csv",
        on_click="ignore",
        icon=":material/table_view:",
        key="export_csv",
    )
    right.download_button(
        _("XLSX of these {count}").format(count=number(selection.count)),
        lambda: to_xlsx(selection.examples, dataset, filters),
        f"{stem}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        icon=":material/table_view:",
        key="export_xlsx",
    )
