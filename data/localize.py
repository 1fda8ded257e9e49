"""The dataset in French or Spanish: translated content where it exists, English (marked) where not."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from data.countries import country_name
from data.grouping import per_distinct, per_value
from data.loader import Dataset, example_places, year_labels
from data.schema import TRANSLATED_FIELDS, split_list
from data.translations import catalog

ENGLISH_MARK = "english_fields"  # column: the translated fields shown in English for want of a translation


def localized_columns(frame: pd.DataFrame, fields: tuple[str, ...], lang: str) -> pd.DataFrame:
    """``field`` replaced by ``field_<lang>`` where that column has text."""
    frame = frame.copy()
    for field in fields:
        column = f"{field}_{lang}"
        if column in frame:
            translated = frame[column].fillna("").astype(str).str.strip()
            frame[field] = translated.where(translated != "", frame[field])
    return frame


def localize(dataset: Dataset, lang: str) -> Dataset:
    """Content, section names, milestones, year labels and country names in ``lang`` (en: unchanged)."""
    if lang == "en":
        return dataset
    examples = dataset.examples
    missing = pd.DataFrame(
        {
            field: (examples[field] != "")
            & (
                examples.get(f"{field}_{lang}", pd.Series("", index=examples.index)).fillna("").astype(str).str.strip()
                == ""
            )
            for field in TRANSLATED_FIELDS
        }
    )
    examples = localized_columns(examples, TRANSLATED_FIELDS, lang)
    examples[ENGLISH_MARK] = per_distinct(
        missing,
        lambda distinct: pd.Series(
            [
                tuple(f for f, is_missing in zip(TRANSLATED_FIELDS, row) if is_missing)
                for row in distinct.itertuples(index=False)
            ],
            dtype=object,
        ),
    )
    examples["year_label"] = year_labels(examples, catalog(lang).gettext)
    names = per_value(examples["country"], lambda codes: "; ".join(country_name(c, lang) for c in split_list(codes)))
    own = examples.get(f"place_{lang}", pd.Series("", index=examples.index)).fillna("").astype(str)
    own = per_value(own, lambda cell: "; ".join(split_list(cell)))
    place = examples["place"].where(examples["place"] != examples["country_names"], names)
    examples["place"] = own.where(own != "", place)
    examples["country_names"] = names
    return replace(
        dataset,
        examples=examples,
        places=example_places(examples),
        sections=localized_columns(dataset.sections, ("name", "short"), lang),
        milestones=localized_columns(dataset.milestones, ("short", "title", "description"), lang),
        search=None,  # search what this language shows
    )
