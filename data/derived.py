"""``Derived``: what the pages derive from one dataset (selections, figures, cards), kept for every
session that shows that dataset object.

A dataset object is shared only by sessions that show the same content (the published collection per
revision and language, or the same uploaded file on the same base: components/data_source.py,
components/your_data.py), so what is derived from it may be too. Each kind of value keeps its
``limit`` most recently used; a value is built outside the lock, so a slow build delays no other
session, and two sessions building the same one at once both get a correct value.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import Any, TypeVar

T = TypeVar("T")


class Derived:
    def __init__(self) -> None:
        self._kinds: dict[str, OrderedDict[Hashable, Any]] = {}
        self._lock = Lock()

    def get(self, kind: str, key: Hashable, build: Callable[[], T], limit: int) -> T:
        """The value of ``kind`` for ``key``, built by ``build()`` the first time (never mutate it)."""
        with self._lock:
            values = self._kinds.setdefault(kind, OrderedDict())
            if key in values:
                values.move_to_end(key)
                return values[key]
        value = build()
        with self._lock:
            values[key] = value
            values.move_to_end(key)
            while len(values) > limit:
                values.popitem(last=False)
        return value

    def count(self, kind: str) -> int:
        with self._lock:
            return len(self._kinds.get(kind, ()))
