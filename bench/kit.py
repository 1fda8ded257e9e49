"""The field kit against the dashboard, in one run: each kit's size, the time from opening it
(file://, network off) until the count and the map's land are drawn, and a filter click until the
count changes; beside them, the dashboard's first load (a fresh browser profile, until the count
line and the map's land), measured the same way: in the page, on every animation frame (Playwright's
own polling, 100 to 1,000 ms apart, rounded the first figures of 2026-12-01 up by up to 0.5 s).

    .venv/bin/python bench/kit.py            # the curated examples and 10,000 synthetic ones, 5 repeats
    .venv/bin/python bench/kit.py --quick    # CI: 1,000 examples, 1 repeat (fails only if the kit breaks)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from bench.app_server import start_app, stop_app  # noqa: E402
from bench.run import LOADED, shown  # noqa: E402
from bench.synthetic import write_examples  # noqa: E402
from data.loader import load_dataset  # noqa: E402
from kit.page import kit_html  # noqa: E402

ARGS = ["--no-sandbox", "--disable-background-networking"]


WATCH = """() => {
    window.clicks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => e.name === "click" && clicks.push(e)))
        .observe({ type: "event", durationThreshold: 16, buffered: true });
    window.drawnBefore = Number(document.body.dataset.drawn);
    document.addEventListener("click", (e) => { window.clickedAt = e.timeStamp; }, { capture: true, once: true });
}"""
# The click's Event Timing entry (its handlers and the next paint: what INP measures) comes only for a
# click of 16 ms or more, so a faster one is counted as 16 ms; the map and timeline from the click's time.
ANSWERED = """async () => {
    const tick = () => new Promise((done) => setTimeout(done, 10));
    while (Number(document.body.dataset.drawn) === drawnBefore) {
        if (performance.now() - clickedAt > 30000) throw new Error("the kit did not redraw within 30 s of the click");
        await tick();
    }
    const plotted = performance.now() - clickedAt, drawn = performance.now();
    while (clicks.length === 0 && performance.now() - drawn < 1000) await tick();
    return [clicks.length ? clicks[0].duration : 16, plotted];
}"""


def opened(page, url: str) -> float:
    """Seconds from the start of navigation until the count line and the map's land are drawn, timed in
    the page on every animation frame (bench/run.py: LOADED)."""
    page.goto(url, wait_until="commit")
    return shown(page, LOADED) / 1000


def open_kit(browser, path: Path) -> tuple[float, float, float]:
    """Seconds until the count and the land are drawn; then, from a click on the first section, until the
    count and the cards are painted (the click's Event Timing duration, as INP counts it) and until the
    map and the timeline are redrawn (timed in the page, from the click)."""
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 720})
    page = context.new_page()
    seconds = opened(page, path.as_uri())
    expect(page.locator("body[data-drawn]")).to_be_attached()
    page.evaluate(WATCH)
    page.locator("#filters fieldset.choices input").first.click()
    answered, plotted = page.evaluate(ANSWERED)
    context.close()
    return seconds, answered / 1000, plotted / 1000


def dashboard_first_load(browser, base: str) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    seconds = opened(context.new_page(), base)
    context.close()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    repeats, sizes = (1, [1_000]) if args.quick else (5, [10_000])
    expect.set_options(timeout=60_000)
    folder = Path(tempfile.mkdtemp(prefix="ppe-kit-bench-"))
    kits = {"curated": folder / "curated.html"}
    kits["curated"].write_text(kit_html(load_dataset()), encoding="utf-8")
    built = {}
    for size in sizes:
        dataset = load_dataset(write_examples(folder / f"examples-{size}.csv", size))
        start = time.perf_counter()
        kits[f"{size:,}"] = folder / f"kit-{size}.html"
        kits[f"{size:,}"].write_text(kit_html(dataset), encoding="utf-8")
        built[f"{size:,}"] = time.perf_counter() - start
    process, base = start_app()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            times: dict[str, list[tuple[float, float, float]]] = {name: [] for name in kits}
            first_loads = []
            for _ in range(repeats):  # round robin: the same conditions for each
                for name, path in kits.items():
                    times[name].append(open_kit(browser, path))
                first_loads.append(dashboard_first_load(browser, base))
            browser.close()
    finally:
        stop_app(process)
    print(
        "| | size | built in | open: count and map | a filter click: count and cards painted "
        "| … map and timeline redrawn |"
    )
    print("|---|---|---|---|---|---|")
    for name, path in kits.items():
        opened, answered, plotted = zip(*times[name])
        size = path.stat().st_size / 1e6
        print(
            f"| the kit, {name} examples | {size:.2f} MB | {built.get(name, 0):.1f} s | "
            f"{statistics.median(opened):.2f} / {max(opened):.2f} s | "
            f"{statistics.median(answered) * 1000:.0f} / {max(answered) * 1000:.0f} ms | "
            f"{statistics.median(plotted) * 1000:.0f} / {max(plotted) * 1000:.0f} ms |"
        )
    print(
        f"| the dashboard's first load (curated, fresh profile) | | | "
        f"{statistics.median(first_loads):.2f} / {max(first_loads):.2f} s | | |"
    )
    print("(medians / maxima)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
