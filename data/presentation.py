"""The presenter's deck: the playlist's slides, and the page states its buttons lead to (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd

from data.filters import text_matches
from data.loader import Dataset
from data.page import PageState
from data.search import words
from data.selection import Selection, select
from data.translations import N_, Translate, untranslated

NOTE, SOURCES = "note", "sources"
SOURCE_NOTE = N_(
    'Summaries in our own words of the page "Mandates of peacekeeping missions" (last edited 3 July 2013). '
    "Dataset version {version}."
)
CONTENT_NOTE_TEXT = N_(
    "The examples that follow concern sexual and gender-based violence, including conflict-related sexual "
    "violence. Some participants may have personal experience of it. Take a break whenever you need one; "
    "nobody has to share their own story."
)


@dataclass(frozen=True)
class Deck:
    """Slides in order: an optional content note, one per example, an optional closing sources slide."""

    examples: pd.DataFrame
    content_note: bool = True
    closing: bool = True

    @property
    def slides(self) -> list[str]:
        return [*([NOTE] if self.content_note else []), *self.examples["id"], *([SOURCES] if self.closing else [])]

    def clamp(self, index: int) -> int:
        return max(0, min(index, len(self.slides) - 1))

    def first_example_index(self) -> int:
        return 1 if self.content_note else 0

    def index_of(self, number: int) -> int:
        """The slide at URL number ``number``: 0 is the content note, N the Nth example."""
        return 0 if number == 0 else self.clamp(number - 1 + self.first_example_index())

    def number_at(self, index: int) -> int:
        return index - self.first_example_index() + 1

    def label(self, index: int, _: Translate = untranslated) -> str:
        """'Content note', 'Slide N of M' (N counts examples only) or 'Sources', in the language of ``_``."""
        kind = self.slides[index]
        if kind == NOTE:
            return _("Content note")
        if kind == SOURCES:
            return _("Sources")
        return _("Slide {number} of {count}").format(number=self.number_at(index), count=len(self.examples))


def playlist_examples(dataset: Dataset, ids: Sequence[str]) -> pd.DataFrame:
    """The examples of ``ids``, in that order (ids the dataset lacks are left out)."""
    positions = dataset.id_index.get_indexer(list(ids))
    return dataset.examples.iloc[positions[positions >= 0]].reset_index(drop=True)


def deck_of(state: PageState, dataset: Dataset, selection: Selection | None = None) -> Deck:
    """The trainer's playlist (or saved presentation) in order, or else the current selection (made here
    if not given: a room needs no selection for a saved presentation). A link's ids that the dataset
    lacks are left out, never replaced: the deck may then be shorter, even empty."""
    if state.playlist or state.presentation:
        examples = playlist_examples(dataset, state.playlist)
    else:
        examples = (selection or select(dataset, state.filters)).examples
    return Deck(examples, content_note=state.content_note, closing=state.closing)


def with_saved(state: PageState, ids: Sequence[str], content_note: bool, closing: bool) -> PageState:
    """The page showing a saved presentation: its examples in order and its options."""
    return replace(state, playlist=tuple(ids), content_note=content_note, closing=closing)


def at_slide(state: PageState, deck: Deck, index: int) -> PageState:
    return replace(state, slide=deck.number_at(deck.clamp(index)))


def moved(ids: Sequence[str], item: str, step: int) -> list[str]:
    """``ids`` with ``item`` moved ``step`` places (negative: earlier), kept within the list."""
    order = list(ids)
    if item not in order:
        return order
    start = order.index(item)
    order.insert(max(0, min(len(order) - 1, start + step)), order.pop(start))
    return order


def reordered(state: PageState, deck: Deck, example_id: str, step: int) -> PageState:
    """The example on screen moved earlier or later in the playlist; it stays on screen."""
    order = moved(list(deck.examples["id"]), example_id, step)
    return replace(state, playlist=tuple(order), slide=order.index(example_id) + 1)


def sources(examples: pd.DataFrame) -> list[str]:
    """The distinct citations of the examples, in order of first appearance."""
    return list(dict.fromkeys(examples["source"]))


def playlist_matches(dataset: Dataset, typed: str, playlist: Sequence[str], limit: int = 8) -> list[tuple[str, str]]:
    """(id, title) of the first examples the typed words find that the playlist lacks."""
    if not words(typed):
        return []
    found = dataset.examples.loc[text_matches(dataset, typed), ["id", "title"]]
    found = found[~found["id"].isin(list(playlist))].head(limit)
    return list(zip(found["id"], found["title"]))
