"""A link's parameters as the page state reads them: one value per key (the last counts), values
checked against what the dataset holds, and a notice, in the page's language, for each value ignored.
Pure (no Streamlit)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from data.schema import FIRST_YEAR, LAST_YEAR
from data.translations import Translate

SHOWN = 40  # characters of an offending value quoted in a notice


def shown(value: str) -> str:
    return repr(value[:SHOWN])


@dataclass
class Link:
    params: Mapping[str, Sequence[str]]
    _: Translate
    notices: list[str] = field(default_factory=list)

    def note(self, message: str, **values: object) -> None:
        """A notice: ``message`` (already translated) with its ``{key}``, ``{value}``… filled in."""
        self.notices.append(message.format(**values))

    def last(self, key: str) -> list[str]:
        """A key that takes one value: the last counts, earlier different ones are named as ignored."""
        values = list(self.params.get(key, []))
        for value in dict.fromkeys(values[:-1]):
            if value.strip() != values[-1].strip():
                self.note(
                    self._("Ignored {key}={value}: the link gives {key} more than once; the last one counts."),
                    key=key,
                    value=shown(value.strip()),
                )
        return values[-1:]

    def text(self, key: str, default: str = "") -> str:
        """The last value of ``key``, stripped."""
        return (self.last(key) or [default])[-1].strip()

    def known(
        self, key: str, options: frozenset[str], message: str, upper: bool = False, one: bool = False
    ) -> tuple[str, ...]:
        """The values of ``key`` that are among ``options`` (in capitals with ``upper``; only the last
        with ``one``), each other one named in a notice made of ``message``."""
        kept = []
        for raw in self.last(key) if one else self.params.get(key, []):
            value = raw.strip().upper() if upper else raw.strip()
            if value in options:
                kept.append(value)
            elif value:
                self.note(message, key=key, value=shown(raw.strip()))
        return tuple(dict.fromkeys(kept))

    def year(self, key: str) -> int | None:
        """A year in range, or None (with a notice when something else is written)."""
        text = self.text(key)
        if not text:
            return None
        if re.fullmatch(r"[0-9]{4}", text) and FIRST_YEAR <= int(text) <= LAST_YEAR:
            return int(text)
        self.note(
            self._("Ignored {key}={value}: not a year between {first} and {last}."),
            key=key,
            value=shown(text),
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
        return None

    def flag(self, key: str, default: bool) -> bool:
        """``true`` or ``false`` (any case); anything else keeps the default, with a notice."""
        values = self.last(key)
        if not values:
            return default
        text = values[-1].strip().casefold()
        if text in ("true", "false"):
            return text == "true"
        self.note(self._("Ignored {key}={value}: write true or false."), key=key, value=shown(values[-1]))
        return default
