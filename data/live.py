"""What a live session shows, as values: the join code's QR image, the quiz's shares, the answers'
report. Pure (no Streamlit, no store)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import segno

from data.export import neutralise


@lru_cache(maxsize=32)
def qr_data_uri(url: str) -> str:
    """The join address as a QR code: an SVG image in a data URI (made here, no network)."""
    return segno.make(url, error="m").svg_data_uri(scale=8, border=2, dark="#000000", light="#ffffff")


@dataclass(frozen=True)
class Share:
    section: str
    name: str
    count: int
    share: float  # of all the answers, 0 to 1
    right: bool


def quiz_shares(counts: Mapping[str, int], sections: Mapping[str, str], right: str) -> list[Share]:
    """Each section's share of the answers, in the sections' order, the right one marked."""
    total = sum(counts.values())
    return [
        Share(slug, name, counts.get(slug, 0), counts.get(slug, 0) / total if total else 0.0, slug == right)
        for slug, name in sections.items()
    ]


REPORT_COLUMNS = ["session", "presentation", "slide", "example_id", "example", "question", "answer", "shown", "at"]


def answers_report(
    code: str, title: str, answers: Sequence, titles: Mapping[str, str], sections: Mapping[str, str]
) -> pd.DataFrame:
    """The session's answers for the training report, formula-safe: no participant ids, no names.
    Quiz answers are written as the section's name; ``shown`` says whether the room saw a text."""
    rows = [
        {
            "session": code,
            "presentation": title,
            "slide": answer.slide,
            "example_id": answer.example_id,
            "example": titles.get(answer.example_id, ""),
            "question": "quiz" if answer.kind == "quiz" else "discussion",
            "answer": sections.get(answer.value, answer.value) if answer.kind == "quiz" else answer.value,
            "shown": "yes" if answer.approved else "no",
            "at": answer.at.strftime("%Y-%m-%d %H:%M:%S UTC"),
        }
        for answer in answers
    ]
    frame = pd.DataFrame(rows, columns=REPORT_COLUMNS).astype(str)
    return frame.apply(lambda column: column.map(neutralise))


def report_csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False).encode("utf-8-sig")
