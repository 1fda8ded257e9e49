"""An axe audit (axe-core, bundled by axe-playwright-python) of the explore and presenter views and
after an upload: no serious or critical violation. French and Spanish pages are audited where the
languages' tests open them (tests/browser/test_languages.py)."""

import pytest
from playwright.sync_api import expect

from bench.app_server import ROOT
from tests.browser.conftest import serious

PLAYLIST = "ids=darfur-womens-forums&ids=liberia-gbv-crimes-unit"


def test_explore_view(visit):
    page = visit.open()
    expect(page.locator(".geolayer .layer.land path").first).to_be_attached()
    assert serious(page) == []


@pytest.mark.parametrize("lang", ["es"])  # the longest labels; the views' structure is the same in all three
def test_presenter_view(visit, lang):
    page = visit.open(f"?lang={lang}&view=present&{PLAYLIST}&slide=1")
    expect(page.locator(".slide-title")).to_be_visible()
    expect(page.locator(".geolayer .layer.land path").first).to_be_attached()
    assert serious(page) == []


def test_after_an_upload(visit):
    page = visit.open()
    page.get_by_text("Your examples (upload a CSV or XLSX)").click()
    files = ROOT / "tests" / "fixtures" / "bad"
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(files / "mixed-valid-invalid.csv")
    expect(page.get_by_test_id("count-line")).to_have_text("Showing 11 of 11 examples")
    visit.wait()
    assert serious(page) == []
