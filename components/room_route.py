"""The room's poll as HTTP routes of their own (server.py), with no run of the app's script (a poll by
a fragment's run cost 14 ms of CPU, the store's read in it 0.15 ms: bench/RESULTS.md):

- ``GET /room/CODE/revision``: a phone's "has the trainer moved?", the live session's revision;
- ``GET /room/CODE/slide?lang=fr``: once it has, the phone's new slide (components/room.py's
  ``phone_html``) and what its widgets ask, drawn once per revision and language for every phone.

The phone's page asks twice a second and reruns only when its widgets change (components/room_follow.js)."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from contextvars import copy_context
from functools import cache, lru_cache

from starlette.requests import Request
from starlette.responses import JSONResponse

from components.data_source import collection_store, published_dataset
from components.i18n import in_language, use
from components.live import slide_index
from components.room import phone_form, phone_html
from data.page import PageState
from data.presentation import deck_of, with_saved
from data.translations import LANGUAGES
from store.collection import Store
from store.live import CODE_LENGTH, CODE_LETTERS, LiveSessions
from store.presentations import Presentations

LIVE_CODE = re.compile(f"[{CODE_LETTERS}]{{{CODE_LENGTH}}}")
FRESH_SECONDS = 0.25  # a hundred phones asking twice a second: four reads of the store a second
MOST_CODES = 1_000  # the sessions remembered at once (an unknown code is remembered too, as None)
MOST_SLIDES = 256  # the phone slides kept drawn (per session, revision and language)
NOT_KEPT = {"Cache-Control": "no-store"}
DRAWING = threading.Lock()  # a move's hundred phones ask at once: the first draws, the rest read it


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


def slide_answer(code: str, lang: str, store: Store | None) -> JSONResponse:
    """Live session ``code``'s slide as a phone in ``lang`` shows it, with what its widgets ask (a
    change of that needs the page's rerun); 404 for a malformed or unknown code or language."""
    view = None
    if store is not None and LIVE_CODE.fullmatch(code) and lang in LANGUAGES:
        with DRAWING:
            revision = revisions_of(store)(code)
            view = None if revision is None else drawn(store, code, revision, store.revision()[0], lang)
    if view is None:
        return JSONResponse({"error": "No such live session."}, status_code=404, headers=NOT_KEPT)
    return JSONResponse(dict(zip(("revision", "form", "html"), view)), headers=NOT_KEPT)


@lru_cache(maxsize=MOST_SLIDES)
def drawn(store: Store, code: str, revision: int, data_revision: int, lang: str) -> tuple[int, str, str] | None:
    """The phone's view at the session's ``revision`` and the collection's ``data_revision`` (both keys
    of the cache only: what is read now is drawn): its revision, its widgets' ask and its HTML."""
    return copy_context().run(phone_view, store, code, lang)


def phone_view(store: Store, code: str, lang: str) -> tuple[int, str, str] | None:
    sessions = LiveSessions(store)
    live = sessions.get(code)
    saved = Presentations(store).get(live.slug) if live else None
    if live is None or saved is None:
        return None
    use(lang)
    dataset = in_language(published_dataset(store.url, store.revision()[0]), lang)
    deck = deck_of(with_saved(PageState(lang=lang), saved.ids, saved.content_note, saved.closing), dataset)
    index = slide_index(live, deck)
    kind = deck.slides[index]
    return live.revision, phone_form(live, index, kind), phone_html(live, index, kind, deck, dataset, sessions)


def revision(request: Request) -> JSONResponse:
    """The route (a plain function: Starlette runs it in its thread pool, beside the event loop)."""
    return answer(request.path_params["code"], collection_store())


def slide(request: Request) -> JSONResponse:
    return slide_answer(request.path_params["code"], request.query_params.get("lang", ""), collection_store())
