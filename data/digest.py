"""A cryptographic digest of everything a shared cache entry renders: two sessions get the same
entry only when every cell, the dataset's tables and the language are the same."""

from __future__ import annotations

import hashlib
import json

import pandas as pd

from data.loader import Dataset


def frame_digest(frame: pd.DataFrame, into: hashlib._Hash) -> None:
    """Every column's name and every cell, in order (JSON keeps strings, lists and numbers apart)."""
    into.update(frame.to_json(orient="split", index=False, date_format="iso", default_handler=str).encode())


def rendered_digest(examples: pd.DataFrame, dataset: Dataset, lang: str) -> str:
    """SHA-256 of the examples (all columns, origin included), the sections, milestones and missions,
    the dataset's version and the language."""
    digest = hashlib.sha256()
    for frame in (examples, dataset.sections, dataset.milestones, dataset.missions):
        frame_digest(frame, digest)
    digest.update(json.dumps([dataset.version, dataset.version_date, lang]).encode())
    return digest.hexdigest()
