"""The page's state as a value: what the URL says, parsed and checked, and the URL it writes back.

Pure (no Streamlit): ``components/state.py`` feeds it ``st.query_params`` once per run, after the
route (``route.py``) and the data are read, and writes ``to_url()`` of the run's final state back.
Every unknown or malformed value becomes a notice that names it; nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from data.loader import Dataset
from data.route import SLUG, is_live_code, requested_view
from data.schema import FIRST_YEAR, LAST_YEAR
from data.selection import Filters
from data.translations import DEFAULT, LANGUAGES, Translate, catalog

VIEWS = ("explore", "present")
URL_KEYS = (
    "section",
    "country",
    "mission",
    "from",
    "to",
    "q",
    "order",
    "undated",
    "place",
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
MAX_TEXT = 200
SHOWN = 40  # characters of an offending value quoted in a notice


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
        return replace(self, filters=replace(self.filters, **changes))


def shown(value: str) -> str:
    return repr(value[:SHOWN])


def parse_year(values: Sequence[str], name: str, notices: list[str], _: Translate) -> int | None:
    """A year from a URL value, or None with a notice when it is not a year in range."""
    if not values or not values[-1].strip():
        return None
    text = values[-1].strip()
    if re.fullmatch(r"[0-9]{4}", text) and FIRST_YEAR <= int(text) <= LAST_YEAR:
        return int(text)
    notices.append(
        _("Ignored {key}={value}: not a year between {first} and {last}.").format(
            key=name, value=shown(text), first=FIRST_YEAR, last=LAST_YEAR
        )
    )
    return None


def parse_flag(values: Sequence[str], name: str, default: bool, notices: list[str], _: Translate) -> bool:
    """``true`` or ``false`` (any case); anything else keeps the default, with a notice."""
    if not values:
        return default
    text = values[-1].strip().casefold()
    if text in ("true", "false"):
        return text == "true"
    notices.append(_("Ignored {key}={value}: write true or false.").format(key=name, value=shown(values[-1])))
    return default


def requested_ids(values: Sequence[str], dataset: Dataset, notices: list[str], _: Translate) -> tuple[str, ...]:
    """A link's playlist as it asks for it: ids the dataset lacks are named in a notice and left out
    of the deck, but kept, so the link is never rewritten into a different deck."""
    ids = tuple(dict.fromkeys(v.strip() for v in values if v.strip()))
    for unknown in (i for i in ids if i not in dataset.id_set):
        notices.append(_("Ignored {key}={value}: no such example.").format(key="ids", value=shown(unknown)))
    return ids


def parse_slug(values: Sequence[str], notices: list[str], _: Translate) -> str:
    """A saved presentation's slug as links write it (whether it exists, the store says)."""
    slug = values[-1].strip() if values else ""
    if slug and not re.fullmatch(SLUG, slug):
        notices.append(_("Ignored {key}={value}: not a presentation's link.").format(key="p", value=shown(slug)))
        return ""
    return slug


def parse_code(values: Sequence[str], key: str, notices: list[str], _: Translate) -> str:
    """A live session's code as the join address writes it (whether it exists, the store says)."""
    code = values[-1].strip().upper() if values else ""
    if code and not is_live_code(code):
        notices.append(
            _("Ignored {key}={value}: a live session's code has 6 letters and digits.").format(
                key=key, value=shown(code)
            )
        )
        return ""
    return code


def parse_area(values: Sequence[str], notices: list[str], _: Translate) -> tuple[float, ...]:
    """``south,west,north,east`` in degrees, or () with a notice."""
    text = values[-1].strip() if values else ""
    if not text:
        return ()
    try:
        south, west, north, east = (round(float(v), 3) for v in text.split(","))
        if -90 <= south <= north <= 90 and -180 <= west <= east <= 360:
            return (south, west, north, east)
    except ValueError:
        pass
    notices.append(
        _("Ignored {key}={value}: write south,west,north,east in degrees.").format(key="area", value=shown(text))
    )
    return ()


def parse_url(
    params: Mapping[str, Sequence[str]], dataset: Dataset, default_lang: str = DEFAULT
) -> tuple[PageState, list[str]]:
    """The page state a link asks for, and a notice for every value it had to ignore."""
    notices: list[str] = []
    raw_lang = (params.get("lang") or [""])[-1].strip()
    wanted_lang = raw_lang.casefold()
    lang = wanted_lang if wanted_lang in LANGUAGES else default_lang
    _ = catalog(lang).gettext

    def last(key: str) -> list[str]:
        """A key that takes one value: the last counts, earlier different ones are named as ignored."""
        values = list(params.get(key, []))
        for value in dict.fromkeys(values[:-1]):
            if value.strip() != values[-1].strip():
                notices.append(
                    _("Ignored {key}={value}: the link gives {key} more than once; the last one counts.").format(
                        key=key, value=shown(value.strip())
                    )
                )
        return values[-1:]

    last("lang")
    if wanted_lang and wanted_lang not in LANGUAGES:
        notices.append(
            _("Ignored {key}={value}: the languages are {choices}.").format(
                key="lang", value=shown(raw_lang), choices=", ".join(LANGUAGES)
            )
        )

    def known(
        key: str, options: set[str], message: str, upper: bool = False, values: Sequence[str] | None = None
    ) -> tuple[str, ...]:
        kept = []
        for raw in params.get(key, []) if values is None else values:
            value = raw.strip()
            if (value.upper() if upper else value) in options:
                kept.append(value.upper() if upper else value)
            elif value:
                notices.append(message.format(key=key, value=shown(value)))
        return tuple(dict.fromkeys(kept))

    last("view")
    view = requested_view(params)
    if view not in VIEWS:
        notices.append(
            _("Ignored {key}={value}: the views are explore and present.").format(key="view", value=shown(view))
        )
        view = "explore"
    year_from = parse_year(last("from"), "from", notices, _)
    year_to = parse_year(last("to"), "to", notices, _)
    if year_from and year_to and year_from > year_to:
        notices.append(
            _("Ignored from={start} and to={end}: the start is after the end.").format(start=year_from, end=year_to)
        )
        year_from = year_to = None
    order = (last("order") or [""])[-1].strip()
    if order not in ("", "relevance"):
        notices.append(
            _("Ignored {key}={value}: the only order to ask for is relevance.").format(key="order", value=shown(order))
        )
    slide_text = (last("slide") or ["0"])[-1].strip() or "0"
    slide = int(slide_text) if re.fullmatch(r"[0-9]{1,6}", slide_text) else 0
    if not re.fullmatch(r"[0-9]{1,6}", slide_text):
        notices.append(_("Ignored {key}={value}: not a slide number.").format(key="slide", value=shown(slide_text)))
    presentation = parse_slug(last("p"), notices, _)
    playlist = requested_ids(params.get("ids", []), dataset, notices, _)
    if presentation:  # the saved presentation gives the slides
        for example_id in playlist:
            notices.append(
                _("Ignored {key}={value}: the saved presentation of this link gives the slides.").format(
                    key="ids", value=shown(example_id)
                )
            )
        playlist = ()
    unknown = sorted(set(params) - set(URL_KEYS))
    if unknown:
        notices.append(_("Ignored unknown parameter(s): {keys}.").format(keys=", ".join(shown(k) for k in unknown)))
    places = known("place", dataset.place_set, _("Ignored {key}={value}: no such place with examples."))
    linked = known("example", dataset.id_set, _("Ignored {key}={value}: no such example."), values=last("example"))
    filters = Filters(
        sections=known("section", dataset.section_set, _("Ignored {key}={value}: no such section.")),
        countries=known(
            "country", dataset.country_set, _("Ignored {key}={value}: no such country with examples."), upper=True
        ),
        missions=known(
            "mission", dataset.mission_set, _("Ignored {key}={value}: no such mission with examples."), upper=True
        ),
        year_from=year_from,
        year_to=year_to,
        include_undated=parse_flag(last("undated"), "undated", True, notices, _),
        text=(last("q") or [""])[-1][:MAX_TEXT],
        place=places[-1] if places else "",
    )
    state = PageState(
        view=view,
        lang=lang,
        filters=filters,
        playlist=playlist,
        presentation=presentation,
        slide=slide,
        content_note=parse_flag(last("note"), "note", True, notices, _),
        closing=parse_flag(last("closing"), "closing", True, notices, _),
        operations=parse_flag(last("operations"), "operations", False, notices, _),
        later=parse_flag(last("later"), "later", True, notices, _),
        example=linked[-1] if linked else "",
        relevance=order == "relevance",
        area=parse_area(last("area"), notices, _),
        live=parse_code(last("live"), "live", notices, _),
        join=parse_code(last("join"), "join", notices, _),
        projector=parse_flag(last("projector"), "projector", False, notices, _),
        notices=tuple(notices),
    )
    return fit(state, dataset), notices


def fit(state: PageState, dataset: Dataset) -> PageState:
    """The state with the filter values ``dataset`` lacks left out (after an upload replaced the
    examples), and a year range that covers all the dataset's years stored as no range at all. The
    playlist keeps its ids: the deck leaves out the ones it lacks (``data.presentation``)."""
    f = state.filters
    lowest, highest = dataset.year_bounds
    year_from = f.year_from if f.year_from is not None and f.year_from > lowest else None
    year_to = f.year_to if f.year_to is not None and f.year_to < highest else None
    if year_from is not None and year_from > highest or year_to is not None and year_to < lowest:
        year_from = year_to = None
    filters = replace(
        f,
        sections=tuple(s for s in f.sections if s in dataset.section_set),
        countries=tuple(c for c in f.countries if c in dataset.country_set),
        missions=tuple(m for m in f.missions if m in dataset.mission_set),
        place=f.place if f.place in dataset.place_set else "",
        year_from=year_from,
        year_to=year_to,
    )
    example = state.example if state.example in dataset.id_set else ""
    if filters == f and example == state.example:
        return state
    return replace(state, filters=filters, example=example)


def to_url(state: PageState, default_lang: str = DEFAULT) -> dict[str, list[str]]:
    """The URL parameters of ``state``: only what differs from a plain link."""
    f = state.filters
    params: dict[str, list[str]] = {
        "view": [state.view] if state.presenting != bool(state.presentation) else [],  # ?p= alone: present
        "section": list(f.sections),
        "country": list(f.countries),
        "mission": list(f.missions),
        "from": [str(f.year_from)] if f.year_from is not None else [],
        "to": [str(f.year_to)] if f.year_to is not None else [],
        "q": [f.text] if f.text else [],
        "order": ["relevance"] if state.relevance else [],
        "undated": [] if f.include_undated else ["false"],
        "place": [f.place] if f.place else [],
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
