"""The live session's words: every reason the store gives for refusing an answer or a join is in the
catalog, so the participant reads it in their language (one table: ``store.live.REFUSALS``)."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from components.i18n import _, use
from store.live import REFUSALS

LOCALES = Path(__file__).resolve().parents[2] / "locales"


def test_every_refusal_is_in_the_catalog():
    template = {m.id for m in read_po((LOCALES / "messages.pot").open("rb")) if m.id}
    assert set(REFUSALS.values()) <= template


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_every_refusal_is_said_in_the_participants_language(lang):
    use(lang)
    try:
        assert all(_(message) != message for message in REFUSALS.values())
    finally:
        use("en")
