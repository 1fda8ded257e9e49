"""Rate limits per client address, in this process: a token bucket each (a burst, then a steady rate)."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict


class RateLimit:
    """At most ``burst`` actions at once per key, refilled at ``per_second``; the least recently
    seen keys are forgotten beyond ``kept`` (a flood of addresses cannot grow it without bound)."""

    def __init__(self, burst: int, per_second: float, kept: int = 10_000) -> None:
        self.burst, self.per_second, self.kept = burst, per_second, kept
        self.lock = threading.Lock()
        self.buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key → (tokens, when)

    def take(self, key: str) -> bool:
        """One action for ``key`` now, if its bucket allows it ('' is no browser: never limited)."""
        if not key:
            return True
        moment = time.monotonic()
        with self.lock:
            tokens, when = self.buckets.pop(key, (float(self.burst), moment))
            tokens = min(self.burst, tokens + (moment - when) * self.per_second)
            allowed = tokens >= 1
            self.buckets[key] = (tokens - 1 if allowed else tokens, moment)
            while len(self.buckets) > self.kept:
                self.buckets.popitem(last=False)
            return allowed
