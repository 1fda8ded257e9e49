"""The page's state: the one module that reads and writes the URL (``st.query_params``) and the
session (``st.session_state``), names the widgets' keys and holds their callbacks.

Each run: the URL is parsed into a ``PageState`` (``read_state``), the widgets are given its values,
the views draw from it, and ``write_url`` puts the run's state back into the URL. A widget change or
a button runs a callback here that writes the new state into the URL before the next run parses it.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Hashable
from typing import Any

import streamlit as st

from components.i18n import browser_language, use
from data.loader import Dataset
from data.markers import area_of
from data.page import PageState, is_live_code, parse_url, requested_view, to_url
from data.presentation import with_saved
from data.selection import Filters
from data.translations import LANGUAGES
from store.collection import Store, TooSoon
from store.live import Live, LiveSessions, new_participant
from store.presentations import Presentations, Saved
from store.roles import Actor

# Widgets that show a part of the page state, by key.
LANG, VIEW = "lang", "view"
SECTION, COUNTRY, MISSION, YEARS = "section", "country", "mission", "years"
UNDATED, TEXT, RELEVANCE, PLACE = "undated", "q", "relevance", "place"
CONTENT_NOTE, CLOSING, OPERATIONS, LATER = "content_note", "closing", "operations", "later"
# Widgets with a state of their own (not in the URL).
MAP, CARDS_PAGE, TABLE, UPLOAD, UPLOAD_MODE = "map", "cards_page", "table", "upload", "upload_mode"
PLAYLIST_SEARCH = "playlist_search"
# Session values that are not widgets.
LAST, NOTICES, YEAR_BOUNDS, HANDOUTS = "page_state", "link_notices", "year_bounds", "handouts_wanted"
DEFAULT_LANG = "default_language"
RAN_BEFORE = "ran_before"


def query() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def presenting_requested() -> bool:
    """Whether this run shows the presenter (known before the page state is read): its reports go to
    the sidebar, never above the slide."""
    last: PageState | None = st.session_state.get(LAST)
    return last.presenting if last else requested_view(query()) == "present"


def first_run() -> bool:
    """Whether this is the browser session's first run of the page (``write_url`` marks each run's end)."""
    return RAN_BEFORE not in st.session_state


def room_requested() -> bool:
    """Whether this page is a live session's room (``?join=``): a phone or the projector's screen."""
    return bool(st.query_params.get("join", "").strip())


def page_language(saved: Saved | None = None) -> str:
    """The run's language, before the page state is read (the upload panel is drawn first)."""
    last: PageState | None = st.session_state.get(LAST)
    wanted = st.query_params.get("lang", "").strip().casefold()
    lang = last.lang if last else wanted if wanted in LANGUAGES else default_language(saved)
    use(lang)
    return lang


def live_session(store: Store | None) -> Live | None:
    """The live session the URL follows (``?join=``) or steers (``?live=``), read on every run."""
    code = (st.query_params.get("join") or st.query_params.get("live") or "").strip().upper()
    return LiveSessions(store).get(code) if store and is_live_code(code) else None


def saved_presentation(store: Store | None, live: Live | None = None) -> Saved | None:
    """The saved presentation the URL opens (``?p=``, or the live session's), read on every run."""
    slug = live.slug if live else st.query_params.get("p", "").strip()
    return Presentations(store).get(slug) if store and slug else None


def default_language(saved: Saved | None) -> str:
    """The language a link means when it names none: a saved presentation's, else the browser's."""
    return saved.lang if saved else browser_language()


def read_state(dataset: Dataset, saved: Saved | None = None) -> PageState:
    """This run's state: the URL parsed against ``dataset`` (with the saved presentation it opens), the
    widgets given its values."""
    st.session_state[DEFAULT_LANG] = default_language(saved)
    state, notices = parse_url(query(), dataset, st.session_state[DEFAULT_LANG])
    if saved:
        state = with_saved(state, saved.ids, saved.content_note, saved.closing)
    if NOTICES not in st.session_state:  # the link the session opened with: its notices stay until cleared
        st.session_state[NOTICES] = tuple(notices)
    state = state.but(notices=st.session_state[NOTICES])
    st.session_state[YEAR_BOUNDS] = dataset.year_bounds
    show_in_widgets(state, dataset)
    st.session_state[LAST] = state
    use(state.lang)
    return state


def show_in_widgets(state: PageState, dataset: Dataset) -> None:
    f, (lowest, highest) = state.filters, st.session_state[YEAR_BOUNDS]
    values = {
        LANG: state.lang,
        VIEW: state.view,
        SECTION: list(f.sections),
        COUNTRY: list(f.countries),
        MISSION: list(f.missions),
        YEARS: (f.year_from or lowest, f.year_to or highest),
        UNDATED: f.include_undated,
        TEXT: f.text,
        RELEVANCE: state.relevance,
        PLACE: f.place,
        CONTENT_NOTE: state.content_note,
        CLOSING: state.closing,
        OPERATIONS: state.operations,
        LATER: state.later,
    }
    for key, value in values.items():
        if st.session_state.get(key) != value:
            st.session_state[key] = value


def with_widget(state: PageState, key: str, value: Any) -> PageState:
    """``state`` with the value a person gave the widget ``key``."""
    if key == YEARS:
        lowest, highest = st.session_state[YEAR_BOUNDS]
        low, high = value
        return state.with_filters(year_from=low if low > lowest else None, year_to=high if high < highest else None)
    filters = {SECTION: "sections", COUNTRY: "countries", MISSION: "missions", UNDATED: "include_undated"}
    filters |= {TEXT: "text", PLACE: "place"}
    if key in filters:
        return state.with_filters(**{filters[key]: tuple(value) if isinstance(value, list) else value or ""})
    fields = {LANG: "lang", VIEW: "view", CONTENT_NOTE: "content_note", CLOSING: "closing"}
    fields |= {OPERATIONS: "operations", LATER: "later", RELEVANCE: "relevance"}
    new = tuple(value) if isinstance(value, list) else value
    if key == VIEW and new is None:  # the segmented control clicked twice: stay
        return state
    return state.but(**{fields[key]: new})


def changed(key: str) -> None:
    """Callback of every widget bound to the page state."""
    commit(with_widget(st.session_state[LAST], key, st.session_state[key]))


def bound(key: str) -> dict[str, Any]:
    """Keyword arguments that bind a widget to the page state: ``st.multiselect(..., **bound(SECTION))``."""
    return {"key": key, "on_change": changed, "args": (key,)}


def commit(state: PageState) -> None:
    """Callback of buttons: ``state`` becomes the page's (the next run reads it from the URL)."""
    st.session_state[NOTICES] = state.notices
    st.session_state[LAST] = state
    write_url(state)


def map_selected() -> None:
    """Callback of the map: a clicked place narrows the selection to it; a clicked group of places
    zooms the map into their extent."""
    points = st.session_state.get(MAP, {}).get("selection", {}).get("points", [])
    places = [p.get("customdata") for p in points if isinstance(p.get("customdata"), str)]
    if not places:
        return
    last: PageState = st.session_state[LAST]
    if (extent := area_of(places[0])) is not None:
        south, west, north, east = extent
        pad = max(north - south, east - west, 2.0) * 0.15  # a margin, so the edge markers show whole
        commit(last.but(area=(max(south - pad, -90), max(west - pad, -180), min(north + pad, 90), east + pad)))
    else:
        commit(last.with_filters(place=places[0]))


def write_url(state: PageState) -> None:
    """The URL of ``state``; only the parameters that differ are written."""
    wanted = to_url(state, st.session_state.get(DEFAULT_LANG) or browser_language())
    for key in [k for k in st.query_params if k not in wanted]:
        del st.query_params[key]
    for key, values in wanted.items():
        if st.query_params.get_all(key) != values:
            st.query_params[key] = values
    st.session_state[RAN_BEFORE] = True


def handouts_wanted(key: Hashable) -> bool:
    """Whether the handouts of ``key`` (examples, version, language) were asked for in this session."""
    return st.session_state.get(HANDOUTS) == key


def want_handouts(key: Hashable) -> None:
    """Callback of "Prepare the handouts"."""
    st.session_state[HANDOUTS] = key


# --- What the editor's desk showed ------------------------------------------------------------
# A write names the versions the person saw, not those read again in the run of their click.
SHOWN = "desk_shown"


def shown(key: str, read: Callable[[], Any]) -> Any:
    """What ``key`` (an example's form, the drafts' versions) showed since it was first drawn:
    read once, then kept until ``forget(key)``."""
    memory = st.session_state.setdefault(SHOWN, {})
    if key not in memory:
        memory[key] = read()
    return memory[key]


def show_now(key: str, value: Any) -> Any:
    """Remember ``value`` as shown; returns what was shown before (None the first time)."""
    memory = st.session_state.setdefault(SHOWN, {})
    before, memory[key] = memory.get(key), value
    return before


def forget(key: str | None = None) -> None:
    """Read ``key`` (every key: None) again at its next draw."""
    if key is None:
        st.session_state.pop(SHOWN, None)
    else:
        st.session_state.get(SHOWN, {}).pop(key, None)


# --- The signed-in person ----------------------------------------------------------------------
# The session holds only a random token; who it stands for lives in this process (never in session
# state, where a forged value could claim a role), and the role is read from the store on every run.
SIGN_IN_NAME, SIGN_IN_PASSWORD, PERSON_TOKEN, SIGN_IN_MESSAGE = "sign_in_name", "sign_in_password", "person", "signin"
SIGN_IN_BOX = "sign_in_box"


@st.cache_resource(show_spinner=False)
def signed_in_people() -> dict[str, tuple[str, int]]:
    """token → (name, the account's epoch at sign-in), for this app process."""
    return {}


def single_sign_on() -> dict | None:
    """The organisation's sign-in (``st.login``), if the secrets' ``[auth]`` names a provider."""
    try:
        auth = st.secrets.get("auth")
    except (FileNotFoundError, KeyError):
        return None
    return dict(auth) if auth and "server_metadata_url" in auth else None


def vouched_email() -> str:
    """The address the organisation's provider vouches for: ``email_verified`` true, or an issuer the
    secrets trust (``[auth] verified_issuers``, for providers such as Entra ID that send no such
    claim); '' otherwise."""
    auth = single_sign_on()
    if not auth or not st.user.is_logged_in:
        return ""
    verified = st.user.get("email_verified") in (True, "true")
    trusted = str(st.user.get("iss") or "") in auth.get("verified_issuers", ())
    return str(st.user.get("email") or "") if verified or trusted else ""


def unvouched_email() -> str:
    """An address signed in through the provider that it does not vouch for ('' if none)."""
    if single_sign_on() and st.user.is_logged_in and not vouched_email():
        return str(st.user.get("email") or st.user.get("sub") or "")
    return ""


def client_address() -> str:
    """The browser's address: nginx's ``X-Real-IP`` for a connection from this machine
    (deploy/nginx.conf sets it; Streamlit gives no address for those), else the connection's own."""
    direct = st.context.ip_address
    if direct in (None, "127.0.0.1", "::1"):
        return str(st.context.headers.get("X-Real-IP") or "local")
    return direct


def signed_in(store: Store) -> Actor | None:
    """The person of this session, with the role the store gives them now; a session of an account
    whose password or role has changed since has ended."""
    if email := vouched_email():
        return store.signed_on(email, str(st.user.get("iss") or ""), str(st.user.get("sub") or ""))
    token = st.session_state.get(PERSON_TOKEN, "")
    name, epoch = signed_in_people().get(token, ("", 0))
    person = store.person(name) if name else None
    if person is not None and person.epoch != epoch:
        signed_in_people().pop(token, None)
        st.session_state[SIGN_IN_MESSAGE] = ("ended", 0)
        return None
    return person


def signing_on() -> None:
    """Callback of "Sign in with your organisation's account"."""
    st.login()


def signing_in(store: Store) -> None:
    """Callback of the sign-in form: the password is checked by the store and then forgotten."""
    name, password = st.session_state.get(SIGN_IN_NAME, "").strip(), st.session_state.get(SIGN_IN_PASSWORD, "")
    st.session_state[SIGN_IN_PASSWORD] = ""
    try:
        person = store.sign_in(name, password, client_address())
    except TooSoon as wait:
        st.session_state[SIGN_IN_MESSAGE] = ("wait", wait.seconds)
        return
    if person is None:
        st.session_state[SIGN_IN_MESSAGE] = ("wrong", 0)
        return
    token = secrets.token_urlsafe(32)
    signed_in_people()[token] = (person.name, person.epoch)
    st.session_state[PERSON_TOKEN], st.session_state[SIGN_IN_MESSAGE] = token, None


def signing_out() -> None:
    signed_in_people().pop(st.session_state.pop(PERSON_TOKEN, ""), None)
    if single_sign_on() and st.user.is_logged_in:
        st.logout()


def sign_in_message() -> tuple[str, int] | None:
    """("wrong", 0) after a wrong name or password, ("wait", seconds) during an address's back-off,
    ("ended", 0) when a password or role change ended the session."""
    return st.session_state.get(SIGN_IN_MESSAGE)


FLASH, WIDENED = "flash", "filters_widened"
# The panels that say what a write did, each in its own message slot (one panel never shows another's).
DESK, SAVED, LIVE, ANSWERING = "desk", "saved", "live", "answering"


def flash(message: str, panel: str) -> None:
    """A message for ``panel`` on the next run: what a write did, shown after the page redrew with it."""
    st.session_state[f"{FLASH}_{panel}"] = message


def written(state: PageState, message: str, panel: str) -> None:
    """A write to the store went through: the page shows ``state`` (the URL too), ``panel`` says ``message``."""
    commit(state)
    flash(message, panel)
    st.rerun()


def widget_value(key: str) -> Any:
    """What a person gave the widget ``key`` (read in its form's callback)."""
    return st.session_state.get(key)


def take_flash(panel: str) -> str | None:
    return st.session_state.pop(f"{FLASH}_{panel}", None)


def filters_widened() -> bool:
    """Whether a new upload cleared the filters (said once, in the next run)."""
    return bool(st.session_state.pop(WIDENED, False))


def widen_filters() -> None:
    """Callback of a new upload: every filter cleared, so the page shows what the file added."""
    commit(st.session_state[LAST].but(filters=Filters()))
    st.session_state[WIDENED] = True


# --- A participant of a live session ---------------------------------------------------------------
PARTICIPANT, JOINED, PARTICIPANT_COOKIE = "participant", "joined", "ppe_participant"


def participant(sessions: LiveSessions, code: str) -> str:
    """This browser's random id in live sessions (a cookie keeps it across reloads; nothing else is
    known of the person), joined to session ``code`` once."""
    if PARTICIPANT not in st.session_state:
        kept = st.context.cookies.get(PARTICIPANT_COOKIE)
        mine = isinstance(kept, str) and re.fullmatch(r"[0-9a-f]{16}", kept)
        st.session_state[PARTICIPANT] = kept if mine else new_participant()
    me = st.session_state[PARTICIPANT]
    if st.session_state.get(JOINED) != code:
        sessions.join(code, me, client_address())  # Refused: a full session, or a flooding address
        st.session_state[JOINED] = code
        st.html(  # the id is 16 hex digits: nothing to escape
            "<script>(window.parent?.document ?? document).cookie = "
            f"'{PARTICIPANT_COOKIE}={me}; path=/; max-age=86400; SameSite=Lax';</script>",
            unsafe_allow_javascript=True,
        )
    return me
