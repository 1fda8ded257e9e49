"""The words of the content, second pass: in our own words, acronyms as each language writes them,
spelled out where used, French typography, and the normative framework with its dates (facts.md)."""

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from data.loader import LATER_KIND, load_dataset
from data.markers import unplaced_operations
from data.schema import TRANSLATED_FIELDS

ROOT = Path(__file__).resolve().parent.parent.parent
SOURCE = ROOT / "tests" / "fixtures" / "source-page.txt"  # ../shared/source/mandates-of-peacekeeping-missions.txt
RUN = 6  # words: a run this long shared with the source is the source's wording
LANGUAGES = ("en", "fr", "es")


def words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.replace("’", "'")).casefold()
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", folded)


def shared_with(text: str, source: set[tuple[str, ...]]) -> tuple[float, int]:
    """The share of ``text``'s words (quotations left out) in runs of ``RUN`` words the source has too,
    and the longest such stretch."""
    found = words(re.sub(r'"[^"]*"', "", text))
    covered = [False] * len(found)
    for i in range(len(found) - RUN + 1):
        if tuple(found[i : i + RUN]) in source:
            covered[i : i + RUN] = [True] * RUN
    longest = stretch = 0
    for word in covered:
        stretch = stretch + 1 if word else 0
        longest = max(longest, stretch)
    return sum(covered) / max(len(found), 1), longest


def test_the_overlap_measure_finds_copied_text():
    source = words("the revised penal code adopted in 2009 makes domestic violence a crime")
    runs = {tuple(source[i : i + RUN]) for i in range(len(source) - RUN + 1)}
    assert shared_with("The revised penal code adopted in 2009 makes domestic violence a crime.", runs) == (1.0, 12)
    assert shared_with('As "the revised penal code adopted in 2009" says.', runs) == (0.0, 0)
    assert shared_with("Domestic violence became a crime in 2009.", runs) == (0.0, 0)


def test_summaries_are_in_our_own_words():
    source = words(SOURCE.read_text(encoding="utf-8"))
    runs = {tuple(source[i : i + RUN]) for i in range(len(source) - RUN + 1)}
    measured = {e.id: shared_with(e.summary, runs) for e in load_dataset().examples.itertuples()}
    assert {i: m for i, m in measured.items() if m[0] > 0.25 or m[1] > 2 * RUN} == {}


def content_texts(lang: str):
    """Every text of the data files shown in ``lang`` (the examples' fields, milestones, sections)."""
    dataset = load_dataset()
    suffix = "" if lang == "en" else f"_{lang}"
    for table, fields in (
        (dataset.examples, TRANSLATED_FIELDS),
        (dataset.milestones, ("short", "title", "description")),
        (dataset.sections, ("name", "short")),
    ):
        for field in fields:
            yield from (text for text in table[f"{field}{suffix}"] if text)


def catalog_texts(lang: str):
    if lang == "en":
        return
    for message in read_po((ROOT / "locales" / lang / "LC_MESSAGES" / "messages.po").open("rb")):
        if message.id:
            yield from message.string if isinstance(message.string, tuple) else (message.string,)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_mission_acronym_is_the_one_its_language_writes(lang):
    """Another language's acronym of a mission appears only beside this language's ("MINUL (UNMIL)")."""
    missions = load_dataset().missions
    problems = []
    texts = [*content_texts(lang), *catalog_texts(lang)]
    for mission in missions.itertuples():
        mine = getattr(mission, f"acronym_{lang}", "") if lang != "en" else mission.acronym
        others = {mission.acronym, mission.acronym_fr, mission.acronym_es} - {mine, ""}
        for text in texts:
            for other in others:
                for found in re.finditer(rf"(?<![\w-]){other}(?![\w-])", text):
                    around = text[max(0, found.start() - len(mine) - 2) : found.end() + len(mine) + 3]
                    if f"{mine} ({other})" not in around and f"{other} ({mine})" not in around:
                        problems.append(f"{other} for {mine}: {text[:70]!r}")
    assert problems == []


def test_the_unplaced_operations_are_named_from_missions_csv():
    dataset = load_dataset()
    assert unplaced_operations(dataset, "en") == ["UNDOF", "UNISFA", "UNMIK", "UNTSO"]
    assert unplaced_operations(dataset, "fr") == ["FNUOD", "FISNUA", "MINUK", "ONUST"]
    assert unplaced_operations(dataset, "es") == ["FNUOS", "UNISFA", "UNMIK", "ONUVT"]


SPELLED_OUT = {
    "en": {
        "VAWG": "violence against women and girls",
        "SGBV": "sexual and gender-based violence",
        "GBV": "gender-based violence",
    },
    "fr": {
        "VFFF": "violence à l’égard des femmes et des filles",
        "VSBG": "violences sexuelles et basées sur le genre",
        "VBG": "violence basée sur le genre",
    },
    "es": {
        "VCMN": "violencia contra las mujeres y las niñas",
        "VSG": "violencia sexual y de género",
        "VG": "violencia de género",
    },
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_acronym_is_spelled_out_where_a_text_first_uses_it(lang):
    """Summaries, descriptions and notes (titles and short labels keep the acronym alone)."""
    dataset = load_dataset()
    suffix = "" if lang == "en" else f"_{lang}"
    texts = [
        *dataset.examples[f"summary{suffix}"],
        *dataset.examples[f"context_note{suffix}"],
        *dataset.milestones[f"description{suffix}"],
        *catalog_texts(lang),
    ]
    problems = []
    for text in texts:
        for acronym, spelled in SPELLED_OUT[lang].items():
            first = re.search(rf"(?<![\w-]){acronym}(?![\w-])", text)
            if first and not text[: first.start()].casefold().endswith(f"{spelled} (".casefold()):
                problems.append(f"{acronym}: {text[:70]!r}")
    assert problems == []


NON_BREAKING = "\u00a0\u202f"
CODE = re.compile(r"`[^`]*`|\{[a-z_]*\}|\w+://\S+|\?[a-z]+=\S*")  # code, placeholders, links: as they are


def french_spacing_problems(text: str) -> list[str]:
    text = CODE.sub("X", text)
    bad = [m for m in re.finditer(r"(?<=.)[;:?!](?=\s|$|[*)»\".])", text) if text[m.start() - 1] not in NON_BREAKING]
    bad += list(re.finditer(rf"[ ][;:?!]|«(?=[^{NON_BREAKING}])|(?<=[^{NON_BREAKING}])»", text))
    return [text[max(0, m.start() - 20) : m.end() + 5] for m in bad]


def test_the_french_spacing_rule_catches_what_it_should():
    for wrong in ("Attention : oui", "Oui ; non", "Quoi?", "« cela\u00a0»", "«\u00a0cela »", "Lien : https://a.org/"):
        assert french_spacing_problems(wrong), wrong
    assert french_spacing_problems("Attention\u00a0: ceci\u00a0; «\u00a0cela\u00a0»\u202f?") == []
    assert french_spacing_problems("Lien\u00a0: https://exemple.org/?p=a:b et `a:b` {key}={value}.") == []


def test_french_has_a_non_breaking_space_before_double_punctuation_and_inside_guillemets():
    problems = [p for text in [*content_texts("fr"), *catalog_texts("fr")] for p in french_spacing_problems(text)]
    assert problems == []


# facts.md: the source's milestones and the resolutions after them, with their dates.
MILESTONES = {
    date(2000, 10, 31): "Security Council resolution 1325",
    date(2002, 3, 1): "Special Committee on Peacekeeping Operations",
    date(2006, 1, 1): "DPKO Policy Directive on Gender Equality",
    date(2008, 6, 19): "Security Council resolution 1820",
    date(2013, 5, 1): "16 DPKO-led operations",
    date(2014, 1, 1): "Target: 20% women in UN police",
}
LATER_RESOLUTIONS = {
    date(2009, 9, 30): 1888,
    date(2009, 10, 5): 1889,
    date(2010, 12, 16): 1960,
    date(2013, 6, 24): 2106,
    date(2013, 10, 18): 2122,
    date(2015, 10, 13): 2242,
    date(2016, 3, 11): 2272,
    date(2019, 4, 23): 2467,
    date(2019, 10, 29): 2493,
    date(2020, 8, 28): 2538,
}
NOT_FROM_THE_SOURCE = {"en": "not from the source", "fr": "hors de la source", "es": "no procede de la fuente"}


def test_every_milestone_of_facts_md_with_its_date():
    milestones = load_dataset().milestones
    found = {row.date.date(): row for row in milestones.itertuples()}
    assert {when: found[when].title for when in MILESTONES if when in found} == MILESTONES
    assert {when: found[when].title for when in LATER_RESOLUTIONS if when in found} == {
        when: f"Security Council resolution {number}" for when, number in LATER_RESOLUTIONS.items()
    }
    assert len(milestones) == len(MILESTONES) + len(LATER_RESOLUTIONS)
    for when in LATER_RESOLUTIONS:
        row = milestones.set_index("date").loc[str(when)]
        assert row["kind"] == LATER_KIND
        for lang, mark in NOT_FROM_THE_SOURCE.items():
            assert mark in row["description" if lang == "en" else f"description_{lang}"]
    assert LATER_KIND not in set(milestones[milestones["date"].dt.date.isin(MILESTONES)]["kind"])
