"""One example as every view shows it: the card, the slide, the HTML handout and the PDF handout
render this object and nothing else, so they cannot drift apart."""

from __future__ import annotations

from collections import namedtuple
from dataclasses import dataclass
from functools import cache

import pandas as pd

from data.loader import Dataset
from data.localize import ENGLISH_MARK
from data.missions import mission_line, mission_names

MIXED_COLOUR = "#444444"


def luminance(colour: str) -> float:
    """WCAG 2's relative luminance of #RRGGBB."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    red, green, blue = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def text_colour(background: str) -> str:
    """Near-black or white, whichever has the higher WCAG contrast on ``background`` (#RRGGBB)."""
    light = luminance(background)
    return "#111" if (light + 0.05) / (luminance("#111111") + 0.05) >= 1.05 / (light + 0.05) else "#fff"


@dataclass(frozen=True)
class ExampleView:
    """Plain text, never markup: each renderer escapes it for its medium."""

    id: str
    section: str
    section_name: str
    colour: str  # the section's colour, and the badge text colour that reads on it
    badge_text: str
    yours: bool  # uploaded by this session, not curated
    title: str
    summary: str
    key_figure: str
    prompt: str
    place_line: str  # place, then the country names where they add something
    year_label: str  # "2004", "2009–2010", "Since 2007" or "Year not stated", in the view's language
    year_note: str  # what the years stand for, where the label alone would mislead
    context_note: str  # public context beside the source, shown marked as not from it
    mission_line: str  # the missions with their basis, or "Not named in the source"
    source: str
    english: frozenset[str]  # the fields shown in English for want of a translation

    def in_english(self, name: str) -> bool:
        return name in self.english


def example_view(example, dataset: Dataset, lang: str, names: dict[str, str] | None = None) -> ExampleView:
    """The view of one row of ``dataset.examples`` (a namedtuple from ``itertuples``) in ``lang``."""
    colour = dataset.section_colours.get(example.section, MIXED_COLOUR)
    return ExampleView(
        id=example.id,
        section=example.section,
        section_name=dataset.section_names.get(example.section, example.section),
        colour=colour,
        badge_text=text_colour(colour),
        yours=example.origin != "curated",
        title=example.title,
        summary=example.summary,
        key_figure=example.key_figure,
        prompt=example.prompt,
        place_line=(
            example.place if example.place == example.country_names else f"{example.place} · {example.country_names}"
        ),
        year_label=example.year_label,
        year_note=example.year_note,
        context_note=example.context_note,
        mission_line=mission_line(
            example.missions,
            example.mission_basis,
            mission_names(dataset.missions, lang) if names is None else names,
            lang,
        ),
        source=example.source,
        english=frozenset(getattr(example, ENGLISH_MARK, ()) or ()),
    )


# The columns a view reads: rows are made of these alone, column by column (``itertuples`` over every
# column of a dataset cost 0.4 ms an example).
VIEWED = (
    "id", "section", "origin", "title", "summary", "key_figure", "prompt", "place", "country_names", "year_label",
    "year_note", "context_note", "missions", "mission_basis", "source", ENGLISH_MARK,
)  # fmt: skip


@cache
def row_type(fields: tuple[str, ...]) -> type:
    return namedtuple("Example", fields)


def example_views(examples: pd.DataFrame, dataset: Dataset, lang: str) -> list[ExampleView]:
    """The views of these examples (rows of a dataset already in ``lang``)."""
    names = mission_names(dataset.missions, lang)
    fields = tuple(c for c in VIEWED if c in examples.columns)
    rows = map(row_type(fields)._make, zip(*(examples[c].tolist() for c in fields)))
    return [example_view(example, dataset, lang, names) for example in rows]
