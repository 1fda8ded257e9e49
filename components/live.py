"""A live training session: the trainer's panel beside the presenter, the room's screen on the
projector (``?join=CODE&projector=true``) and the participants' phones (``?join=CODE``).

The room follows through the store: a fragment polls the session every second (one read by key) and
redraws the page when the trainer changed something. Every write is checked again by the store.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st
from markupsafe import Markup

from components.i18n import N_, _, ngettext, number
from components.notices import render_done
from components.plain import literal
from components.slides import render_slide
from components.state import ANSWERING, LIVE, client_address, flash, participant, take_flash, widget_value, written
from data.live import Share, answers_report, qr_data_uri, quiz_shares, report_csv
from data.loader import Dataset
from data.page import PageState
from data.presentation import NOTE, SOURCES, Deck
from store.live import MAX_ANSWER, Live, LiveSessions, Refused
from store.presentations import Saved, may_change
from store.roles import Actor, allowed

# How often the room asks the store whether the trainer moved: a phone's redraw is light, so it asks
# twice a second (bench/live_load.py); the room's screen redraws a map and a timeline, so once (a
# poll must not come faster than the redraw it may cause).
PHONE_POLL_SECONDS, SCREEN_POLL_SECONDS = 0.5, 1.0
TRAINER_REFRESH_SECONDS = 1  # the trainer's counts and answers
QUIZ = N_("Which thematic section is this example from?")
REFUSED = {  # store.live.REFUSALS, for translation
    "ended": N_("This live session has ended."),
    "closed": N_("The trainer has moved on: this question is closed."),
    "results": N_("The results are shown: this question is closed."),
    "choose": N_("Choose one of the answers first."),
    "choice": N_("Not one of the choices: {value}."),
    "empty": N_("Write an answer first."),
    "long": N_("Answers are at most {most} characters; this one has {count}."),
    "many": N_("You have sent {most} answers on this slide, the most there can be."),
    "most": N_("You have sent {most} answers in this session, the most there can be."),
    "full": N_("This live session has all the participants it can take ({most})."),
    "busy": N_("Too many answers or joins from this network just now: try again in a few seconds."),
    "joined": N_("Open the join link again to take part."),
    "answers": N_("This live session has taken all the answers it can ({most})."),
}
ANSWERS_PAGE = 10  # text answers moderated at a time
ACTIVITIES = {"": N_("Nothing open"), "quiz": N_("Quiz: which section?"), "prompt": N_("Discussion prompt")}


def join_html(live: Live, large: bool = False) -> str:
    """The QR code of the join address and the address written out (the address is escaped)."""
    return str(
        Markup(
            '<figure class="join-qr{}"><img src="{}" alt="{}"><figcaption>{}<br><b>{}</b></figcaption></figure>'
        ).format(
            " large" if large else "",
            qr_data_uri(live.join_url),
            _("QR code of the address {url}").format(url=live.join_url),
            _("Join on your phone:"),
            live.join_url,
        )
    )


def hidden_parts(live: Live, kind: str) -> frozenset[str]:
    """What the room does not see yet: the section while it guesses, the summary until revealed."""
    hide = set()
    if live.activity == "quiz" and not live.results_shown:
        hide.add("section")
    if live.reveal and not live.summary_shown:
        hide.add("summary")
    return frozenset(hide) if kind not in (NOTE, SOURCES) else frozenset()


def cell(examples: pd.DataFrame, example_id: str, column: str) -> str:
    """One example's value in ``column``."""
    return str(examples.loc[examples["id"] == example_id, column].iloc[0])


def slide_index(live: Live, deck: Deck) -> int:
    return min(live.slide, len(deck.slides) - 1)


# --- The trainer ----------------------------------------------------------------------------------


def follow_presenter(
    state: PageState, deck: Deck, live: Live | None, person: Actor | None, sessions: LiveSessions
) -> Live | None:
    """The trainer's slide is the room's: a move in the presenter is written to the live session (and
    the session as it is now returned)."""
    if live and not live.ended and may_change(person, live.owner):
        index = deck.index_of(state.slide)
        if index != live.slide:
            sessions.change(person, live.code, slide=index)
            return sessions.get(live.code)
    return live


def render_live_panel(
    state: PageState,
    deck: Deck,
    dataset: Dataset,
    saved: Saved | None,
    person: Actor | None,
    sessions: LiveSessions,
    live: Live | None,
) -> None:
    """The trainer's part of the sidebar: start a live session from the saved presentation, then steer
    the room's questions, approve answers and end it."""
    if saved is None or not allowed(person, "present"):
        return
    st.header(_("Live session"))
    render_done(LIVE)
    if live is None or live.ended or not may_change(person, live.owner):
        if live and live.ended and may_change(person, live.owner):  # the room's answers: its trainer's
            render_report(live, saved, dataset, sessions, person)
        render_start(state, saved, person, sessions)
        return
    st.html(join_html(live))
    st.link_button(
        _("Open the room's screen (for the projector)"),
        f"?join={live.code}&projector=true",
        icon=":material/cast:",
        width="stretch",
    )
    index = slide_index(live, deck)
    if index + 1 < len(deck.slides):
        st.caption(_("Next: {title}").format(title=literal(slide_title(deck, index + 1))))
    kind = deck.slides[index]
    if kind not in (NOTE, SOURCES):
        render_questions(state, live, person, sessions)
    render_answers(live.code, index, person, sessions)
    # It asks first in a popover, not a dialog: this page's answers refresh every second, and a
    # fragment's rerun can leave a dialog opened beside it unresponsive (streamlit/streamlit#17011).
    with st.popover(_("End the live session"), icon=":material/stop_circle:"):
        question = _("The room's phones and screen stop following the slides of {code}; its answers stay, to download.")
        st.markdown(literal(question.format(code=live.code)))
        if st.button(_("End it"), key="live_end", type="primary"):
            sessions.end(person, live.code)
            written(state, _("The live session has ended: download its answers below."), LIVE)


def slide_title(deck: Deck, index: int) -> str:
    kind = deck.slides[index]
    if kind == NOTE:
        return _("Content note")
    if kind == SOURCES:
        return _("Sources")
    return cell(deck.examples, kind, "title")


def render_start(state: PageState, saved: Saved, person: Actor, sessions: LiveSessions) -> None:
    with st.form("live_start", border=False):
        base = st.text_input(
            _("Address participants open"),
            value=default_base(),
            help=_(
                "On a training-room network with no internet: this laptop's address there, e.g. http://192.168.1.10:8501"
            ),
        )
        if st.form_submit_button(_("Start a live session"), icon=":material/podcasts:"):
            try:
                code = sessions.start(person, saved.slug, base)
            except ValueError as error:
                st.error(_("Not started: {problem}").format(problem=error), icon="⚠️")
            else:
                joins = _("Live: the room joins with the code {code}.").format(code=code)
                written(state.but(live=code, slide=0), joins, LIVE)


def default_base() -> str:
    """The address this browser uses for the app, without its query."""
    return (st.context.url or "").split("?")[0].rstrip("/")


def render_questions(state: PageState, live: Live, person: Actor, sessions: LiveSessions) -> None:
    activity = st.radio(
        _("The room may answer"),
        list(ACTIVITIES),
        index=list(ACTIVITIES).index(live.activity),
        format_func=lambda key: _(ACTIVITIES[key]),
        key=f"live_activity_{live.slide}",
    )
    if activity != live.activity:
        sessions.change(person, live.code, activity=activity)
        written(state, _("The room sees it now."), LIVE)
    if live.activity == "quiz" and not live.results_shown and st.button(_("Reveal the results"), key="live_results"):
        sessions.change(person, live.code, results_shown=True)
        written(state, _("The results are on the room's screens."), LIVE)
    reveal = st.toggle(_("Place and section first, the summary on request"), value=live.reveal, key="live_reveal")
    if reveal != live.reveal:
        sessions.change(person, live.code, reveal=reveal, summary_shown=not reveal)
        st.rerun()
    if live.reveal and not live.summary_shown and st.button(_("Show the summary"), key="live_summary"):
        sessions.change(person, live.code, summary_shown=True)
        st.rerun()


@st.fragment(run_every=TRAINER_REFRESH_SECONDS)
def render_answers(code: str, index: int, person: Actor, sessions: LiveSessions) -> None:
    """How many joined and answered, and the slide's text answers to show or hide (refreshed)."""
    answers = sessions.answers(code, index)
    quiz = sum(a.kind == "quiz" for a in answers)
    texts = [a for a in answers if a.kind == "text"]
    st.caption(
        _("{participants} · quiz answers: {quiz} · text answers: {texts}").format(
            participants=ngettext("{count} participant", "{count} participants", sessions.participants(code)),
            quiz=number(quiz),
            texts=number(len(texts)),
        )
    )
    if len(texts) > ANSWERS_PAGE:
        starts = list(range(0, len(texts), ANSWERS_PAGE))
        start = st.selectbox(
            _("Text answers to moderate"),
            starts,
            format_func=lambda first: _("Answers {first}–{last} of {total}").format(
                first=number(first + 1), last=number(min(first + ANSWERS_PAGE, len(texts))), total=number(len(texts))
            ),
            key=f"live_answers_page_{code}_{index}",
        )
        texts = texts[start : start + ANSWERS_PAGE]
    for answer in texts:
        with st.container(border=True, key=f"live_answer_{answer.id}"):
            st.html(str(Markup('<p class="live-answer">{}</p>').format(answer.value)))
            label = _("Hide from the room") if answer.approved else _("Show to the room")
            st.button(  # a callback: it runs before the next second's refresh can interrupt the run
                label,
                key=f"live_approve_{answer.id}",
                type="secondary" if answer.approved else "primary",
                on_click=sessions.approve,
                args=(person, code, answer.id, not answer.approved),
            )


def render_report(live: Live, saved: Saved, dataset: Dataset, sessions: LiveSessions, person: Actor) -> None:
    st.caption(_("The live session {code} has ended.").format(code=live.code))
    titles = dict(zip(dataset.examples["id"], dataset.examples["title"]))
    report = answers_report(live.code, saved.title, sessions.report(person, live.code), titles, dataset.section_names)
    st.download_button(
        ngettext("Download its {count} answer (CSV)", "Download its {count} answers (CSV)", len(report)),
        report_csv(report),
        file_name=f"live-session-{live.code}.csv",
        mime="text/csv",
        icon=":material/download:",
        key="live_report",
    )


def render_join_corner(live: Live | None, deck: Deck, state: PageState) -> None:
    """On the trainer's content note, while live: the join code, large (the room's screen has it in a
    corner of every slide; the trainer's sidebar has it too)."""
    if live and not live.ended and deck.slides[deck.index_of(state.slide)] == NOTE:
        st.html(join_html(live, large=True))


# --- The room: its screen and the participants' phones ---------------------------------------------


def check(sessions: LiveSessions, code: str, seen: int) -> None:
    """The poll: one read by key; the page is redrawn only when the trainer changed something."""
    now = sessions.get(code)
    if now is None or now.revision != seen:
        st.rerun()


follow_on_phone = st.fragment(check, run_every=PHONE_POLL_SECONDS)
follow_on_screen = st.fragment(check, run_every=SCREEN_POLL_SECONDS)


def render_room(state: PageState, live: Live | None, deck: Deck, dataset: Dataset, sessions: LiveSessions) -> None:
    """The live session as the room sees it: the projector's screen, or a participant's phone."""
    if live is None:  # a malformed code is named in the notices above
        missing = _("No live session {code}: check the code on the trainer's screen.").format(code=repr(state.join))
        st.info(missing if state.join else _("No live session to follow: check the address on the trainer's screen."))
        return
    (follow_on_screen if state.projector else follow_on_phone)(sessions, live.code, live.revision)
    if live.ended:
        st.info(_("This live session has ended. Thank you for taking part."), icon="👋")
        return
    index = slide_index(live, deck)
    kind = deck.slides[index]
    hide = hidden_parts(live, kind)
    shown = room_html(live, index, kind, dataset, sessions)
    if state.projector:  # what the room answered takes the place of the map and timeline
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
        st.warning(_(REFUSED[refused.reason]).format(**refused.values), icon="⚠️")
        return
    with st.container(key="phone"):  # the question first, then the slide it is about
        with st.container():  # one element, whatever is asked: the slide keeps its place on the page
            if kind == NOTE:
                st.caption(_("You are in. This page follows the trainer's slides: no need to touch it."))
            else:
                render_answering(live, me, index, kind, dataset, sessions)
        render_slide(kind, deck, dataset, hide=hide, maps=False, room=True)
        if shown:
            st.html(shown)


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
            st.success(literal(chosen.format(section=dataset.section_names.get(mine, mine))), icon="✅")
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
            st.success(count, icon="✅")
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
        flash(_(REFUSED[refused.reason]).format(**refused.values), ANSWERING)


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
