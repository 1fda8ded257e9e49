"""Regenerate the README's screenshots in docs/: ``.venv/bin/python -m docs.screenshots [OUT_DIR]``
(``--kit``: only the field kit's, opened from file:// with the network off).

Each shot waits for the script run to end and for every map on screen to have drawn its land.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

from bench.app_server import ROOT, start_app

SMALL, LARGE = {"width": 1280, "height": 720}, {"width": 1920, "height": 1080}
PLAYLIST = "ids=darfur-womens-forums&ids=liberia-gbv-crimes-unit&ids=haiti-sgbv-justice-police"
SHOTS = (  # file name, link, screen (a "#" part: the heading to scroll to)
    ("explore-1280x720.png", "", SMALL),
    ("explore-1920x1080.png", "", LARGE),
    ("explore-filtered-1280x720.png", "?section=elections", SMALL),
    ("explore-fr-1280x720.png", "?lang=fr", SMALL),
    ("explore-fr-1920x1080.png", "?lang=fr", LARGE),
    ("explore-es-1280x720.png", "?lang=es&section=elections", SMALL),
    ("explore-es-1920x1080.png", "?lang=es", LARGE),
    ("present-slide-1-1920x1080.png", f"?view=present&{PLAYLIST}&slide=1", LARGE),
    ("present-slide-2-1920x1080.png", f"?view=present&{PLAYLIST}&slide=2", LARGE),
    ("present-slide-1-1280x720.png", f"?view=present&{PLAYLIST}&slide=1", SMALL),
    ("present-fr-1920x1080.png", "?lang=fr&view=present&ids=darfur-womens-forums&slide=1", LARGE),
    ("present-es-1280x720.png", "?lang=es&view=present&ids=darfur-womens-forums&slide=1", SMALL),
    ("timeline-1280x720.png", "#When", SMALL),
    ("timeline-1920x1080.png", "#When", LARGE),
    ("timeline-fr-1280x720.png", "?lang=fr#Quand", SMALL),
    ("timeline-fr-1920x1080.png", "?lang=fr#Quand", LARGE),
    ("timeline-es-1280x720.png", "?lang=es#Cuándo", SMALL),
    ("timeline-es-1920x1080.png", "?lang=es#Cuándo", LARGE),
)

KIT_SHOTS = (  # file name, the kit's "#" part, screen
    ("kit-1280x720.png", "", SMALL),
    ("kit-1920x1080.png", "", LARGE),
    ("kit-fr-1280x720.png", "lang=fr&q=police", SMALL),
    ("kit-fr-1920x1080.png", "lang=fr", LARGE),
    ("kit-es-1280x720.png", "lang=es&section=elections", SMALL),
    ("kit-es-1920x1080.png", "lang=es", LARGE),
    ("kit-present-1920x1080.png", "section=elections&view=present&slide=1", LARGE),
    ("kit-present-fr-1280x720.png", "lang=fr&section=elections&view=present&slide=1", SMALL),
    ("kit-present-es-1920x1080.png", "lang=es&section=elections&view=present&slide=2", LARGE),
    ("kit-timeline-fr-1280x720.png", "lang=fr", SMALL),  # scrolled to the timeline
    ("kit-timeline-1920x1080.png", "", LARGE),
    ("kit-handout-1280x720.png", "view=handout", SMALL),  # the HTML handout
    ("kit-handout-es-1920x1080.png", "lang=es&view=handout", LARGE),
)


def kit_shots(browser, out: Path) -> None:
    from data.loader import load_dataset
    from kit.page import kit_html

    path = out / "explorer.html"
    path.write_text(kit_html(load_dataset()), encoding="utf-8")
    for name, part, screen in KIT_SHOTS:
        context = browser.new_context(viewport=screen, offline=True)
        page = context.new_page()
        page.goto(f"{path.as_uri()}#{part}")
        if "view=handout" in part:
            expect(page.locator("#handout .locator .geolayer").first).to_be_attached(timeout=60_000)
        elif "view=present" not in part:
            expect(page.locator("body[data-drawn]")).to_be_attached(timeout=60_000)
            expect(page.locator("#map .geolayer .layer.land path").first).to_be_attached(timeout=60_000)
        if "timeline" in name:
            page.locator("#timeline").evaluate("plot => plot.scrollIntoView({block: 'center'})")
        page.screenshot(path=out / name)
        print(out / name)
        context.close()
    path.unlink()


def settled(page: Page) -> None:
    """The script has run, every widget is drawn and every map has drawn the world's coastlines."""
    app = page.get_by_test_id("stApp")
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=60_000)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=60_000)  # widgets' code still loading
    for land in page.locator(".geolayer .layer.land path").all():
        expect(land).to_have_attribute("d", re.compile(r".{5000,}"), timeout=60_000)


def main(out: Path, kit_only: bool = False) -> None:
    out.mkdir(parents=True, exist_ok=True)
    process, url = start_app()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            kit_shots(browser, out)
            for name, query, screen in () if kit_only else SHOTS:
                context = browser.new_context(viewport=screen)
                page = context.new_page()
                query, _, heading = query.partition("#")
                page.goto(f"{url}/{query}")
                expect(page.locator(".geolayer .layer.land path").first).to_be_attached(timeout=60_000)
                settled(page)
                if heading:
                    page.get_by_role("heading", name=heading, exact=True).evaluate("h => h.scrollIntoView()")
                page.screenshot(path=out / name)
                print(out / name)
                context.close()
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    folders = [a for a in sys.argv[1:] if a != "--kit"]
    main(Path(folders[0]) if folders else ROOT / "docs", kit_only="--kit" in sys.argv)
