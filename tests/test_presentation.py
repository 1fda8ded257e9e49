"""The presenter's deck and playlist, and the handout builders."""

import io
import re

import pytest
from pypdf import PdfReader

from components.handouts import html_handout, pdf_handout
from data.loader import load_dataset
from data.presentation import NOTE, SOURCES, Deck, moved, playlist, slide_from_url, slide_to_url, sources
from data.selection import Filters, select


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def test_playlist_defaults_to_the_selection(dataset):
    selection = select(dataset, Filters(sections=("justice",)))
    examples, notices = playlist(dataset, selection, [])
    assert list(examples["id"]) == list(selection.examples["id"]) and notices == []


def test_playlist_keeps_the_trainers_order_and_notes_unknown_ids(dataset):
    examples, notices = playlist(
        dataset, select(dataset, Filters()), ["liberia-gbv-crimes-unit", "nope", "afghanistan-election-task-force"]
    )
    assert list(examples["id"]) == ["liberia-gbv-crimes-unit", "afghanistan-election-task-force"]
    assert notices == ["Ignored ids='nope': no such example."]


def test_deck_slides_and_labels(dataset):
    deck = Deck(dataset.examples.head(3))
    assert deck.slides[0] == NOTE and deck.slides[-1] == SOURCES and len(deck.slides) == 5
    assert [deck.label(i) for i in range(5)] == [
        "Content note",
        "Slide 1 of 3",
        "Slide 2 of 3",
        "Slide 3 of 3",
        "Sources",
    ]
    bare = Deck(dataset.examples.head(3), content_note=False, closing=False)
    assert bare.slides == list(dataset.examples.head(3)["id"])


@pytest.mark.parametrize(
    "value, note, index",
    [
        ("2", True, 2),
        ("0", True, 0),
        ("", True, 0),
        ("abc", True, 0),
        ("99", True, 4),
        ("1", False, 0),
        ("-3", True, 0),
    ],
)
def test_slide_from_url(dataset, value, note, index):
    deck = Deck(dataset.examples.head(3), content_note=note)
    assert slide_from_url(value, deck) == index


def test_slide_to_url_round_trip(dataset):
    deck = Deck(dataset.examples.head(3))
    assert all(slide_from_url(str(slide_to_url(i, deck)), deck) == i for i in range(1, 4))


def test_pdf_holds_every_title_and_citation_in_order(dataset):
    examples = dataset.examples.iloc[[7, 0, 5]]
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_handout(examples, dataset))).pages)
    flat = " ".join(text.split())
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


def test_html_handout_is_self_contained(dataset):
    html = html_handout(dataset.examples.head(2), dataset)
    markup = re.sub(r"<script>.*?</script>", "", html, flags=re.S)  # the page itself, not plotly.js's strings
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", markup)  # nothing loaded from elsewhere
    assert "window.PlotlyGeoAssets" in html  # the world map travels inside the file
    assert html.count('class="page"') == 2


@pytest.mark.parametrize(
    "item, step, order", [("b", -1, "bac"), ("b", 1, "acb"), ("a", -1, "abc"), ("c", 5, "abc"), ("z", 1, "abc")]
)
def test_moved(item, step, order):
    assert "".join(moved(list("abc"), item, step)) == order
