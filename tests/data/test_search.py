"""Search as people type it: case and accents optional, every word needed, matches located for
highlighting, relevance, and the nearest spellings."""

import pandas as pd
import pytest

from data.filters import Filters
from data.loader import load_dataset
from data.search import fold, nearest, relevance, spans, words
from data.selection import select


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def test_fold_and_words():
    assert fold("Côte d’Ivoire ÉLECTRICES") == "cote d’ivoire electrices"
    assert words("  Police  police POLICÍA ") == ["police", "policia"]


@pytest.mark.parametrize("typed", ["COTE D'IVOIRE", "côte", "Cote", "CÔTE d'ivoire quota"])
def test_case_and_accents_are_optional(dataset, typed):
    assert set(select(dataset, Filters(text=typed)).examples["id"]) == {"cote-divoire-electoral-quota"}


@pytest.mark.parametrize(
    "text, wanted, expected",
    [
        ("Côte d'Ivoire", ["cote"], [(0, 4)]),
        ("Police and POLICE", ["police"], [(0, 6), (11, 17)]),
        ("Sécurité", ["securite"], [(0, 8)]),
        ("ﬁre", ["fire"], [(0, 3)]),  # a ligature folds to two letters
        ("radio outreach", ["radio", "dio out"], [(0, 9)]),  # overlapping matches merge
        ("", ["x"], []),
    ],
)
def test_spans_point_into_the_original_text(text, wanted, expected):
    assert spans(text, wanted) == expected


def test_relevance_weighs_the_title(dataset):
    titles = pd.Series(["Police reform", "Courts"])
    texts = pd.Series(["police reform police", "courts and police"])
    assert list(relevance(titles, texts, ["police"])) == [5.0, 1.0]


def test_nearest_spellings(dataset):
    assert "police" in nearest("polise", dataset.search.words)
    assert nearest("zzzzzz", dataset.search.words) == []


def test_a_search_that_finds_nothing_offers_respellings_that_find_some(dataset):
    from data.selection import respellings

    offered = respellings(dataset, Filters(text="polise"))
    assert offered and offered[0][0] == "police" and offered[0][1] == select(dataset, Filters(text="police")).count
    assert respellings(dataset, Filters(text="police")) == []  # it finds some: nothing to offer
    assert respellings(dataset, Filters(text="radio polise", sections=("justice",))) == []  # none would give any


def test_most_relevant_first_orders_by_the_words_and_keeps_ties_in_order(dataset):
    from data.selection import most_relevant_first

    selection = select(dataset, Filters(text="women"))
    ordered = most_relevant_first(selection, dataset, "women")
    assert sorted(ordered.examples["id"]) == sorted(selection.examples["id"]) and ordered.count == selection.count
    scores = relevance(ordered.examples["title"], dataset.search.text.loc[ordered.examples.index], ["women"])
    assert list(scores) == sorted(scores, reverse=True)
    assert most_relevant_first(selection, dataset, "") is selection
