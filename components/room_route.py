"""The room's poll as an HTTP route of its own (server.py): ``GET /room/CODE/revision`` answers a
phone's "has the trainer moved?" with the live session's revision, and no run of the app's script
(a poll by a fragment's run cost 14 ms of CPU, the store's read in it 0.15 ms: bench/RESULTS.md).
The phone's page asks twice a second and reruns only on a change (components/room_follow.js)."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from functools import cache

from starlette.requests import Request
from starlette.responses import JSONResponse

from components.data_source import collection_store
from store.collection import Store
from store.live import CODE_LENGTH, CODE_LETTERS, LiveSessions

LIVE_CODE = re.compile(f"[{CODE_LETTERS}]{{{CODE_LENGTH}}}")
FRESH_SECONDS = 0.25  # a hundred phones asking twice a second: four reads of the store a second
MOST_CODES = 1_000  # the sessions remembered at once (an unknown code is remembered too, as None)
NOT_KEPT = {"Cache-Control": "no-store"}


class Revisions:
    """Each live session's latest revision, read again once it is FRESH_SECONDS old: every phone of a
    process shares one read. Bounded to ``most`` codes, the longest unasked forgotten first."""

    def __init__(
        self,
        read: Callable[[str], int | None],
        fresh: float = FRESH_SECONDS,
        most: int = MOST_CODES,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.read, self.fresh, self.most, self.clock = read, fresh, most, clock
        self.seen: dict[str, tuple[float, int | None]] = {}
        self.lock = threading.Lock()

    def __call__(self, code: str) -> int | None:
        with self.lock:
            now, known = self.clock(), self.seen.get(code)
            if known and now - known[0] < self.fresh:
                return known[1]
        revision = self.read(code)
        with self.lock:
            self.seen.pop(code, None)  # to the end: the dict's order is the order of asking
            self.seen[code] = (now, revision)
            while len(self.seen) > self.most:
                del self.seen[next(iter(self.seen))]
        return revision


@cache
def revisions_of(store: Store) -> Revisions:
    sessions = LiveSessions(store)
    return Revisions(lambda code: live.revision if (live := sessions.get(code)) else None)


def answer(code: str, store: Store | None) -> JSONResponse:
    """The revision of live session ``code``; 404 for a malformed or unknown code, or no collection."""
    revision = revisions_of(store)(code) if store is not None and LIVE_CODE.fullmatch(code) else None
    if revision is None:
        return JSONResponse({"error": "No such live session."}, status_code=404, headers=NOT_KEPT)
    return JSONResponse({"revision": revision}, headers=NOT_KEPT)


def revision(request: Request) -> JSONResponse:
    """The route (a plain function: Starlette runs it in its thread pool, beside the event loop)."""
    return answer(request.path_params["code"], collection_store())
