"""Synthetic examples files in the real schema, for benchmarks (deterministic: seeded)."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pandas as pd

from data.countries import country_name, country_points
from store.collection import Store
from store.roles import Actor

EDITOR, REVIEWER = Actor("vera", "editor"), Actor("rui", "reviewer")

SECTIONS = ("ddr", "elections", "ssr", "military", "justice", "recruitment")
WORDS = (
    "mission",
    "women",
    "police",
    "training",
    "community",
    "justice",
    "survivors",
    "elections",
    "radio",
    "forum",
    "protection",
    "officers",
    "court",
    "reform",
    "outreach",
    "reintegration",
    "violence",
    "security",
    "leaders",
    "camp",
    "registration",
    "quota",
    "unit",
    "gender",
    "advisers",
    "programme",
)
MISSIONS = ("UNMIL", "MINUSTAH", "UNOCI", "UNMISS", "MONUSCO", "UNAMID", "MINUSMA", "UNIFIL", "")


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def example(rng: random.Random, index: int, countries: list[str]) -> dict[str, str]:
    start = rng.randint(1990, 2020)
    year = rng.choice(["", "", str(start), str(start), f"{start}-{start + rng.randint(1, 6)}", f"{start}-"])
    country = rng.choice(countries)
    return {
        "id": f"synthetic-{index}",
        "section": rng.choice(SECTIONS),
        "title": sentence(rng, rng.randint(5, 9)),
        "summary": " ".join(sentence(rng, rng.randint(10, 18)) for _ in range(rng.randint(2, 4))),
        "country": country,
        "year": year,
        "mission": rng.choice(MISSIONS),
        "source": f"Synthetic report {index % 97} ({start})",
        "place": country_name(country),
        "key_figure": rng.choice(["", f"{rng.randint(2, 500)} participants"]),
        "prompt": sentence(rng, 12).rstrip(".") + "?",
    }


def write_examples(path: Path, size: int, seed: int = 1325) -> Path:
    rng = random.Random(seed)
    countries = list(country_points().index)
    rows = [example(rng, i, countries) for i in range(size)]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def publish_examples(store: Store, path: Path, size: int, prefix: str, title: str = "") -> pd.DataFrame:
    """``size`` synthetic examples (ids ``PREFIX-0``…; titles ``title.format(n)`` from 1 if given), written
    to ``path``, imported into ``store`` as drafts and published, as an editor and a reviewer would; their rows."""
    frame = pd.read_csv(write_examples(path, size), dtype=str, keep_default_na=False)
    frame["id"] = [f"{prefix}-{i}" for i in range(len(frame))]
    if title:
        frame["title"] = [title.format(i + 1) for i in range(len(frame))]
    store.import_frame(EDITOR, frame, path.name)
    store.publish_all(REVIEWER, "for the benchmark")
    return frame
