"""French and Spanish in the browser: counts, section names, cards, screenshots (the presenter in French:
tests/browser/test_saved_presentations.py)."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import SHOTS, serious


def test_french(visit):
    page = visit.open("?lang=fr")
    expect(page.get_by_test_id("count-line")).to_have_text("9 exemples sur 9")
    expect(page.locator("div.legend")).to_contain_text("Réforme du secteur de la sécurité")  # not plotly's <g>
    expect(page.locator("article.card h3").first).to_have_text("Informer les femmes sur le DDR par la radio")
    expect(page.locator("article.card").first).to_contain_text("Année non précisée")
    expect(page.get_by_role("button", name="Effacer tous les filtres")).to_be_visible()
    expect(page.locator(".geolayer .layer.land path").first).to_be_attached()
    page.screenshot(path=SHOTS / "explore-fr-1280x720.png")
    assert serious(page) == []


def test_spanish_with_a_filter(visit):
    page = visit.open("?lang=es&section=elections")
    expect(page.get_by_test_id("count-line")).to_have_text("3 de 9 ejemplos")
    expect(page.locator("article.card .badge").first).to_have_text("Elecciones")
    expect(page.locator("article.card h3").first).to_have_text("Un equipo de tareas para las votantes en el Afganistán")
    expect(page).to_have_url(re.compile(r"lang=es"))
    expect(page.locator(".geolayer .layer.land path").first).to_be_attached()
    page.screenshot(path=SHOTS / "explore-es-1280x720.png")
    assert serious(page) == []


def test_switching_language_keeps_the_filters(visit):
    page = visit.open("?section=justice")
    expect(page.get_by_test_id("count-line")).to_have_text("Showing 2 of 9 examples")
    page.get_by_role("radio", name="Español").click()
    expect(page.get_by_test_id("count-line")).to_have_text("2 de 9 ejemplos")
    expect(page).to_have_url(re.compile(r"lang=es"))
