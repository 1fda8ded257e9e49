"""What every curated example must say, and must not, on its card, its slide and the PDF handout, in
English, French and Spanish (tests/fidelity_facts.py; the HTML handout, which is the field kit, is
checked in the browser: tests/browser/test_kit.py)."""

import html
import io
import re

import pytest
from pypdf import PdfReader

from components.example_html import card_html, slide_html
from components.handouts import pdf_handout
from components.i18n import use
from data.example_view import example_views
from data.loader import load_dataset
from data.localize import localize
from tests.fidelity_facts import MUST, NEVER


def flat(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def renderings(lang: str):
    """(example id, rendering name, its text) for every curated example."""
    dataset = localize(load_dataset(), lang)
    use(lang)
    try:
        views = example_views(dataset.examples, dataset, lang)
        pages = PdfReader(io.BytesIO(pdf_handout(dataset.examples, dataset))).pages
        for i, view in enumerate(views):
            yield view.id, "card", flat(str(card_html(view)))
            yield view.id, "slide", flat(slide_html(view))
            yield view.id, "pdf", " ".join(pages[i].extract_text().split())
    finally:
        use("en")


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_every_example_says_what_the_source_says(lang):
    missing, wrong = [], []
    seen = set()
    for example_id, name, text in renderings(lang):
        seen.add(example_id)
        missing += [(example_id, name, fact) for fact in MUST[example_id][lang] if fact not in text]
        wrong += [(example_id, name, phrase) for phrase in NEVER if phrase in text]
    assert seen == set(MUST)
    assert missing == []
    assert wrong == []
