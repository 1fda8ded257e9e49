"""An example's view: the section badge's text reads on its colour (WCAG AA, 4.5:1)."""

from data.example_view import MIXED_COLOUR, example_view, example_views, luminance, text_colour
from data.localize import localize


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_every_section_badge_reads_on_its_colour(curated):
    for colour in [*curated.section_colours.values(), MIXED_COLOUR]:
        text = "#111111" if text_colour(colour) == "#111" else "#ffffff"
        assert contrast(colour, text) >= 4.5, colour


def test_the_views_of_many_examples_are_each_examples_own_view(curated):
    """``example_views`` reads only the columns a view needs, column by column: the same views as each
    row's own, in English and in French (with its fields shown in English for want of a translation)."""
    for dataset, lang in ((curated, "en"), (localize(curated, "fr"), "fr")):
        own = [example_view(row, dataset, lang) for row in dataset.examples.itertuples()]
        assert example_views(dataset.examples, dataset, lang) == own
