"""The page's state as a value: what the URL says, parsed and checked, and the URL it writes back.

Pure (no Streamlit): ``components/state.py`` feeds it ``st.query_params`` once per run, after the
route (``route.py``) and the data are read, and writes ``to_url()`` of the run's final state back.
Every unknown or malformed value becomes a notice that names it; nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from data.filters import Filters, fit_filters, read_filters, url_keys
from data.link import Link, shown
from data.loader import Dataset
from data.route import SLUG, is_live_code, requested_view
from data.translations import DEFAULT, LANGUAGES, catalog

VIEWS = ("explore", "present")
PAGE_KEYS = (  # the URL keys besides the filters' (``filters.py``)
    "order",
    "area",
    "example",
    "view",
    "p",
    "ids",
    "slide",
    "note",
    "closing",
    "operations",
    "later",
    "live",
    "join",
    "projector",
    "lang",
)


def all_url_keys() -> tuple[str, ...]:
    """Every key a link may have."""
    return (*url_keys(), *PAGE_KEYS)


@dataclass(frozen=True)
class PageState:
    """Everything the page shows is a function of this and the dataset."""

    view: str = "explore"
    lang: str = DEFAULT
    filters: Filters = Filters()
    playlist: tuple[str, ...] = ()  # example ids in the trainer's order; empty: the current selection
    presentation: str = ""  # a saved presentation's slug (?p=): its deck and options come from the store
    slide: int = 0  # as in the URL: 0 the content note, N the Nth example, past the last: the sources
    content_note: bool = True
    closing: bool = True
    operations: bool = False  # the map's layer of the UN operations of May 2013
    later: bool = True  # the timeline's Security Council resolutions after the source (context, not from it)
    example: str = ""  # a linked example (?example=ID): its card first and marked, the map centred on it
    relevance: bool = False  # the searched examples by relevance rather than in the collection's order
    area: tuple[float, ...] = ()  # the map zoomed into (south, west, north, east): a cluster clicked
    live: str = ""  # the trainer's live session (?live=CODE): the room follows this presenter
    join: str = ""  # a participant's live session (?join=CODE): the page follows the trainer's slide
    projector: bool = False  # with ``join``: the room's screen (answers shown, none given)
    notices: tuple[str, ...] = field(default=(), compare=False)  # what the link had that was ignored

    @property
    def presenting(self) -> bool:
        return self.view == "present"

    def but(self, **changes: object) -> PageState:
        return replace(self, **changes)

    def with_filters(self, **changes: object) -> PageState:
        return replace(self, filters=self.filters.but(**changes))


def requested_ids(link: Link, dataset: Dataset) -> tuple[str, ...]:
    """A link's playlist as it asks for it: ids the dataset lacks are named in a notice and left out
    of the deck, but kept, so the link is never rewritten into a different deck."""
    ids = tuple(dict.fromkeys(v.strip() for v in link.params.get("ids", []) if v.strip()))
    for unknown in (i for i in ids if i not in dataset.id_set):
        link.note(link._("Ignored {key}={value}: no such example."), key="ids", value=shown(unknown))
    return ids


def parse_slug(link: Link) -> str:
    """A saved presentation's slug as links write it (whether it exists, the store says)."""
    slug = link.text("p")
    if slug and not re.fullmatch(SLUG, slug):
        link.note(link._("Ignored {key}={value}: not a presentation's link."), key="p", value=shown(slug))
        return ""
    return slug


def parse_code(link: Link, key: str) -> str:
    """A live session's code as the join address writes it (whether it exists, the store says)."""
    code = link.text(key).upper()
    if code and not is_live_code(code):
        link.note(
            link._("Ignored {key}={value}: a live session's code has 6 letters and digits."), key=key, value=shown(code)
        )
        return ""
    return code


def parse_area(link: Link) -> tuple[float, ...]:
    """``south,west,north,east`` in degrees, or () with a notice."""
    text = link.text("area")
    if not text:
        return ()
    try:
        south, west, north, east = (round(float(v), 3) for v in text.split(","))
        if -90 <= south <= north <= 90 and -180 <= west <= east <= 360:
            return (south, west, north, east)
    except ValueError:
        pass
    link.note(link._("Ignored {key}={value}: write south,west,north,east in degrees."), key="area", value=shown(text))
    return ()


def parse_lang(params: Mapping[str, Sequence[str]], default_lang: str) -> str:
    wanted = (params.get("lang") or [""])[-1].strip().casefold()
    return wanted if wanted in LANGUAGES else default_lang


def parse_url(
    params: Mapping[str, Sequence[str]], dataset: Dataset, default_lang: str = DEFAULT
) -> tuple[PageState, list[str]]:
    """The page state a link asks for, and a notice for every value it had to ignore."""
    lang = parse_lang(params, default_lang)
    link = Link(params, catalog(lang).gettext)
    _ = link._
    raw_lang = link.text("lang")
    if raw_lang and raw_lang.casefold() not in LANGUAGES:
        link.note(
            _("Ignored {key}={value}: the languages are {choices}."),
            key="lang",
            value=shown(raw_lang),
            choices=", ".join(LANGUAGES),
        )
    link.last("view")
    view = requested_view(params)
    if view not in VIEWS:
        link.note(_("Ignored {key}={value}: the views are explore and present."), key="view", value=shown(view))
        view = "explore"
    order = link.text("order")
    if order not in ("", "relevance"):
        link.note(_("Ignored {key}={value}: the only order to ask for is relevance."), key="order", value=shown(order))
    slide_text = link.text("slide") or "0"
    slide = int(slide_text) if re.fullmatch(r"[0-9]{1,6}", slide_text) else 0
    if not re.fullmatch(r"[0-9]{1,6}", slide_text):
        link.note(_("Ignored {key}={value}: not a slide number."), key="slide", value=shown(slide_text))
    presentation = parse_slug(link)
    playlist = requested_ids(link, dataset)
    if presentation:  # the saved presentation gives the slides
        for example_id in playlist:
            link.note(
                _("Ignored {key}={value}: the saved presentation of this link gives the slides."),
                key="ids",
                value=shown(example_id),
            )
        playlist = ()
    unknown = sorted(set(params) - set(all_url_keys()))
    if unknown:
        link.note(_("Ignored unknown parameter(s): {keys}."), keys=", ".join(shown(k) for k in unknown))
    filters = read_filters(link, dataset)
    linked = link.known("example", dataset.id_set, _("Ignored {key}={value}: no such example."), one=True)
    state = PageState(
        view=view,
        lang=lang,
        filters=filters,
        playlist=playlist,
        presentation=presentation,
        slide=slide,
        content_note=link.flag("note", True),
        closing=link.flag("closing", True),
        operations=link.flag("operations", False),
        later=link.flag("later", True),
        example=linked[-1] if linked else "",
        relevance=order == "relevance",
        area=parse_area(link),
        live=parse_code(link, "live"),
        join=parse_code(link, "join"),
        projector=link.flag("projector", False),
        notices=tuple(link.notices),
    )
    return fit(state, dataset), link.notices


def fit(state: PageState, dataset: Dataset) -> PageState:
    """The state with the filter values ``dataset`` lacks left out (after an upload replaced the
    examples), and a year range that covers all the dataset's years stored as no range at all. The
    playlist keeps its ids: the deck leaves out the ones it lacks (``data.presentation``)."""
    filters = fit_filters(state.filters, dataset)
    example = state.example if state.example in dataset.id_set else ""
    if filters == state.filters and example == state.example:
        return state
    return replace(state, filters=filters, example=example)


def to_url(state: PageState, default_lang: str = DEFAULT) -> dict[str, list[str]]:
    """The URL parameters of ``state``: only what differs from a plain link."""
    params: dict[str, list[str]] = {
        "view": [state.view] if state.presenting != bool(state.presentation) else [],  # ?p= alone: present
        **state.filters.to_url(),
        "order": ["relevance"] if state.relevance else [],
        "area": [",".join(f"{v:g}" for v in state.area)] if state.area else [],
        "example": [state.example] if state.example else [],
        "p": [state.presentation] if state.presentation else [],
        "ids": [] if state.presentation else list(state.playlist),
        "slide": [str(state.slide)] if state.slide else [],
        "note": [] if state.content_note or state.presentation else ["false"],
        "closing": [] if state.closing or state.presentation else ["false"],
        "operations": ["true"] if state.operations else [],
        "later": [] if state.later else ["false"],
        "live": [state.live] if state.live else [],
        "join": [state.join] if state.join else [],
        "projector": ["true"] if state.projector else [],
        "lang": [state.lang] if state.lang != default_lang else [],
    }
    return {key: values for key, values in params.items() if values}


def cleared(state: PageState) -> PageState:
    """ "Clear all filters": every filter back to its default, the link's notices dismissed."""
    return replace(state, filters=Filters(), relevance=False, area=(), notices=())


def presenting_selection(state: PageState) -> PageState:
    """ "Present these N": the presenter on the current selection, from its first slide."""
    return replace(state, view="present", playlist=(), presentation="", slide=0)
