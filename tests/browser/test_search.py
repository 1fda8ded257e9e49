"""Search that shows why, as a person sees it (counts beside the options: tests/browser/test_explore.py)."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import SHOTS


def test_found_words_are_highlighted_whatever_their_case_and_accents(visit):
    page = visit.open("?q=cote%20QUOTA")
    expect(page.get_by_test_id("count-line")).to_have_text("Showing 1 of 9 examples")
    card = page.locator("article.card")
    expect(card.locator("h3 mark")).to_have_text(["Quota", "Côte"])
    card.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "search-highlight-1280x720.png")
    page.get_by_label("Search words", exact=True).fill("women")  # and most relevant first
    page.get_by_label("Search words", exact=True).press("Enter")
    expect(page.locator("article.card h3").first).to_have_text("Radio outreach on DDR to women")
    page.get_by_text("Most relevant first").click()
    expect(page.locator("article.card h3").first).to_have_text("Women's Forums held by female UNPOL officers")
    expect(page).to_have_url(re.compile(r"order=relevance"))


def test_a_misspelt_search_offers_the_spelling_that_finds_examples(visit):
    page = visit.open("?q=polise")
    expect(page.get_by_test_id("count-line")).to_have_text("Showing 0 of 9 examples")
    page.get_by_role("button", name="Search “police” (2 examples)").click()
    expect(page.get_by_test_id("count-line")).to_have_text("Showing 2 of 9 examples")
    expect(page).to_have_url(re.compile(r"q=police"))
