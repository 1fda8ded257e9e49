"""Many viewers at once: N concurrent headless browser sessions load the page and change a filter twice.

    python bench/load.py                 # 30 sessions against a fresh app on loopback
    python bench/load.py --sessions 5    # the reduced form CI runs
    python bench/load.py --url http://127.0.0.1:8080   # target a running deployment (e.g. deploy/nginx.conf)
    python bench/load.py --live          # a live session: 40 participants follow 20 slides (bench/live_load.py)
    python bench/load.py --viewers 30    # 30 viewers at the protocol level, not browsers (bench/viewers.py)
    python bench/load.py --viewers 100 --deployment   # through deploy/run: two processes behind nginx
    python bench/load.py --publish       # with 100,000 examples: a publish until both processes show it

Prints how many sessions saw every count right, p50/p95 of the page load and of each filter change, and
the errors. Exit status 1 only when a session got a wrong count or an error (never for being slow).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.async_api import async_playwright, expect  # noqa: E402

from bench import live_load, publish, viewers  # noqa: E402
from bench.app_server import start_app  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"]
# (what the session does, the count it must then see)
STEPS = (
    ("load", "Showing 9 of 9 examples"),
    ("q=radio", "Showing 1 of 9 examples"),
    ("q=liberia", "Showing 2 of 9 examples"),
)


async def session(browser, url: str, timeout_ms: int) -> tuple[list[float], str]:
    """One viewer: its step times in seconds, and an error ('' when every count was right)."""
    context = await browser.new_context(viewport={"width": 1280, "height": 720})
    page = await context.new_page()
    times: list[float] = []
    try:
        count = page.get_by_test_id("count-line")
        for step, expected in STEPS:
            started = time.perf_counter()
            if step == "load":
                await page.goto(url, timeout=timeout_ms)
            else:
                search = page.get_by_label("Search words", exact=True)
                await search.fill(step.split("=", 1)[1], timeout=timeout_ms)
                await search.press("Enter", timeout=timeout_ms)
            await expect(count).to_have_text(expected, timeout=timeout_ms)
            times.append(time.perf_counter() - started)
        return times, ""
    except Exception as error:  # a failed session is reported, not raised
        return times, f"{type(error).__name__}: {str(error).splitlines()[0][:160]}"
    finally:
        await context.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else float("nan")


async def run(url: str, sessions: int, timeout_ms: int) -> int:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        started = time.perf_counter()
        results = await asyncio.gather(*(session(browser, url, timeout_ms) for _ in range(sessions)))
        wall = time.perf_counter() - started
        await browser.close()
    correct = sum(1 for _, error in results if not error)
    print(f"sessions: {sessions}, correct counts: {correct}/{sessions}, wall time {wall:.1f} s")
    print(f"{'step':<12}{'n':>4}{'p50 (s)':>10}{'p95 (s)':>10}{'max (s)':>10}")
    for index, (step, _) in enumerate(STEPS):
        values = [times[index] for times, _ in results if len(times) > index]
        print(
            f"{step:<12}{len(values):>4}{statistics.median(values) if values else float('nan'):>10.2f}"
            f"{percentile(values, 0.95):>10.2f}{max(values, default=float('nan')):>10.2f}"
        )
    every = [t for times, _ in results for t in times]
    print(
        f"{'all steps':<12}{len(every):>4}{statistics.median(every) if every else float('nan'):>10.2f}"
        f"{percentile(every, 0.95):>10.2f}{max(every, default=float('nan')):>10.2f}"
    )
    target = "PASS" if correct == sessions and percentile(every, 0.95) < 3 else "MISS"
    print(f"target (all correct, p95 < 3 s): {target}")
    for _, error in results:
        if error:
            print("error:", error)
    return 0 if correct == sessions else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--url", help="a running app; by default one is started on loopback")
    parser.add_argument("--timeout", type=float, default=60, help="seconds a step may take before it is an error")
    parser.add_argument("--live", action="store_true", help="a live session's room instead of viewers")
    parser.add_argument("--participants", type=int, default=40, help="with --live")
    parser.add_argument("--slides", type=int, default=20, help="with --live")
    parser.add_argument("--viewers", type=int, help="N viewers at the protocol level instead of browsers")
    parser.add_argument("--deployment", action="store_true", help="with --viewers: through deploy/run (nginx)")
    parser.add_argument("--database", help="with --viewers --url: the store that server reads (for the right counts)")
    parser.add_argument("--examples", type=int, help="synthetic examples added: --viewers 600, --publish 100,000")
    parser.add_argument("--ramp", type=float, default=10, help="with --viewers: seconds over which the viewers arrive")
    parser.add_argument("--think", type=float, default=2, help="with --viewers: mean seconds between two interactions")
    parser.add_argument("--publish", action="store_true", help="a publish's delay until every process shows it")
    args = parser.parse_args()
    if args.publish:
        return publish.main(args.examples or 100_000, args.timeout)
    if args.viewers:
        return viewers.main(
            args.viewers,
            args.url,
            args.database,
            args.deployment,
            args.examples or 600,
            args.ramp,
            args.think,
            args.timeout,
        )
    if args.live:
        return live_load.main(args.participants, args.slides, args.timeout)
    process, url = (None, args.url) if args.url else start_app()
    try:
        return asyncio.run(run(url, args.sessions, int(args.timeout * 1000)))
    finally:
        if process:
            process.terminate()
            process.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
