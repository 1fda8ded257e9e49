"""Presenter view: one example per screen in large type, keyboard navigation, playlist and handouts."""

from __future__ import annotations

import streamlit as st
from markupsafe import Markup, escape

from components.cards import badges_html, in_language, mission_text, place_line
from components.charts import plot
from components.handouts import html_handout, pdf_handout
from components.i18n import N_, _, current, ngettext
from components.map_view import PLOT_CONFIG, map_figure
from components.timeline import timeline_figure
from components.url_state import notice_box, write_param
from data.loader import Dataset
from data.presentation import NOTE, SOURCES, Deck, moved, playlist, slide_from_url, slide_to_url, sources
from data.selection import Selection

# Buttons and the keys that press them (Streamlit's own shortcuts). Clickers send PageDown/PageUp.
# (key, label, shortcut, step, moves backward)
NAVIGATION = (
    ("slide_first", N_("First"), "Home", lambda i, deck: 0, True),
    ("slide_previous", N_("Previous"), "Left", lambda i, deck: i - 1, True),
    ("slide_next", N_("Next"), "Right", lambda i, deck: i + 1, False),
    ("slide_last", N_("Last"), "End", lambda i, deck: len(deck.slides) - 1, False),
)
CLICKER_KEYS = (("slide_page_up", "PageUp", -1), ("slide_page_down", "PageDown", +1))
SOURCE_NOTE = N_(
    'Summaries in our own words of the page "Mandates of peacekeeping missions" (last edited 3 July 2013). '
    "Dataset version {version}."
)
CONTENT_NOTE = N_(
    "The examples that follow concern sexual and gender-based violence, including conflict-related sexual "
    "violence. Some participants may have personal experience of it. Take a break whenever you need one; "
    "nobody has to share their own story."
)


def move(step, deck: Deck) -> None:
    st.session_state["slide"] = deck.clamp(step(st.session_state.get("slide", 0), deck))


def playlist_ids(dataset: Dataset, selection: Selection, panel) -> list[str]:
    """The trainer's ordered playlist (URL ``ids``), defaulting to the current selection."""
    options = list(dataset.examples["id"])
    titles = dict(zip(dataset.examples["id"], dataset.examples["title"]))
    if "ids" not in st.session_state:
        wanted = st.query_params.get_all("ids")
        st.session_state["ids"] = [i for i in wanted if i in titles] or list(selection.examples["id"])
    with panel:
        st.header(_("Session playlist"))
        chosen = st.multiselect(
            _("Examples, in the order you pick them"), options, key="ids", format_func=lambda i: titles.get(i, i)
        )
        st.caption(
            _("The slides follow this order, and so does the link. Move the example on screen with the buttons below.")
        )
    write_param("ids", chosen)
    return chosen


def reorder(example_id: str, step: int) -> None:
    """Move the example on screen earlier or later in the playlist; it stays on screen."""
    before = st.session_state["ids"]
    st.session_state["ids"] = moved(before, example_id, step)
    st.session_state["slide"] += st.session_state["ids"].index(example_id) - before.index(example_id)


def render_reorder(deck: Deck) -> None:
    example_id = deck.slides[st.session_state["slide"]]
    if example_id not in st.session_state.get("ids", []):
        return
    position = st.session_state["ids"].index(example_id)
    earlier, later = st.columns(2)
    earlier.button(
        _("Move earlier"),
        key="move_earlier",
        on_click=reorder,
        args=(example_id, -1),
        icon=":material/arrow_upward:",
        disabled=position == 0,
        width="stretch",
    )
    later.button(
        _("Move later"),
        key="move_later",
        on_click=reorder,
        args=(example_id, 1),
        icon=":material/arrow_downward:",
        disabled=position == len(st.session_state["ids"]) - 1,
        width="stretch",
    )


def slide_html(example, dataset: Dataset) -> str:
    figure = (
        Markup('<p class="slide-figure"><b>{}</b> {}</p>').format(_("Key figure:"), in_language(example, "key_figure"))
        if example.key_figure
        else ""
    )
    return str(
        Markup(
            '<div class="slide">{badges}'
            '<h2 class="slide-title">{title}</h2>'
            '<p class="slide-meta">{place} · <b>{year}</b> · {mission_label} {mission}</p>'
            '<p class="slide-body">{summary}</p>{figure}'
            '<p class="slide-prompt"><b>{discuss}</b> {prompt}</p>'
            '<p class="slide-source">{source_label} {source}</p></div>'
        ).format(
            badges=badges_html(example, dataset),
            discuss=_("Discuss:"),
            mission_label=_("Mission:"),
            source_label=_("Source:"),
            title=in_language(example, "title"),
            place=place_line(example),
            year=example.year_label,
            mission=mission_text(example),
            summary=in_language(example, "summary"),
            figure=figure,
            prompt=in_language(example, "prompt") if example.prompt else "—",
            source=example.source,
        )
    )


def render_example(example, examples, dataset: Dataset) -> None:
    text, visuals = st.columns([1.45, 1], gap="large")
    with text:
        st.html(slide_html(example, dataset))
    with visuals:
        places = dataset.places[dataset.places["example_id"] == example.id]
        selection = Selection(
            examples, dataset.places[dataset.places["example_id"].isin(examples["id"])], len(dataset.examples)
        )
        highlight = places["place"].iloc[0] if not places.empty else ""
        plot(
            map_figure(selection, dataset, highlight=highlight, height=330, legend=False),
            config=PLOT_CONFIG,
            key="locator",
            width="stretch",
        )
        plot(
            timeline_figure(selection, dataset, highlight=example.id, height=260, milestones=False, compact=True),
            config={"displaylogo": False, "staticPlot": True},
            key="mini_timeline",
            width="stretch",
        )


def render_slide(kind: str, deck: Deck, dataset: Dataset) -> None:
    if kind == NOTE:
        st.html(
            str(
                Markup(
                    '<div class="slide note"><h2 class="slide-title">{}</h2>'
                    '<p class="slide-body">{}</p><p class="slide-meta">{}</p></div>'
                ).format(_("Content note"), _(CONTENT_NOTE), _("Press → or Next to begin."))
            )
        )
    elif kind == SOURCES:
        items = Markup("").join(Markup("<li>{}</li>").format(s) for s in sources(deck.examples))
        st.html(
            str(
                Markup(
                    '<div class="slide"><h2 class="slide-title">{}</h2><ol class="slide-body">{}</ol>'
                    '<p class="slide-meta">{}</p></div>'
                ).format(_("Sources"), items, _(SOURCE_NOTE).format(version=dataset.version))
            )
        )
    else:
        example = next(deck.examples[deck.examples["id"] == kind].itertuples())
        render_example(example, deck.examples, dataset)


def render_navigation(deck: Deck) -> None:
    index = st.session_state["slide"]
    columns = st.columns([1, 1, 1.4, 1, 1], vertical_alignment="center")
    last = len(deck.slides) - 1
    for column, (key, label, shortcut, step, backward) in zip([*columns[:2], *columns[3:]], NAVIGATION):
        column.button(
            _(label),
            key=key,
            shortcut=shortcut,
            on_click=move,
            args=(step, deck),
            width="stretch",
            disabled=index == (0 if backward else last),
        )
    columns[2].markdown(
        f'<p class="slide-counter" data-testid="slide-counter">{escape(deck.label(index, _))}</p>',
        unsafe_allow_html=True,
    )
    with st.container(key="clicker_keys"):  # hidden: only their keyboard shortcuts matter
        for key, shortcut, delta in CLICKER_KEYS:
            st.button(shortcut, key=key, shortcut=shortcut, on_click=move, args=(lambda i, _deck, d=delta: i + d, deck))


def render_downloads(examples, dataset: Dataset, where: str) -> None:
    """Handouts of exactly these examples: built on request with a progress bar, then downloaded."""
    if examples.empty:
        return
    ready = st.session_state.get("handouts", {})
    if not ready or ready["key"] != (tuple(examples["id"]), dataset.version, current()):
        if not st.button(
            ngettext(
                "Prepare the handout of this example", "Prepare handouts of these {count} examples", len(examples)
            ),
            key=f"{where}_prepare",
            icon=":material/description:",
        ):
            return
        progress = st.progress(0.0, text=_("Building the HTML handout…"))
        html = html_handout(examples, dataset)
        progress.progress(0.5, text=_("Building the PDF handouts…"))
        ready = {
            "key": (tuple(examples["id"]), dataset.version, current()),
            "html": html,
            "A4": pdf_handout(examples, dataset, "A4"),
            "Letter": pdf_handout(examples, dataset, "Letter"),
        }
        st.session_state["handouts"] = ready
        progress.empty()
    st.caption(
        _("Handouts of {examples}, dataset version {version}:").format(
            examples=ngettext("{count} example", "{count} examples", len(examples)), version=dataset.version
        )
    )
    files = (
        (_("HTML (works offline)"), ready["html"], "handout.html", "text/html"),
        (_("PDF, A4"), ready["A4"], "handout-a4.pdf", "application/pdf"),
        (_("PDF, Letter"), ready["Letter"], "handout-letter.pdf", "application/pdf"),
    )
    for label, content, name, mime in files:
        st.download_button(
            label,
            content,
            name,
            mime,
            key=f"{where}_{name}",
            icon=":material/download:",
            on_click="ignore",
            width="stretch",
        )


def render_presenter(selection: Selection, dataset: Dataset, panel) -> None:
    """The slides in the main area; playlist, options and handouts in ``panel`` (in the sidebar)."""
    examples, notices = playlist(dataset, selection, playlist_ids(dataset, selection, panel), _)
    with panel:
        content_note = st.toggle(_("Content note slide first"), value=True, key="content_note")
        closing = st.toggle(_("Closing slide with the sources"), value=True, key="closing")
    deck = Deck(examples, content_note=content_note, closing=closing)
    if "slide" not in st.session_state:
        st.session_state["slide"] = slide_from_url(st.query_params.get("slide", "0"), deck)
    st.session_state["slide"] = deck.clamp(st.session_state["slide"])
    if notices:
        notice_box(_("Some playlist entries were ignored:"), notices)
    if examples.empty:
        st.info(_("The playlist is empty: pick examples in the sidebar, or go back to Explore and widen the filters."))
    else:
        render_navigation(deck)
        render_slide(deck.slides[st.session_state["slide"]], deck, dataset)
    write_param("slide", slide_to_url(st.session_state["slide"], deck) or None)
    with panel:
        if not examples.empty:
            render_reorder(deck)
        render_downloads(examples, dataset, "present")
