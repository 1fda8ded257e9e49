"""Handouts of exactly what was presented (pure builders): the HTML one is the field kit opening on its
handout view; the PDF renders each example's ``ExampleView``, as the card and the slide do.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from fpdf import FPDF

from components.i18n import _, current, ngettext, today
from data.example_view import ExampleView, example_views
from data.loader import Dataset
from data.presentation import sources
from kit.model import of_examples
from kit.page import kit_html

FONTS = Path(__file__).resolve().parent.parent / "static" / "fonts"


def title_line(dataset: Dataset, count: int) -> str:
    return _(
        "Peacekeeping Practice Explorer · {examples} · dataset version {version} ({date}) · handout of {today}"
    ).format(
        examples=ngettext("{count} example", "{count} examples", count),
        version=dataset.version,
        date=dataset.version_date,
        today=today(),
    )


def html_handout(examples: pd.DataFrame, dataset: Dataset, lang: str) -> str:
    """The HTML handout: the field kit of exactly these examples, in their order, opening on its handout
    view (every example a page with its locator map, then the sources; ``kit/kit.js: drawHandout``), and
    all the kit's explorer beside it. ``dataset`` not yet in a language: the kit holds all three."""
    return kit_html(of_examples(dataset, examples["id"]), lang, view="handout")


class Handout(FPDF):
    """A PDF with a running footer naming the dataset version."""

    def __init__(self, footer_text: str, page_format: str):
        super().__init__(format=page_format)
        self.footer_text = footer_text
        self.add_font("DejaVu", "", FONTS / "DejaVuSans.ttf")
        self.add_font("DejaVu", "B", FONTS / "DejaVuSans-Bold.ttf")
        self.set_auto_page_break(True, margin=18)
        self.set_margins(18, 18, 18)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font("DejaVu", size=8)
        self.set_text_color(90)
        self.cell(0, 5, _("{footer} · page {number}").format(footer=self.footer_text, number=self.page_no()), align="C")

    def paragraph(self, text: str, size: float = 11, bold: bool = False, colour: int = 20, gap: float = 2) -> None:
        if not text:
            return
        self.set_font("DejaVu", "B" if bold else "", size)
        self.set_text_color(colour)
        self.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(gap)


def plain(view: ExampleView, name: str, label: str = "") -> str:
    """A field as PDF text: its label, its text, and "(English)" when shown untranslated."""
    text = getattr(view, name)
    if not text:
        return ""
    mark = f" {_('(English)')}" if view.in_english(name) else ""
    return f"{label} {text}{mark}" if label else f"{text}{mark}"


def pdf_handout(examples: pd.DataFrame, dataset: Dataset, page_format: str = "A4") -> bytes:
    """The same handout as PDF: A4 or Letter, one example per page, place/country line, citations."""
    pdf = Handout(title_line(dataset, len(examples)), page_format)
    views = example_views(examples, dataset, current())
    for i, view in enumerate(views):
        pdf.add_page()
        yours = f" · {_('Your data')}" if view.yours else ""
        pdf.paragraph(f"{i + 1} / {len(views)} · {view.section_name}{yours}", 10, colour=80)
        pdf.paragraph(plain(view, "title"), 18, bold=True, gap=3)
        note = f" ({plain(view, 'year_note')})" if view.year_note else ""
        pdf.paragraph(f"{view.place_line} · {view.year_label}{note}", 11, colour=60)
        pdf.paragraph(f"{_('Mission:')} {view.mission_line}", 11)
        pdf.paragraph(plain(view, "summary"), 12, gap=4)
        pdf.paragraph(plain(view, "key_figure", _("Key figure:")), 11, bold=True)
        pdf.paragraph(plain(view, "prompt", _("Discuss:")), 11)
        pdf.paragraph(plain(view, "context_note", _("Context, not from the source:")), 10, colour=60)
        pdf.paragraph(f"{_('Source:')} {view.source}", 10, colour=70)
    pdf.add_page()
    pdf.paragraph(_("Sources"), 16, bold=True)
    for number, citation in enumerate(sources(examples), 1):
        pdf.paragraph(f"{number}. {citation}", 11)
    return bytes(pdf.output())
