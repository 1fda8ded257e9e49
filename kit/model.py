"""What the field kit shows, written once by Python (pure, no Streamlit): each example's view in each
language, the keys each filter of the registry (``data/filters.py``) compares, the options' names,
the places, the milestones and the interface's words. The kit's script (``kit/kit.js``) only filters,
counts and draws what this gives it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pandas as pd

from data.example_view import example_views, text_colour
from data.filters import FILTERS, Filters
from data.loader import Dataset, example_places
from data.localize import localize
from data.markers import CLUSTER_ABOVE, WORLD, cluster_groups, milestone_positions
from data.presentation import CONTENT_NOTE_TEXT, SOURCE_NOTE
from data.translations import LANGUAGES, N_, catalog, formatted_number, long_date

VIEW_FIELDS = (
    "id section title summary key_figure prompt place_line year_label year_note context_note mission_line source"
).split()
# The rows each filter's facet leaves out, as its ``facet`` in data/filters.py does.
FACET_LEAVES_OUT = {"years": ("years", "include_undated"), "include_undated": ("years", "include_undated")}
WORDS = {  # the kit's words: the dashboard's own where it has them
    "title": N_("Peacekeeping Practice Explorer"),
    "tagline": N_(
        "How UN peacekeeping missions address violence against women and girls: examples by place, year and theme."
    ),
    "where": N_("Where"),
    "when": N_("When"),
    "examples": N_("Examples"),
    "filters": N_("Filters"),
    "clear": N_("Clear all filters"),
    "present": N_("Present these {count}"),
    "back": N_("Back to exploring"),
    "print": N_("Print one example per page"),
    "language": N_("Language"),
    "from": N_("From"),
    "to": N_("To"),
    "any_year": N_("Any year"),
    "no_match": N_("No example matches these filters. Clear a filter to see more."),
    "key_figure": N_("Key figure:"),
    "prompt": N_("Discussion prompt"),
    "context": N_("Context, not from the source:"),
    "mission": N_("Mission:"),
    "source": N_("Source:"),
    "english": N_("(English)"),
    "year_not_stated": N_("Year not stated"),
    "milestones": N_("Milestones in the source"),
    "content_note": N_("Content note"),
    "content_note_text": CONTENT_NOTE_TEXT,
    "begin": N_("Press → or Next to begin."),
    "sources": N_("Sources"),
    "source_note": SOURCE_NOTE,
    "slide": N_("Slide {number} of {count}"),
    "previous": N_("Previous"),
    "next": N_("Next"),
    "keys": N_("Keys: → and ← (or PageDown and PageUp) move, Home and End jump, F shows only the slide, B blacks it."),
    "about": N_("About the data · dataset version {version} ({date})"),
    "about_text": N_(
        'Examples from the page "Mandates of peacekeeping missions" (last edited 3 July 2013), summarised in our '
        "own words, with public reference facts on the missions. This file works with no internet: everything it "
        "shows is inside it."
    ),
    "examples_on_map": N_("{count} examples here"),
    "offline": N_("Offline explorer"),
    "yours": N_("Your data"),
    "linked": N_("The example this link opens"),
    "linked_outside": N_("The example this link opens (not in these filters)"),
    "close_linked": N_("Close the linked example"),
    "cluster": N_("{count} examples at {places} places: click to zoom in"),
    "whole_map": N_("Whole map"),
    "more": N_("Show {count} more ({shown} of {total} shown)"),
    "ignored": N_("Ignored in this address, as unknown here:"),
    "handout_heading": N_("Peacekeeping practice: examples presented"),
    "unreadable": N_(
        "This file's examples could not be opened in this browser. Open the file in a current Firefox, Chrome, "
        "Edge or Safari; if it still shows nothing, download it again (it may have been cut short)."
    ),
}
COUNT_LINE = ("Showing {count} of {total} examples", "Showing {count} of {total} examples")
EXAMPLE_COUNT = ("{count} example", "{count} examples")  # a timeline marker's, as data/markers.py says it
HANDOUT_LINE = N_(  # the PDF handouts' own line (components/handouts.py: title_line)
    "Peacekeeping Practice Explorer · {examples} · dataset version {version} ({date}) · handout of {today}"
)


def words_in(lang: str, dataset: Dataset) -> dict[str, Any]:
    """The interface's words in ``lang``; the count line as its forms for 0, 1 and 2 or more (the
    plural rule of English, French and Spanish needs no more)."""
    translations = catalog(lang)
    words: dict[str, Any] = {key: translations.gettext(message) for key, message in WORDS.items()}
    words["count_line"] = [translations.ngettext(*COUNT_LINE, n) for n in (0, 1, 2)]
    words["example_count"] = [translations.ngettext(*EXAMPLE_COUNT, n) for n in (0, 1, 2)]
    words["and_more"] = translations.gettext("… and {count} more")
    words["handout_line"] = translations.gettext(HANDOUT_LINE).format(  # the examples' count: the kit's
        examples="{examples}", version=dataset.version, date=dataset.version_date, today=long_date(date.today(), lang)
    )
    words["about"] = words["about"].format(version=dataset.version, date=dataset.version_date)
    words["source_note"] = words["source_note"].format(version=dataset.version)
    words["total"] = formatted_number(len(dataset.examples), lang)
    return words


def filters_in(lang: str, dataset: Dataset) -> list[dict[str, Any]]:
    """Each filter of the registry the kit can apply: its kind, URL keys, words and options in ``lang``."""
    translations = catalog(lang)
    return [
        {
            "name": f.name,
            "kind": f.widget,
            "url": list(f.url or (f.key,)),
            "default": f.default,
            "leaves_out": list(FACET_LEAVES_OUT.get(f.name, (f.name,))),
            "label": translations.gettext(f.label),
            "placeholder": translations.gettext(f.placeholder) if f.placeholder else "",
            "help": translations.gettext(f.help) if f.help else "",
            "options": [[value, name] for value, name in f.names(dataset, lang).items()] if f.names else [],
        }
        for f in FILTERS
        if f.keys is not None
    ]


def views_in(dataset: Dataset, lang: str) -> dict[str, list]:
    """Each field of the examples' views as one column (the cards and slides show them; plain text, which
    the kit's script sets as text). The section's name and colours are the sections' own."""
    views = example_views(dataset.examples, dataset, lang)
    columns: dict[str, list] = {name: [getattr(view, name) for view in views] for name in VIEW_FIELDS}
    columns["english"] = [sorted(view.english) for view in views]
    columns["yours"] = [view.yours for view in views]  # uploaded, not curated: the card says so
    return columns


def searched_in(dataset: Dataset) -> dict[str, list[str]]:
    """The words filters' keys (``data/filters.py: searched_columns``), a view column each."""
    return {
        f"search:{name}": column
        for f in FILTERS
        if f.widget == "words" and f.keys is not None
        for name, column in f.keys(dataset).items()
    }


def without_repeats(columns: dict[str, list], english: dict[str, list]) -> dict[str, list]:
    """A language's columns with ``None`` where the value is English's: the kit reads English there
    (an untranslated collection weighs what one language does)."""
    return {
        name: [None if value == same else value for value, same in zip(values, english[name])]
        for name, values in columns.items()
    }


def milestones_in(dataset: Dataset) -> list[dict[str, Any]]:
    """The source's milestones, each at its place on the year axis with its label's level, as the
    dashboard's timeline draws them (``data/markers.py: milestone_positions``)."""
    shown = dataset.source_milestones
    xs, levels = milestone_positions(shown)
    return [
        {"x": x, "level": level, "short": row.short, "title": row.title}
        for x, level, row in zip(xs, levels, shown.itertuples())
    ]


def places_in(dataset: Dataset) -> list[dict[str, Any]]:
    """Each place once: its key (the place filter's value), its label, its point and, beyond
    ``CLUSTER_ABOVE`` places, its group on the whole map (``data/markers.py: cluster_groups``, weighted by
    the place's examples): the kit draws a group's places as one marker when the selection shows more
    places than that."""
    places = dataset.places.drop_duplicates("place_key").reset_index(drop=True)
    groups = None
    if len(places) > CLUSTER_ABOVE:
        weight = dataset.places["place_key"].value_counts().reindex(places["place_key"]).to_numpy(float)
        groups = cluster_groups(
            places["latitude"].to_numpy(float), places["longitude"].to_numpy(float), weight, WORLD
        ).tolist()
    return [
        {
            "key": row.place_key,
            "label": dataset.place_labels.get(row.place_key, row.place),
            "lat": row.latitude,
            "lon": row.longitude,
            "group": None if groups is None else groups[i],
        }
        for i, row in enumerate(places.itertuples())
    ]


def of_examples(dataset: Dataset, ids: pd.Series) -> Dataset:
    """``dataset`` with only the examples of ``ids``, in that order (a deck's): the kit of a selection."""
    positions = pd.Index(dataset.examples["id"]).get_indexer(list(ids))
    examples = dataset.examples.iloc[positions[positions >= 0]].reset_index(drop=True)
    return replace(dataset, examples=examples, places=example_places(examples), search=None)


def kit_model(dataset: Dataset, lang: str, filters: Filters, view: str = "explore") -> dict[str, Any]:
    """Everything the kit needs, as JSON values: ``lang``, ``filters`` and ``view`` (explore, or the
    handout: every example a page) are the state it opens in (its address's ``#`` part can name others)."""
    keyed = [f for f in FILTERS if f.keys is not None]
    texts, keys = {}, {f.name: f.keys(dataset) for f in keyed if f.widget != "words"}
    english: dict[str, list] = {}
    searched: list[str] = []
    for code in LANGUAGES:
        shown = localize(dataset, code)
        found = searched_in(shown)
        searched = searched or list(found)
        columns = views_in(shown, code) | found
        english = english or columns
        texts[code] = {
            "words": words_in(code, shown),
            "filters": filters_in(code, shown),
            "views": columns if code == "en" else without_repeats(columns, english),
            "places": places_in(shown),
            "milestones": milestones_in(shown),
            "sections": {
                row.slug: {
                    "name": row.name,
                    "short": shown.section_short_names.get(row.slug, row.name),
                    "colour": row.colour,
                    "text": text_colour(row.colour),
                }
                for row in shown.sections.itertuples()
            },
        }
    first, last = dataset.year_bounds
    return {
        "version": dataset.version,
        "version_date": dataset.version_date,
        "languages": LANGUAGES,
        "lang": lang if lang in LANGUAGES else "en",
        "start": filters.to_url() | ({"view": [view]} if view != "explore" else {}),
        "years": [first, last],
        "cluster_above": CLUSTER_ABOVE,
        "keys": keys,
        "open_end": dataset.examples["open_end"].astype(bool).tolist(),  # a "2008–" example: a triangle
        "searched": searched,
        "texts": texts,
    }
