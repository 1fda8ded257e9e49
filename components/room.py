"""A live session as the room sees it: the projector's screen (``?join=CODE&projector=true``) and the
participants' phones (``?join=CODE``).

The room follows through the store. A phone's page asks the server's own route twice a second
(components/room_route.py, no run of the script); when the trainer has moved, it puts in the slide the
route drew, or reruns when its widgets change (a question opened or closed). The room's screen polls
with a fragment (one read by key). Every answer is checked again by the store."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import streamlit as st
from markupsafe import Markup

from components.i18n import _, current, ngettext, number
from components.live import QUIZ, cell, join_html, slide_index
from components.messages import ANSWERING, flash, take_flash
from components.participant import participant
from components.plain import literal
from components.signin import client_address
from components.slides import render_slide, slide_markup
from components.state import widget_value
from data.live import Share, quiz_shares
from data.loader import Dataset
from data.page import PageState
from data.presentation import NOTE, SOURCES, Deck
from store.live import MAX_ANSWER, REFUSALS, Live, LiveSessions, Refused

# How often the room asks whether the trainer moved: a phone's redraw is light and its poll costs no
# run of the script, so it asks twice a second (bench/live_load.py); the room's screen redraws a map and
# a timeline, so once (a poll must not come faster than the redraw it may cause).
PHONE_POLL_SECONDS, SCREEN_POLL_SECONDS = 0.5, 1.0
POLL_MS = int(PHONE_POLL_SECONDS * 1000)
FOLLOW_SCRIPT = Path(__file__).with_name("room_follow.js").read_text(encoding="utf-8")


def hidden_parts(live: Live, kind: str) -> frozenset[str]:
    """What the room does not see yet: the section while it guesses, the summary until revealed."""
    hide = set()
    if live.activity == "quiz" and not live.results_shown:
        hide.add("section")
    if live.reveal and not live.summary_shown:
        hide.add("summary")
    return frozenset(hide) if kind not in (NOTE, SOURCES) else frozenset()


def check(sessions: LiveSessions, code: str, seen: int) -> None:
    """The poll: one read by key; the page is redrawn only when the trainer changed something."""
    now = sessions.get(code)
    if now is None or now.revision != seen:
        st.rerun()


follow_on_screen = st.fragment(check, run_every=SCREEN_POLL_SECONDS)


def follow_on_phone(live: Live, form: str) -> None:
    """The phone's follower: its page's script asks the route and, once the trainer has moved, presses
    this hidden button, whose run is the page's rerun (with no route, as under ``streamlit run app.py``,
    it presses it every 3 s)."""
    with st.container(key="room_follow"):  # hidden (style.css)
        st.button(_("Follow the trainer"), key="room_follow_button")
        follow = json.dumps(
            {"code": live.code, "revision": live.revision, "form": form, "lang": current(), "every": POLL_MS}
        )
        st.html(f"<script>{{ const FOLLOW = {follow};\n{FOLLOW_SCRIPT} }}</script>", unsafe_allow_javascript=True)


def render_room(state: PageState, live: Live | None, deck: Deck, dataset: Dataset, sessions: LiveSessions) -> None:
    """The live session as the room sees it: the projector's screen, or a participant's phone."""
    if live is None:  # a malformed code is named in the notices above
        missing = _("No live session {code}: check the code on the trainer's screen.").format(code=repr(state.join))
        st.info(missing if state.join else _("No live session to follow: check the address on the trainer's screen."))
        return
    index = slide_index(live, deck)
    kind = deck.slides[index]
    if state.projector:
        follow_on_screen(sessions, live.code, live.revision)
    else:
        follow_on_phone(live, phone_form(live, index, kind))
    if live.ended:
        st.info(_("This live session has ended. Thank you for taking part."), icon="👋")
        return
    if state.projector:  # what the room answered takes the place of the map and timeline
        hide, shown = hidden_parts(live, kind), room_html(live, index, kind, dataset, sessions)
        with st.container(key="presenter"):  # the projector's layout (style.css)
            if shown:
                text, answers = st.columns([1.3, 1], gap="large")
                with text:
                    render_slide(kind, deck, dataset, hide=hide, maps=False, room=True)
                answers.html(shown)
            else:
                render_slide(kind, deck, dataset, hide=hide, room=True)
        st.html(join_html(live, large=kind == NOTE))
        return
    try:
        me = participant(sessions, live.code)
    except Refused as refused:
        st.warning(_(REFUSALS[refused.reason]).format(**refused.values), icon="⚠️")
        return
    with st.container(key="phone"):  # the question first, then the slide it is about
        with st.container():  # one element, whatever is asked: the slide keeps its place on the page
            if phone_form(live, index, kind):
                render_answering(live, me, index, kind, dataset, sessions)
        st.html(phone_html(live, index, kind, deck, dataset, sessions))


def phone_form(live: Live, index: int, kind: str) -> str:
    """What a phone's widgets ask on this slide ("" for nothing): a move that changes it reruns the
    phone's page; any other move only replaces its ``phone_html`` (components/room_follow.js)."""
    if live.ended:
        return "ended"
    if kind != NOTE and live.activity == "quiz" and not live.results_shown:
        return f"quiz {index}"
    return f"prompt {index}" if kind != NOTE and live.activity == "prompt" else ""


def phone_html(live: Live, index: int, kind: str, deck: Deck, dataset: Dataset, sessions: LiveSessions) -> str:
    """A phone's view of the slide, all but its widgets, in one piece of HTML (user text escaped): the
    welcome above the content note, the slide's text, what the trainer let the room see. The same
    for every phone in a language, so the route draws it once (components/room_route.py)."""
    welcome = _("You are in. This page follows the trainer's slides: no need to touch it.")
    return str(
        Markup('<div class="room-slide" data-revision="{}">{}{}{}</div>').format(
            live.revision,
            Markup('<p class="room-welcome">{}</p>').format(welcome) if kind == NOTE else "",
            Markup(slide_markup(kind, deck, dataset, hide=hidden_parts(live, kind), room=True)),
            Markup(room_html(live, index, kind, dataset, sessions)),
        )
    )


def render_answering(live: Live, me: str, index: int, kind: str, dataset: Dataset, sessions: LiveSessions) -> None:
    """A participant's (``me``) quiz choice or short text answer for the slide shown (no name asked).
    What they sent is read from the store, so the phone says so whatever reran since; the answer is
    sent by the button's callback, which runs before anything can interrupt the run."""
    if refusal := take_flash(ANSWERING):
        st.error(_("Not sent: {reason}").format(reason=refusal), icon="⚠️")
    sent = sessions.answers(live.code, index, participant=me)
    address = client_address()
    if live.activity == "quiz" and not live.results_shown:
        if mine := next((a.value for a in sent if a.kind == "quiz"), None):
            chosen = _("Sent. Thank you! Your answer: {section}. Until the results are shown you may change it.")
            st.success(
                literal(chosen.format(section=dataset.section_names.get(mine, mine))), icon=":material/check_circle:"
            )
        with st.form(f"quiz_{live.code}_{index}"):
            key = f"quiz_choice_{live.code}_{index}"
            st.radio(_(QUIZ), list(dataset.section_names), format_func=dataset.section_names.get, index=None, key=key)
            answer = lambda: sessions.answer_quiz(  # noqa: E731
                live.code, me, index, kind, widget_value(key), dataset.section_set, address
            )
            st.form_submit_button(_("Send my answer"), type="primary", on_click=send, args=(answer,))
    elif live.activity == "prompt":
        if texts := sum(a.kind == "text" for a in sent):
            count = ngettext("Sent. Thank you! ({count} answer)", "Sent. Thank you! ({count} answers)", texts)
            st.success(count, icon=":material/check_circle:")
        prompt = cell(dataset.examples, kind, "prompt")
        with st.form(f"prompt_{live.code}_{index}", clear_on_submit=True):
            st.html(str(Markup('<p class="slide-prompt"><b>{}</b> {}</p>').format(_("Discuss:"), prompt or "—")))
            key = f"prompt_text_{live.code}_{index}"
            st.text_area(
                _("Your answer (anonymous; the trainer chooses what the room sees)"), max_chars=MAX_ANSWER, key=key
            )
            answer = lambda: sessions.answer_text(live.code, me, index, kind, widget_value(key) or "", address)  # noqa: E731
            st.form_submit_button(_("Send my answer"), type="primary", on_click=send, args=(answer,))


def send(answer: Callable[[], None]) -> None:
    """Callback of "Send my answer": what the session refused is said in the next run, and the rest of
    the page stays."""
    try:
        answer()
    except Refused as refused:
        flash(_(REFUSALS[refused.reason]).format(**refused.values), ANSWERING)


def room_html(live: Live, index: int, kind: str, dataset: Dataset, sessions: LiveSessions) -> str:
    """What the trainer let the room see on this slide: the quiz's shares, the approved text answers
    (escaped); "" when nothing."""
    if kind in (NOTE, SOURCES):
        return ""
    parts = []
    if live.activity == "quiz" and live.results_shown:
        right = cell(dataset.examples, kind, "section")
        parts.append(shares_html(quiz_shares(sessions.quiz_counts(live.code, index), dataset.section_names, right)))
    approved = [a for a in sessions.answers(live.code, index) if a.kind == "text" and a.approved]
    if approved:
        items = Markup("").join(Markup('<li class="live-answer">{}</li>').format(a.value) for a in approved)
        parts.append(
            Markup('<section class="live-answers"><h3>{}</h3><ul>{}</ul></section>').format(_("From the room"), items)
        )
    return str(Markup("").join(parts))


def shares_html(shares: list[Share]) -> Markup:
    rows = Markup("").join(
        Markup(
            '<div class="share{right}"><span class="share-name">{mark}{name}</span>'
            '<span class="share-bar"><span style="width:{width:.0f}%"></span></span>'
            '<span class="share-value">{percent} ({count})</span></div>'
        ).format(
            right=" right" if s.right else "",
            mark=Markup("✓ ") if s.right else "",
            name=s.name,
            width=100 * s.share,
            percent=f"{100 * s.share:.0f} %",
            count=number(s.count),
        )
        for s in shares
    )
    return Markup('<section class="quiz-results"><h3>{}</h3>{}</section>').format(_(QUIZ), rows)
