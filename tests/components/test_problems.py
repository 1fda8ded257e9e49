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
