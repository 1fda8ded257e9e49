"""An example as escaped HTML: the card (explore view, HTML handout) and the slide (presenter).

Both render a ``data.example_view.ExampleView`` and nothing else; every value is escaped.
"""

from __future__ import annotations

from urllib.parse import quote

from markupsafe import Markup

from components.i18n import _
from data.example_view import ExampleView


def marked(view: ExampleView, name: str) -> Markup:
    """A field's text, marked "(English)" when it is shown untranslated."""
    text = getattr(view, name)
    if view.in_english(name):
        return Markup('{} <span class="english">{}</span>').format(text, _("(English)"))
    return Markup("{}").format(text)


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


def card_html(view: ExampleView, *, link: bool = False, linked: str = "") -> Markup:
    """The card; ``link`` adds its "Copy link" control (in the app, not in handouts); ``linked`` marks it
    as the example a link opened, with that sentence."""
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
        '{mission}<p class="summary">{summary}</p>{figure}{prompt}{source}{copy}</article>'
    ).format(
        css=" linked" if linked else "",
        top=top,
        copy=copy,
        colour=view.colour,
        badges=badges_html(view),
        title=marked(view, "title"),
        place=view.place_line,
        year=year_html(view),
        mission=field(_("Mission:"), view.mission_line),
        summary=marked(view, "summary"),
        figure=field(_("Key figure:"), view.key_figure and marked(view, "key_figure"), "figure"),
        prompt=field(_("Discuss:"), view.prompt and marked(view, "prompt"), "prompt"),
        source=field(_("Source:"), view.source, "source"),
    )


def cards_html(views: list[ExampleView], linked: tuple[str, str] = ("", "")) -> str:
    """The app's cards, each with its "Copy link"; ``linked``: (id, sentence) of the card a link opened."""
    return str(
        Markup('<div class="cards">{}</div>').format(
            Markup("").join(card_html(v, link=True, linked=linked[1] if v.id == linked[0] else "") for v in views)
        )
    )


def slide_html(view: ExampleView) -> str:
    figure = (
        Markup('<p class="slide-figure"><b>{}</b> {}</p>').format(_("Key figure:"), marked(view, "key_figure"))
        if view.key_figure
        else ""
    )
    return str(
        Markup(
            '<div class="slide">{badges}'
            '<h2 class="slide-title">{title}</h2>'
            '<p class="slide-meta">{place} · {year} · {mission_label} {mission}</p>'
            '<p class="slide-body">{summary}</p>{figure}'
            '<p class="slide-prompt"><b>{discuss}</b> {prompt}</p>'
            '<p class="slide-source">{source_label} {source}</p></div>'
        ).format(
            badges=badges_html(view),
            title=marked(view, "title"),
            place=view.place_line,
            year=year_html(view, "slide-year"),
            mission_label=_("Mission:"),
            mission=view.mission_line,
            summary=marked(view, "summary"),
            figure=figure,
            discuss=_("Discuss:"),
            prompt=marked(view, "prompt") if view.prompt else "—",
            source_label=_("Source:"),
            source=view.source,
        )
    )
