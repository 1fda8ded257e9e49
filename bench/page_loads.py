"""Where a browser test's page load goes: one browser profile opens the explore view three times, the
presenter twice and a filtered explore view once (as the tests do), and prints the seconds from the
start of navigation until the app, the count line (or the slide), the map's land, the whole page
(the first screen's second run) and the end of the script's run.

    .venv/bin/python bench/page_loads.py
"""

import sys
import time
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.app_server import start_app, stop_app  # noqa: E402

expect.set_options(timeout=30_000)
QUERIES = ["", "", "", "?view=present", "?view=present", "?section=justice"]


def main() -> None:
    process, base = start_app()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-background-networking"]
            )
            context = browser.new_context(viewport={"width": 1280, "height": 720})
            for query in QUERIES:
                page = context.new_page()
                start, marks = time.perf_counter(), {}
                page.goto(f"{base}/{query}")
                expect(page.get_by_test_id("stApp")).to_be_visible()
                marks["app"] = time.perf_counter() - start
                first = page.get_by_test_id("count-line").or_(page.get_by_test_id("slide-counter")).first
                expect(first).to_be_visible()
                marks["count"] = time.perf_counter() - start
                if "view=present" not in query:
                    expect(page.locator(".geolayer .layer.land path").first).to_be_attached()
                    marks["land"] = time.perf_counter() - start
                    expect(page.locator(".st-key-rest_of_page")).to_have_count(0)
                    marks["whole page"] = time.perf_counter() - start
                expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")
                expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)
                marks["done"] = time.perf_counter() - start
                print(f"{query or '/':<20}", "  ".join(f"{name} {value:.2f} s" for name, value in marks.items()))
                page.close()
    finally:
        stop_app(process)


if __name__ == "__main__":
    main()
