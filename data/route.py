"""The route: which screen a link opens, in which language, on which saved presentation or live
session, read from the URL before any data is (the page's set-up depends on it: the sidebar, the
data source, the language of the upload panel). Pure (no Streamlit).

The rest of the URL is the page state (``page.py: parse_url``), parsed once the data is read; it names
every value it ignores, these included, so the route itself only keeps what it can use.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from data.translations import LANGUAGES

SLUG = r"[a-z0-9-]{1,40}"  # a saved presentation's link
EXPLORE, PRESENT, ROOM = "explore", "present", "room"


@dataclass(frozen=True)
class Route:
    screen: str = EXPLORE  # ROOM: a live session's phone, or its projector's screen
    lang: str = ""  # the link's language; "" when it names none it knows (a default decides)
    slug: str = ""  # ?p=: the saved presentation it opens
    live: str = ""  # ?live=: the live session the trainer steers
    join: str = ""  # ?join=: the live session a phone or the room's screen follows
    projector: bool = False  # with join: the room's screen (answers shown, none given)

    @property
    def code(self) -> str:
        """The live session this page follows (the room) or steers ('' for none)."""
        return self.join if self.screen == ROOM else self.live


def last(params: Mapping[str, Sequence[str]], key: str) -> str:
    return (params.get(key) or [""])[-1].strip()


def is_live_code(code: str) -> bool:
    """Whether ``code`` is written as a live session's code (6 capital letters and digits)."""
    return re.fullmatch(r"[A-Z0-9]{6}", code) is not None


def requested_view(params: Mapping[str, Sequence[str]]) -> str:
    """The view a link asks for: its ``view``, else the presenter for a saved presentation's short link
    (``?p=SLUG``), else explore. An unknown view is named by ``parse_url``."""
    if view := last(params, "view"):
        return view
    return PRESENT if re.fullmatch(SLUG, last(params, "p")) else EXPLORE


def parse_route(params: Mapping[str, Sequence[str]]) -> Route:
    """The route of a link: a ``join`` (even a malformed one: the room says what is wrong) opens the room."""
    codes = {key: last(params, key).upper() for key in ("live", "join")}
    codes = {key: code if is_live_code(code) else "" for key, code in codes.items()}
    lang = last(params, "lang").casefold()
    slug = last(params, "p")
    if last(params, "join"):
        screen = ROOM
    else:
        screen = PRESENT if requested_view(params) == PRESENT else EXPLORE
    return Route(
        screen=screen,
        lang=lang if lang in LANGUAGES else "",
        slug=slug if re.fullmatch(SLUG, slug) else "",
        live=codes["live"],
        join=codes["join"],
        projector=last(params, "projector").casefold() == "true",
    )
