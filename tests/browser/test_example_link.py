"""A link to one example: its card first and marked, even outside the filters; every card's "Copy link"."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import SHOTS


def test_a_link_opens_its_example_first_and_a_card_copies_its_own(visit, app_url):
    visit.page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    page = visit.open("?section=elections&example=haiti-sgbv-justice-police&lang=fr")
    first = page.locator("article.card").first
    expect(first).to_have_class(re.compile(r"\blinked\b"))
    expect(first).to_contain_text("Le lien ouvre cet exemple (hors de ces filtres)")
    expect(page.get_by_test_id("count-line")).to_have_text("3 exemples sur 9")  # the count stays the filters'
    first.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "example-link-fr-1280x720.png")

    page.locator("article.card").nth(1).get_by_role("link", name=re.compile("Copier le lien")).click()
    expect(page.locator("article.card").nth(1).get_by_role("link", name=re.compile("Lien copié"))).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert re.fullmatch(rf"{re.escape(app_url)}/\?example=[a-z-]+&lang=fr", copied), copied

    page.goto(copied)
    visit.wait()
    expect(page.locator("article.card.linked")).to_have_count(1)
    expect(page.locator("article.card").first).to_contain_text("Le lien ouvre cet exemple")
    page.get_by_role("button", name="Fermer l’exemple du lien").click()
    expect(page.locator("article.card.linked")).to_have_count(0)
    expect(page).not_to_have_url(re.compile(r"example="))


def test_an_unknown_example_is_named(visit):
    page = visit.open("?example=no-such-thing")
    expect(page.get_by_text("Ignored example='no-such-thing': no such example.")).to_be_visible()
    expect(page.get_by_test_id("count-line")).to_have_text("Showing 9 of 9 examples")
