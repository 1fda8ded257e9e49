"""Searched words highlighted in cards and slides, with every piece of text still escaped."""

import pytest

from components.example_html import card_html, highlighted, slide_html
from data.example_view import example_views
from data.loader import load_dataset
from data.search import words

HOSTILE = '<img src=x onerror="alert(1)"> Police & <script>alert("police")</script>'


def test_hostile_text_stays_text_around_the_marks():
    html = str(highlighted(HOSTILE, words("police script")))
    assert "<img" not in html and "<script>" not in html and "onerror=&#34;" in html
    assert html.count("<mark>") == 4 and "<mark>Police</mark>" in html and "&lt;<mark>script</mark>&gt;" in html


@pytest.mark.parametrize("typed", ["<mark>", "</mark><b>", "&amp;", '"', "mark"])
def test_a_search_for_markup_finds_it_as_text(typed):
    html = str(highlighted("a <mark> & b", words(typed)))
    assert "<b>" not in html and html.count("<mark>") == html.count("</mark>")


def test_cards_and_slides_mark_the_words_in_their_own_spelling():
    view = next(v for v in example_views(load_dataset().examples, load_dataset(), "en") if v.id.startswith("cote"))
    for html in (str(card_html(view, wanted=words("cote QUOTA"))), slide_html(view, words("cote QUOTA"))):
        assert "<mark>Côte</mark>" in html and "<mark>Quota</mark>" in html
