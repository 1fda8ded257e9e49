"""The handouts, and one example rendered the same way as card, slide and PDF (the HTML handout is the
field kit: tests/browser/test_kit.py)."""

import io
import re

import pytest
from pypdf import PdfReader

from components.example_html import card_html, slide_html
from components.handouts import html_handout, pdf_handout
from components.i18n import use
from data.example_view import example_view
from data.loader import load_dataset
from data.localize import localize
from data.presentation import sources
from kit.page import unpacked


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


def test_pdf_holds_every_title_and_citation_in_order(dataset):
    examples = dataset.examples.iloc[[7, 0, 5]]
    flat = pdf_text(pdf_handout(examples, dataset))
    positions = [flat.index(" ".join(title.split())) for title in examples["title"]]
    assert positions == sorted(positions)
    for citation in sources(examples):
        assert " ".join(citation.split()) in flat
    assert f"dataset version {dataset.version}" in flat


@pytest.mark.parametrize("page_format, width_pt", [("A4", 595), ("Letter", 612)])
def test_pdf_of_all_examples_is_small_and_sized(dataset, page_format, width_pt):
    pdf = pdf_handout(dataset.examples, dataset, page_format)
    assert len(pdf) < 2 * 1024 * 1024
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == len(dataset.examples) + 1  # one per example, then the sources
    assert round(float(reader.pages[0].mediabox.width)) == width_pt


def test_the_html_handout_is_the_kit_of_exactly_these_examples_in_their_order_on_its_handout_view(dataset):
    examples = dataset.examples.iloc[[7, 0, 5]]
    page = html_handout(examples, dataset, "fr")
    model = unpacked(page)
    assert model["texts"]["en"]["views"]["id"] == examples["id"].tolist()  # the deck's order, nothing else
    assert model["start"] == {"view": ["handout"]} and model["lang"] == "fr"
    assert "default-src 'none'" in page and "world_110m" in page  # asks for nothing; the map travels inside


def test_one_example_says_the_same_on_card_slide_html_and_pdf(tmp_path):
    """An undated example with an untranslated summary: every rendering shows the same facts and marks."""
    path = tmp_path / "mine.csv"
    path.write_text(
        "id,section,title,summary,country,year,year_note,mission,mission_basis,source,key_figure,prompt,"
        "title_fr,prompt_fr,year_note_fr\n"
        "m1,justice,Mobile courts,Judges travelled to the camps.,LBR,,Over several years,UNMIL,inferred,"
        "A report (2012),Three courts,What changed?,Tribunaux mobiles,Qu'est-ce qui a changé ?,Sur plusieurs années\n",
        encoding="utf-8",
    )
    french = localize(load_dataset(path), "fr")
    use("fr")
    try:
        view = example_view(next(french.examples.itertuples()), french, "fr")
        renderings = {
            "card": str(card_html(view)),
            "slide": slide_html(view),
            "pdf": pdf_text(pdf_handout(french.examples, french)),
        }
    finally:
        use("en")
    facts = [
        "Tribunaux mobiles",
        "Judges travelled to the camps. (en anglais)",
        "Année non précisée (Sur plusieurs années)",
        "MINUL (UNMIL) (déduite du lieu et de l’année du document cité)",
        "Libéria",
        "Justice",
        "A report (2012)",
        "Three courts (en anglais)",
    ]
    for name, text in renderings.items():
        flat = " ".join(re.sub(r"<[^>]+>", "", text).replace("&#39;", "'").split())
        for fact in facts:
            assert fact in flat, (name, fact)
