"""The trainer's part of a live session, beside the presenter: start it from the saved presentation,
open a quiz or the discussion prompt, reveal, approve answers, end it, download the answers. Every
write is checked again by the store."""

from __future__ import annotations

import streamlit as st
from markupsafe import Markup

from components.i18n import N_, _, current, ngettext, number, use
from components.live import cell, join_html, slide_index
from components.messages import LIVE, flash, written
from components.notices import render_done
from components.plain import literal
from components.state import show_value, widget_value
from data.live import answers_report, report_csv
from data.loader import Dataset
from data.page import PageState
from data.presentation import NOTE, SOURCES, Deck
from store.live import Live, LiveSessions
from store.presentations import Saved, may_change
from store.roles import Actor, allowed

TRAINER_REFRESH_SECONDS = 1  # the trainer's counts and answers
ANSWERS_PAGE = 10  # text answers moderated at a time
ACTIVITY, REVEAL = "live_activity", "live_reveal"  # the widgets that show the session (the radio per slide)
ACTIVITIES = {"": N_("Nothing open"), "quiz": N_("Quiz: which section?"), "prompt": N_("Discussion prompt")}


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
        render_questions(live, person, sessions)
    render_answers(live.code, index, person, sessions, current())
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


def render_questions(live: Live, person: Actor, sessions: LiveSessions) -> None:
    """What the room may answer on this slide, and what it sees of it. The widgets show the session as
    the store has it (not what an earlier slide left in them), and write it in their callbacks, which
    run before the second's refresh can interrupt the run."""
    # A key per slide: a value the browser still holds for another slide's radio never reaches this one.
    activity = f"{ACTIVITY}_{live.slide}"
    show_value(activity, live.activity)
    opened = _("The room sees it now.")
    st.radio(
        _("The room may answer"),
        list(ACTIVITIES),
        format_func=lambda key: _(ACTIVITIES[key]),
        key=activity,
        on_change=lambda: steer(sessions, person, live.code, opened, activity=widget_value(activity)),
    )
    if live.activity == "quiz" and not live.results_shown:
        results = _("The results are on the room's screens.")
        st.button(
            _("Reveal the results"),
            key="live_results",
            on_click=lambda: steer(sessions, person, live.code, results, results_shown=True),
        )
    show_value(REVEAL, live.reveal)
    st.toggle(
        _("Place and section first, the summary on request"),
        key=REVEAL,
        on_change=lambda: steer(
            sessions, person, live.code, "", reveal=widget_value(REVEAL), summary_shown=not widget_value(REVEAL)
        ),
    )
    if live.reveal and not live.summary_shown:
        st.button(
            _("Show the summary"),
            key="live_summary",
            on_click=lambda: steer(sessions, person, live.code, "", summary_shown=True),
        )


def steer(sessions: LiveSessions, person: Actor, code: str, message: str, **change: object) -> None:
    """Callback of the trainer's controls: the change written for the room, ``message`` said in the panel."""
    sessions.change(person, code, **change)
    if message:
        flash(message, LIVE)


@st.fragment(run_every=TRAINER_REFRESH_SECONDS)
def render_answers(code: str, index: int, person: Actor, sessions: LiveSessions, lang: str) -> None:
    """How many joined and answered, and the slide's text answers to show or hide (refreshed, in the
    language ``lang`` of the run that drew it: a fragment's rerun is a run of its own)."""
    use(lang)
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
