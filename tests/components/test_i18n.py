"""French and Spanish: every interface string and every curated text has its translation."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from data.countries import country_name
from data.filters import Filters
from data.loader import load_dataset
from data.localize import ENGLISH_MARK, localize
from data.page import parse_url
from data.schema import TRANSLATED_FIELDS, TRANSLATIONS
from data.selection import select
from data.translations import catalog

ROOT = Path(__file__).resolve().parent.parent.parent
LOCALES = ROOT / "locales"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def catalog_entries(lang: str):
    return {m.id: m.string for m in read_po((LOCALES / lang / "LC_MESSAGES" / "messages.po").open("rb")) if m.id}


def test_template_is_up_to_date(tmp_path):
    """The .pot holds exactly the strings the code marks with _(), N_() and ngettext()."""
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            str(Path(sys.executable).with_name("pybabel")),
            "extract",
            "-k",
            "N_",
            "-k",
            "_",
            "-k",
            "ngettext:1,2",
            "--no-location",
            "--sort-output",
            "-o",
            str(fresh),
            "app.py",
            "components",
            "data",
            "store/live.py",  # the refusals of a participant's answers
            "kit",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    ids = {m.id for m in read_po(fresh.open("rb")) if m.id}
    assert ids == {m.id for m in read_po((LOCALES / "messages.pot").open("rb")) if m.id}


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_interface_string_is_translated_with_the_same_placeholders(lang):
    template = {m.id for m in read_po((LOCALES / "messages.pot").open("rb")) if m.id}
    entries = catalog_entries(lang)
    assert set(entries) == template
    for msgid, msgstr in entries.items():
        ids = msgid if isinstance(msgid, tuple) else (msgid,)
        strings = msgstr if isinstance(msgstr, tuple) else (msgstr,)
        assert all(strings), f"{lang}: no translation for {ids[0]!r}"
        allowed = set().union(*(PLACEHOLDER.findall(i) for i in ids))
        if len(ids) == 1:
            assert set(PLACEHOLDER.findall(strings[0])) == allowed, ids[0]
        else:  # plural forms: a singular may leave the count out
            assert all(set(PLACEHOLDER.findall(s)) <= allowed for s in strings), ids[0]


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_compiled_catalog_matches_the_po_file(lang):
    entries = catalog_entries(lang)
    translate = catalog(lang).gettext
    assert all(translate(i) == s for i, s in entries.items() if isinstance(i, str))


def test_the_count_line_in_each_language():
    def line(lang: str, count: int, total: int) -> str:
        message = "Showing {count} of {total} examples"
        return catalog(lang).ngettext(message, message, count).format(count=count, total=total)

    assert [line("fr", n, 9) for n in (0, 1, 3)] == ["0 exemple sur 9", "1 exemple sur 9", "3 exemples sur 9"]
    assert [line("es", n, 9) for n in (1, 3)] == ["1 de 9 ejemplos", "3 de 9 ejemplos"]
    assert line("en", 1, 9) == "Showing 1 of 9 examples"


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_curated_example_section_and_milestone_is_translated(lang):
    dataset = load_dataset()
    for field in TRANSLATED_FIELDS:
        english, translated = dataset.examples[field], dataset.examples[f"{field}_{lang}"]
        assert ((english == "") == (translated == "")).all(), field
    assert (dataset.sections[[f"name_{lang}", f"short_{lang}"]] != "").all().all()
    assert (dataset.milestones[[f"short_{lang}", f"title_{lang}", f"description_{lang}"]] != "").all().all()
    localized = localize(dataset, lang)
    assert localized.examples[ENGLISH_MARK].map(len).sum() == 0
    assert not set(localized.examples["title"]) & set(dataset.examples["title"])


def test_localized_labels_countries_and_search():
    french = localize(load_dataset(), "fr")
    examples = french.examples.set_index("id")
    assert examples.loc["haiti-sgbv-justice-police", "year_label"] == "Année non précisée"
    assert examples.loc["cote-divoire-electoral-quota", "year_label"] == "Depuis 2007"
    assert examples.loc["liberia-gbv-crimes-unit", "country_names"] == "Libéria"
    assert set(select(french, Filters(text="casques")).examples["id"]) == set()  # section names are not searched
    assert set(select(french, Filters(text="électrices")).examples["id"]) == {
        "afghanistan-election-task-force",
        "sierra-leone-women-elections-group",
    }
    assert set(select(french, Filters(text="electrices")).examples["id"]) == {  # accents optional
        "afghanistan-election-task-force",
        "sierra-leone-women-elections-group",
    }
    # The text shown is the text searched, so every match can be highlighted.
    assert select(french, Filters(text="voters")).count == 0
    english = load_dataset()
    assert select(english, Filters(text="électrices")).count == 0
    assert select(english, Filters(text="voters")).count == 2


def test_missing_translation_falls_back_to_english_and_is_marked(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "id,section,title,summary,country,year,mission,source,title_fr\n"
        "m1,justice,English title,English summary.,LBR,,,A source,Titre français\n",
        encoding="utf-8",
    )
    examples = localize(load_dataset(path), "fr").examples
    assert examples.loc[0, "title"] == "Titre français"
    assert examples.loc[0, "summary"] == "English summary."
    assert examples.loc[0, ENGLISH_MARK] == ("summary",)


def test_url_notices_follow_the_language():
    _, notices = parse_url({"section": ["weather"], "lang": ["es"]}, load_dataset())
    assert notices == ["Se ignoró section='weather': no existe esa sección."]


def glossary() -> list[dict[str, str]]:
    """The rows of locales/GLOSSARY.md's table."""
    lines = [
        line for line in (LOCALES / "GLOSSARY.md").read_text(encoding="utf-8").splitlines() if line.startswith("|")
    ]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    return [dict(zip(header, (cell.strip() for cell in line.strip("|").split("|")))) for line in lines[2:]]


LANGUAGE_NAMES = {"fr": "French", "es": "Spanish"}


def content_pairs(lang: str):
    """(English text, its translation) of every translated cell of the data files."""
    dataset = load_dataset()
    tables = [
        (dataset.examples, (*TRANSLATED_FIELDS, "place")),
        (dataset.milestones, ("short", "title", "description")),
        (dataset.sections, ("name", "short")),
    ]
    for table, fields in tables:
        for field in fields:
            translated = table.get(f"{field}_{lang}")
            if translated is None:
                continue
            for english, text in zip(table[field], translated):
                if text:
                    yield english, text


def catalog_texts(lang: str):
    for msgid, msgstr in catalog_entries(lang).items():
        yield from zip(
            msgid if isinstance(msgid, tuple) else (msgid,), msgstr if isinstance(msgstr, tuple) else (msgstr,)
        )


QUOTED = re.compile(r"`[^`]*`|\"[^\"]*\"|“[^”]*”|«[^»]*»")  # input values and titles, kept as they are


def has_term(text: str, term: str) -> bool:
    """Whether ``term`` is in ``text`` as a whole word: in any case if it is written in lower case (a
    common noun, capitalised in titles), exactly as written otherwise (acronyms, names)."""
    flags = re.IGNORECASE if term.islower() else 0
    return re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", QUOTED.sub("", text), flags) is not None


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_translations_follow_the_glossary(lang):
    language = LANGUAGE_NAMES[lang]
    problems = []
    for english, text in [*content_pairs(lang), *catalog_texts(lang)]:
        for row in glossary():
            for never in filter(None, (t.strip() for t in row[f"never in {language}"].split(","))):
                if has_term(text, never):
                    problems.append(f"{never!r} in {text[:80]!r}")
            if row[language] and has_term(english, row["English"]) and not has_term(text, row[language]):
                problems.append(f"{row['English']!r} → {row[language]!r} missing from {text[:80]!r}")
    assert problems == []


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_no_translation_is_left_fuzzy(lang):
    assert [m.id for m in read_po((LOCALES / lang / "LC_MESSAGES" / "messages.po").open("rb")) if m.fuzzy] == []


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_country_names_follow_the_glossary(lang):
    language = LANGUAGE_NAMES[lang]
    rows = {row["English"]: row for row in glossary()}
    for code in [*load_dataset().country_options, "CIV", "TLS"]:
        english, name = country_name(code), country_name(code, lang)
        if english in rows:
            assert name == rows[english][language], code
        for row in glossary():
            assert not any(has_term(name, never.strip()) for never in row[f"never in {language}"].split(",") if never)
