"""The presenter's deck: playlist, slides, their URL numbers, and where its buttons lead."""

import pytest

from data.filters import Filters
from data.loader import load_dataset
from data.page import PageState
from data.presentation import NOTE, SOURCES, Deck, at_slide, deck_of, moved, reordered
from data.selection import select


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def test_playlist_defaults_to_the_selection(dataset):
    state = PageState(filters=Filters(sections=("justice",)))
    selection = select(dataset, state.filters)
    assert list(deck_of(state, dataset, selection).examples["id"]) == list(selection.examples["id"])


def test_playlist_keeps_the_trainers_order(dataset):
    state = PageState(playlist=("liberia-gbv-crimes-unit", "afghanistan-election-task-force"))
    deck = deck_of(state, dataset, select(dataset, Filters()))
    assert list(deck.examples["id"]) == ["liberia-gbv-crimes-unit", "afghanistan-election-task-force"]


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
    "number, note, index",
    [(2, True, 2), (0, True, 0), (99, True, 4), (1, False, 0), (0, False, 0), (3, False, 2), (4, True, 4)],
)
def test_slide_numbers_of_the_url(dataset, number, note, index):
    deck = Deck(dataset.examples.head(3), content_note=note)
    assert deck.index_of(number) == index


def test_slide_numbers_round_trip(dataset):
    deck = Deck(dataset.examples.head(3))
    assert all(deck.index_of(deck.number_at(i)) == i for i in range(5))


def test_navigation_stays_in_the_deck(dataset):
    deck = Deck(dataset.examples.head(3))
    assert at_slide(PageState(), deck, -1).slide == 0
    assert at_slide(PageState(), deck, 99).slide == 4  # the sources slide


def test_reordering_keeps_the_example_on_screen(dataset):
    deck = Deck(dataset.examples.head(3))
    second = deck.examples["id"].iloc[1]
    state = reordered(PageState(slide=2), deck, second, -1)
    assert state.playlist[0] == second and state.slide == 1


@pytest.mark.parametrize(
    "item, step, order", [("b", -1, "bac"), ("b", 1, "acb"), ("a", -1, "abc"), ("c", 5, "abc"), ("z", 1, "abc")]
)
def test_moved(item, step, order):
    assert "".join(moved(list("abc"), item, step)) == order
