"""The live session's words: every reason the store gives for refusing an answer is said in the
participant's language, and says the same as the store's."""

from components.live import REFUSED
from store.live import REFUSALS


def test_every_refusal_has_its_translatable_twin():
    assert REFUSED == REFUSALS
