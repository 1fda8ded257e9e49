"""The presenter's playlist and slides (pure: no Streamlit here)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from data.loader import Dataset
from data.selection import Selection
from data.translations import Translate, untranslated

NOTE, SOURCES = "note", "sources"


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

    def label(self, index: int, _: Translate = untranslated) -> str:
        """'Content note', 'Slide N of M' (N counts examples only) or 'Sources', in the language of ``_``."""
        kind = self.slides[index]
        if kind == NOTE:
            return _("Content note")
        if kind == SOURCES:
            return _("Sources")
        return _("Slide {number} of {count}").format(
            number=index - self.first_example_index() + 1, count=len(self.examples)
        )


def playlist(
    dataset: Dataset, selection: Selection, ids: Sequence[str], _: Translate = untranslated
) -> tuple[pd.DataFrame, list[str]]:
    """The examples to present: ``ids`` in their order when given, else the selection. Unknown ids are noted."""
    if not ids:
        return selection.examples, []
    by_id = dataset.examples.set_index("id", drop=False)
    known = [i for i in dict.fromkeys(ids) if i in by_id.index]
    unknown = [i for i in ids if i not in by_id.index]
    notices = [_("Ignored ids={value}: no such example.").format(value=repr(i[:40])) for i in unknown]
    return by_id.loc[known].reset_index(drop=True), notices


def slide_from_url(value: str, deck: Deck) -> int:
    """``slide=N``: N counts examples from 1; 0 is the content note. Anything else opens the first slide."""
    if not re.fullmatch(r"[0-9]{1,6}", value.strip()):
        return 0
    number = int(value)
    return deck.clamp(0 if number == 0 and deck.content_note else number - 1 + deck.first_example_index())


def slide_to_url(index: int, deck: Deck) -> int:
    return index - deck.first_example_index() + 1


def sources(examples: pd.DataFrame) -> list[str]:
    """The distinct citations of the examples, in order of first appearance."""
    return list(dict.fromkeys(examples["source"]))


def moved(ids: Sequence[str], item: str, step: int) -> list[str]:
    """``ids`` with ``item`` moved ``step`` places (negative: earlier), kept within the list."""
    order = list(ids)
    if item not in order:
        return order
    start = order.index(item)
    order.insert(max(0, min(len(order) - 1, start + step)), order.pop(start))
    return order
