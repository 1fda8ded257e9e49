"""Missions as each language writes them (MINUL for UNMIL in French), with their basis in the source."""

from __future__ import annotations

import pandas as pd

from data.loader import Dataset
from data.translations import catalog


def mission_names(missions: pd.DataFrame, lang: str) -> dict[str, str]:
    """Acronym → how ``lang`` writes it: "MINUL (UNMIL)" in French, the acronym where it is the same."""
    column = f"acronym_{lang}"
    if column not in missions:
        return {}
    return {
        acronym: f"{local} ({acronym})" if local and local != acronym else acronym
        for acronym, local in zip(missions["acronym"], missions[column])
    }


def mission_line(missions: tuple[str, ...], basis: str, names: dict[str, str], lang: str) -> str:
    """The missions of an example, marked when the source does not name them."""
    translations = catalog(lang)
    if not missions:
        return translations.gettext("Not named in the source")
    text = ", ".join(names.get(m, m) for m in missions)
    if basis != "inferred":
        return text
    return translations.ngettext(
        "{missions} (inferred from the place and the cited document's year)",
        "{missions} (inferred from the place and the cited document's year)",
        len(missions),
    ).format(missions=text)


def mission_options(dataset: Dataset, lang: str) -> dict[str, str]:
    """The mission filter's options and their labels, marked where the source does not name the mission."""
    translations = catalog(lang)
    names = mission_names(dataset.missions, lang)
    bases = dataset.mission_bases  # computed once per dataset, not on every rerun
    labels = {}
    for acronym in dataset.mission_options:
        kinds = bases.get(acronym, frozenset())
        label = names.get(acronym, acronym)
        if kinds == {"inferred"}:
            label = translations.gettext("{mission} (inferred)").format(mission=label)
        elif "inferred" in kinds:
            label = translations.gettext("{mission} (stated or inferred)").format(mission=label)
        labels[acronym] = label
    return labels
