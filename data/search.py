"""Word search as people type it: blind to case and accents ("securite" finds "sécurité"), every word
needed; where each word matched (for highlighting), an order by relevance, and the nearest spellings
when nothing matches."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower case without accents: what search compares."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The distinct folded words of a search, in order."""
    return list(dict.fromkeys(fold(text).split()))


def spans(text: str, wanted: Sequence[str]) -> list[tuple[int, int]]:
    """Where the (folded) words occur in ``text``, as merged (start, end) positions of ``text`` itself."""
    if not text or not wanted:
        return []
    folded, origin = [], []
    for position, character in enumerate(text):
        piece = fold(character)
        folded.append(piece)
        origin.extend([position] * len(piece))
    flat = "".join(folded)
    found = []
    for word in wanted:
        start = flat.find(word)
        while start >= 0 and word:
            found.append((origin[start], origin[start + len(word) - 1] + 1))
            start = flat.find(word, start + len(word))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def relevance(titles: pd.Series, texts: pd.Series, wanted: Sequence[str]) -> np.ndarray:
    """A score per row: each word's occurrences, three times over in the title."""
    score = np.zeros(len(texts))
    folded_titles = titles.map(fold)
    for word in wanted:
        score += 3 * folded_titles.str.count(re.escape(word)).to_numpy() + texts.str.count(re.escape(word)).to_numpy()
    return score


def vocabulary(texts: Iterable[str]) -> list[str]:
    """The distinct words of the searched text (three letters or more)."""
    seen: set[str] = set()
    for text in texts:
        seen.update(WORD.findall(text))
    return sorted(word for word in seen if len(word) >= 3)


def nearest(word: str, known: Sequence[str], limit: int = 3) -> list[str]:
    """The known words spelt most like ``word``."""
    found = process.extract(word, known, scorer=fuzz.ratio, limit=limit, score_cutoff=70)
    return [match for match, _score, _index in found if match != word]
