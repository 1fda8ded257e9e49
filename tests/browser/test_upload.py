"""Uploading examples in the browser: the count grows, problems are listed, HTML stays text."""

import re
from pathlib import Path

from playwright.sync_api import expect

from bench.app_server import ROOT
from components.your_data import template_csv

BAD = ROOT / "tests" / "fixtures" / "bad"


def upload(page, name: str) -> None:
    page.get_by_text("Your examples (upload a CSV or XLSX)").click()
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(BAD / name)


def test_a_valid_upload_grows_the_count_and_widens_the_filters(visit, tmp_path):
    page = visit.open("?section=justice")
    expect(page.get_by_test_id("count-line")).to_have_text("Showing 2 of 9 examples")
    upload(page, "country-names.csv")  # an elections example
    expect(page.get_by_test_id("count-line")).to_have_text("Showing 10 of 10 examples")
    expect(page.get_by_text("Every filter was cleared")).to_be_visible()
    expect(page).not_to_have_url(re.compile(r"section="))
    expect(page.get_by_text("Your file: 1 of 1 rows in use")).to_be_visible()
    expect(page.locator("article.card", has_text="Women voters in Abidjan").get_by_text("Your data")).to_be_visible()
    # the offline explorer of what is on screen holds the upload too, and opens with no network
    page.get_by_text("Download these 10 examples").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Offline explorer of these 10 examples").click()
    assert re.fullmatch(r"explorer-.+-en\.html", download.value.suggested_filename)
    kit = tmp_path / download.value.suggested_filename
    download.value.save_as(kit)
    offline = page.context.browser.new_context(offline=True)
    opened = offline.new_page()
    opened.goto(kit.as_uri())
    expect(opened.get_by_test_id("count-line")).to_have_text("Showing 10 of 10 examples")
    mine = opened.locator("article.card", has_text="Women voters in Abidjan")
    expect(mine.locator(".yours")).to_have_text("Your data")
    expect(opened.locator("article.card .yours")).to_have_count(1)  # the curated examples are not marked
    offline.close()


def test_bad_upload_shows_the_problem_table_and_the_app_still_works(visit):
    page = visit.open()
    upload(page, "mixed-valid-invalid.csv")
    expect(page.get_by_text("Your file: 2 of 3 rows in use; 1 left out")).to_be_visible()
    with page.expect_download() as download:  # the template, made when it is asked for
        page.get_by_role("button", name="Template CSV").click()
    assert download.value.suggested_filename == "examples-template.csv"
    assert Path(download.value.path()).read_bytes() == template_csv()
    problems = page.get_by_test_id("stExpander").filter(has_text="Problems in your file (1)")
    expect(problems.get_by_test_id("stTable")).to_be_visible()
    expect(problems.get_by_test_id("stTable")).to_contain_text("How to fix it")
    expect(page.get_by_test_id("count-line")).to_have_text("Showing 11 of 11 examples")
    expect(page.get_by_test_id("stMain").get_by_text("Your file: 2 of 3 rows in use; 1 left out")).to_be_visible()
    page.get_by_test_id("stSidebar").get_by_role("radio", name="Present").click()  # the report stays off the slide
    expect(page.get_by_test_id("slide-counter")).to_have_text("Content note")
    expect(page.get_by_test_id("stSidebar").get_by_text("Your file: 2 of 3 rows in use; 1 left out")).to_be_visible()
    assert page.get_by_test_id("stMain").get_by_text("Your file:").count() == 0
    page.get_by_test_id("stSidebar").get_by_role("radio", name="Explore").click()  # the file goes along
    expect(page.get_by_test_id("count-line")).to_have_text("Showing 11 of 11 examples")
    page.goto(page.url.split("?")[0] + "?section=elections")
    visit.wait()
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_html_in_an_upload_is_shown_as_text_and_never_runs(visit):
    page = visit.open()
    upload(page, "html-script.csv")
    card = page.locator("article.card", has_text="window.pwned=1")
    expect(card.locator("h3")).to_have_text("<script>window.pwned=1</script>Forum <b>bold</b>")
    expect(card).to_contain_text('<img src=x onerror="window.pwned=2"> [link](javascript:alert(1)) text.')
    assert card.locator("script, img, b, a:not(.copy-link)").count() == 0  # nothing was injected into the page
    assert page.evaluate("window.pwned === undefined")
    expect(page.get_by_text(re.compile(r"2 cell\(s\) contain HTML or script"))).to_be_visible()
