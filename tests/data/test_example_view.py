"""An example's view: the section badge's text reads on its colour (WCAG AA, 4.5:1)."""

from data.example_view import MIXED_COLOUR, luminance, text_colour


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_every_section_badge_reads_on_its_colour(curated):
    for colour in [*curated.section_colours.values(), MIXED_COLOUR]:
        text = "#111111" if text_colour(colour) == "#111" else "#ffffff"
        assert contrast(colour, text) >= 4.5, colour
