"""Every message and fix the checks can give is in the catalogs, so people read them in their language."""

import re

import pandas as pd
import pytest

from components.i18n import use
from components.problems import TEXTS, in_language, problems_frame
from data.loader import Problem, check_examples, read_sections
from data.schema import HINTS


def test_every_fix_of_the_schema_is_listed():
    assert set(HINTS.values()) <= set(TEXTS)


def test_every_message_the_checks_give_is_listed():
    raw = pd.DataFrame(
        [
            {
                "id": "a",
                "section": "weather",
                "title": "=x",
                "summary": "",
                "country": "ZZZ",
                "year": "2010-2001",
                "mission": "",
                "source": "s",
                "mission_basis": "guess",
                "latitude": "95",
                "longitude": "0",
            },
            {
                "id": "a",
                "section": "justice",
                "title": "t",
                "summary": "x" * 2001,
                "country": "TUV",
                "year": "3000",
                "mission": "",
                "source": "s",
            },
        ]
    )
    _, problems = check_examples(raw, read_sections(), "f.csv")
    messages = {p.message for p in problems}
    assert len(messages) >= 9
    assert {m for m in messages if not re.fullmatch(r"longer than \d+ characters", m)} <= set(TEXTS)


@pytest.mark.parametrize("lang, text", [("fr", "section inconnue"), ("es", "sección desconocida")])
def test_problems_are_shown_in_the_pages_language(lang, text):
    use(lang)
    try:
        frame = problems_frame([Problem("f.csv", 2, "section", "unknown section", HINTS["section"], "weather")])
        assert frame.iloc[0, 3] == text
        assert in_language("longer than 2000 characters") != "longer than 2000 characters"
    finally:
        use("en")


def test_every_message_of_an_unreadable_file_is_in_the_languages(tmp_path):
    from data.reading import MAX_BYTES, UnreadableFile, read_table
    from tests.hostile_files import bomb, hostile_files

    contents = {path.name: path.read_bytes() for path, _ in hostile_files(tmp_path).values()}
    contents |= {
        "empty.csv": b"",
        "doc.csv": b"%PDF-1.4",
        "neither.csv": b"id\n\x81\x8d\n",  # bytes neither UTF-8 nor Windows-1252
        "big.csv": b"x" * (MAX_BYTES + 1),
        "broken.xlsx": b"PK\x03\x04 not a zip",
        "ratio.xlsx": bomb(20),
    }
    for name, content in contents.items():
        try:
            read_table(content, name)
        except UnreadableFile as error:
            message = str(error)
        else:
            raise AssertionError(f"{name} was read")
        use("fr")
        try:
            french = in_language(message)
        finally:
            use("en")
        assert french != message, message
        assert not re.search(r"\d,\d{3}", french), french  # numbers in the French form (20 001)
