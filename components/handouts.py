"""Handouts of exactly what was presented: a self-contained HTML file and a PDF (pure builders).

Both render each example's ``ExampleView``, as the card and the slide do.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import pandas as pd
import plotly.io
from fpdf import FPDF
from markupsafe import Markup
from plotly.offline import get_plotlyjs

from components.example_html import card_html
from components.i18n import _, current, ngettext, today
from components.map_figure import map_figure
from data.example_view import ExampleView, example_views
from data.loader import Dataset
from data.presentation import sources
from data.selection import Selection

ROOT = Path(__file__).resolve().parent.parent
TOPOJSON = ROOT / "static" / "topojson" / "world_110m.json"
FONTS = ROOT / "static" / "fonts"
CSS = (Path(__file__).with_name("style.css")).read_text(encoding="utf-8")
PRINT_CSS = """
body { font-family: system-ui, sans-serif; background: #fff; color: #111; max-width: 52rem; margin: 1rem auto; }
.page { page-break-after: always; break-after: page; margin-bottom: 2rem; }
.page:last-child { page-break-after: auto; }
.locator { height: 300px; }
@page { margin: 15mm; }
"""


@cache
def inline_assets() -> str:
    """plotly.js and the world map inlined: the file needs no network at all."""
    topojson = TOPOJSON.read_text(encoding="utf-8")
    return (
        f"<script>{get_plotlyjs()}</script>"
        f"<script>window.PlotlyGeoAssets = {{topojson: {{world_110m: {topojson}}}}};</script>"
    )


def html_id(example_id: str) -> str:
    """An id for the HTML and plotly's script made only of hex digits, whatever the example's id holds."""
    return hashlib.sha256(example_id.encode()).hexdigest()[:16]


def locator(example_id: str, examples: pd.DataFrame, dataset: Dataset) -> str:
    chosen = examples[examples["id"] == example_id]
    places = dataset.places[dataset.places["example_id"] == example_id]
    figure = map_figure(Selection(chosen, places, len(dataset.examples)), dataset, height=300, legend=False)
    return plotly.io.to_html(
        figure,
        full_html=False,
        include_plotlyjs=False,
        div_id=f"map-{html_id(example_id)}",
        config={"staticPlot": True},
    )


def title_line(dataset: Dataset, count: int) -> str:
    return _(
        "Peacekeeping Practice Explorer · {examples} · dataset version {version} ({date}) · handout of {today}"
    ).format(
        examples=ngettext("{count} example", "{count} examples", count),
        version=dataset.version,
        date=dataset.version_date,
        today=today(),
    )


def html_handout(examples: pd.DataFrame, dataset: Dataset) -> str:
    """One example per printed page, each with its locator map; citations listed at the end."""
    views = example_views(examples, dataset, current())
    pages = Markup("").join(
        Markup(
            '<section class="page"><p class="meta">{n} / {total}</p>{card}<div class="locator">{map}</div></section>'
        ).format(
            n=i + 1,
            total=len(views),
            card=card_html(view),
            map=Markup(locator(view.id, examples, dataset)),
        )
        for i, view in enumerate(views)
    )
    citations = Markup("").join(Markup("<li>{}</li>").format(s) for s in sources(examples))
    return str(
        Markup(
            '<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{heading}</title>'
            "<style>{css}{print_css}</style>{assets}</head><body>"
            '<header><h1>{heading}</h1><p class="meta">{title}</p></header>'
            '{pages}<section class="page sources"><h2>{sources}</h2><ol>{citations}</ol>'
            "<p>{source_note}</p></section></body></html>"
        ).format(
            lang=current(),
            heading=_("Peacekeeping practice: examples presented"),
            sources=_("Sources"),
            css=Markup(CSS),
            print_css=Markup(PRINT_CSS),
            assets=Markup(inline_assets()),
            title=title_line(dataset, len(examples)),
            pages=pages,
            citations=citations,
            source_note=_(
                'Examples from the page "Mandates of peacekeeping missions" (last edited 3 July 2013); '
                "summaries in our own words."
            ),
        )
    )


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
