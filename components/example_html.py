"""An example as escaped HTML: the card (explore view, HTML handout) and the slide (presenter).

Both render a ``data.example_view.ExampleView`` and nothing else; every value is escaped.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from urllib.parse import quote

from markupsafe import Markup

from components.i18n import _
from data.example_view import ExampleView
from data.search import spans


def highlighted(text: str, wanted: Sequence[str] = ()) -> Markup:
    """``text`` escaped, with each of the searched words (folded, ``data.search.words``) in ``<mark>``."""
    out, done = Markup(""), 0
    for start, end in spans(text, wanted):
        out += Markup("{}<mark>{}</mark>").format(text[done:start], text[start:end])
        done = end
    return out + text[done:]  # Markup + str escapes the str


def marked(view: ExampleView, name: str, wanted: Sequence[str] = ()) -> Markup:
    """A field's text (searched words highlighted), marked "(English)" when it is shown untranslated."""
    text = highlighted(getattr(view, name), wanted)
    if view.in_english(name):
        return Markup('{} <span class="english">{}</span>').format(text, _("(English)"))
    return text


def badges_html(view: ExampleView) -> Markup:
    """The section badge in its colour, and "Your data" for uploaded examples."""
    yours = Markup('<span class="yours">{}</span>').format(_("Your data")) if view.yours else ""
    return Markup('<span class="badge" style="background:{};color:{}">{}</span>{}').format(
        view.colour, view.badge_text, view.section_name, yours
    )


def year_html(view: ExampleView, css: str = "year") -> Markup:
    """The year label, and what it stands for where the label alone would mislead."""
    note = Markup(' <span class="year-note">({})</span>').format(marked(view, "year_note")) if view.year_note else ""
    return Markup('<span class="{}">{}</span>{}').format(css, view.year_label, note)


def field(label: str, value: Markup | str, css: str = "") -> Markup:
    if not value:
        return Markup("")
    return Markup('<div class="field {}"><span class="label">{}</span> {}</div>').format(css, label, value)


def card_html(view: ExampleView, *, link: bool = False, linked: str = "", wanted: Sequence[str] = ()) -> Markup:
    """The card; ``link`` adds its "Copy link" control (in the app, not in handouts); ``linked`` marks it
    as the example a link opened, with that sentence; ``wanted``: searched words to highlight."""
    top = Markup('<p class="linked-label">{}</p>').format(linked) if linked else ""
    copy = (
        Markup(
            '<a class="copy-link" href="?example={query}" data-example="{id}" data-copied="{done}">{label}</a>'
        ).format(query=quote(view.id), id=view.id, label=_("Copy link"), done=_("Link copied"))
        if link
        else ""
    )
    return Markup(
        '<article class="card{css}" style="border-left-color:{colour}">{top}'
        '<div class="badges">{badges}</div>'
        "<h3>{title}</h3>"
        '<div class="meta">{place} · {year}</div>'
        '{mission}<p class="summary">{summary}</p>{figure}{prompt}{context}{source}{copy}</article>'
    ).format(
        css=" linked" if linked else "",
        top=top,
        copy=copy,
        colour=view.colour,
        badges=badges_html(view),
        title=marked(view, "title", wanted),
        place=highlighted(view.place_line, wanted),
        year=year_html(view),
        mission=field(_("Mission:"), highlighted(view.mission_line, wanted)),
        summary=marked(view, "summary", wanted),
        figure=field(_("Key figure:"), view.key_figure and marked(view, "key_figure"), "figure"),
        prompt=field(_("Discuss:"), view.prompt and marked(view, "prompt"), "prompt"),
        context=field(
            _("Context, not from the source:"), view.context_note and marked(view, "context_note"), "context"
        ),
        source=field(_("Source:"), highlighted(view.source, wanted), "source"),
    )


def cards_html(views: list[ExampleView], linked: tuple[str, str] = ("", ""), wanted: Sequence[str] = ()) -> str:
    """The app's cards, each with its "Copy link"; ``linked``: (id, sentence) of the card a link opened;
    ``wanted``: searched words to highlight."""
    cards = (card_html(v, link=True, linked=linked[1] if v.id == linked[0] else "", wanted=wanted) for v in views)
    return str(Markup('<div class="cards">{}</div>').format(Markup("").join(cards)))


def slide_html(view: ExampleView, wanted: Sequence[str] = (), hide: Collection[str] = ()) -> str:
    """The example on a slide; in a live session the section (while the room guesses it) and the
    summary (until the trainer reveals it) can be held back: ``hide`` names them."""
    figure = (
        Markup('<p class="slide-figure"><b>{}</b> {}</p>').format(_("Key figure:"), marked(view, "key_figure"))
        if view.key_figure and "summary" not in hide
        else ""
    )
    summary = (
        Markup('<span class="held-back">{}</span>').format(_("The summary follows."))
        if "summary" in hide
        else marked(view, "summary", wanted)
    )
    return str(
        Markup(
            '<div class="slide">{badges}'
            '<h2 class="slide-title">{title}</h2>'
            '<p class="slide-meta">{place} · {year} · {mission_label} {mission}</p>'
            '<p class="slide-body">{summary}</p>{figure}'
            '<p class="slide-prompt"><b>{discuss}</b> {prompt}</p>{context}'
            '<p class="slide-source">{source_label} {source}</p></div>'
        ).format(
            badges="" if "section" in hide else badges_html(view),
            title=marked(view, "title", wanted),
            place=highlighted(view.place_line, wanted),
            year=year_html(view, "slide-year"),
            mission_label=_("Mission:"),
            mission=highlighted(view.mission_line, wanted),
            summary=summary,
            figure=figure,
            discuss=_("Discuss:"),
            prompt=marked(view, "prompt") if view.prompt else "—",
            context=Markup('<p class="slide-context"><b>{}</b> {}</p>').format(
                _("Context, not from the source:"), marked(view, "context_note")
            )
            if view.context_note
            else "",
            source_label=_("Source:"),
            source=highlighted(view.source, wanted),
        )
    )
