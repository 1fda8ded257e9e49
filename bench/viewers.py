"""Many viewers at the protocol level: N Streamlit sessions driven as their pages drive them.

    python bench/load.py --viewers 30                    # one app process on a store of 600 examples
    python bench/load.py --viewers 100 --deployment      # deploy/run: two processes behind nginx
    python bench/load.py --viewers 5 --examples 60       # the short form CI runs

Each viewer is a websocket to ``/_stcore/stream`` speaking Streamlit's protobuf messages, as the browser's
page does: the first load (the first screen's run, then the hidden button that asks for the whole page,
``components/first_screen.py``), then two section filters, a search, the second page of cards and the
French page, with a think time between. Every widget is found by its key in the elements the server
sent and set with the value its page would send (a multiselect's options as drawn, with their counts);
the URL the server writes is sent back with each run, as a page's address bar does. After every step
the count line must give the count ``data/selection.py`` gives for those filters on the same examples
(and page 2 its first card): anything else, or any exception, is an error. Viewers arrive spread over
``--ramp`` seconds; the deployment's viewers come from different loopback addresses (127.0.K.1), so that
nginx's ``ip_hash`` spreads them over both processes as it would spread real viewers.

Prints p50, p95 and max per interaction, the errors, and the app processes' memory and CPU per viewer.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import websockets
from markupsafe import escape
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.app_server import start_app, start_deployment, stop_app, stop_deployment
from bench.live_load import cpu_seconds, percentile, resident_mb
from bench.synthetic import publish_examples
from components.cards import PAGE_SIZE
from data.filters import masks
from data.loader import Dataset, build_dataset, load_dataset
from data.localize import localize
from data.page import parse_url
from data.selection import select
from store.collection import Store

STEPS = ("first screen", "whole page", "cards page 2", "sections", "sections again", "search", "French")
TARGETS = {30: 1.0, 100: 2.0}  # issue 27: viewers → the p95 every interaction must keep (seconds)
COUNT = re.compile(r'data-testid="count-line">(.*?)</p>', re.S)
NUMBER = re.compile(r"\d[\d\u00a0\u202f,.]*")
SEARCH_WORDS = ("police", "radio", "court", "women training", "reform")
FINISHED = ForwardMsg.ScriptFinishedStatus


LOCALIZED: dict[tuple[int, str], Dataset] = {}


def localized(dataset: Dataset, lang: str) -> Dataset:
    if lang == "en":
        return dataset
    if (id(dataset), lang) not in LOCALIZED:
        LOCALIZED[id(dataset), lang] = localize(dataset, lang)
    return LOCALIZED[id(dataset), lang]


class WrongAnswer(Exception):
    """The page a viewer was sent is not the one its filters give."""


@dataclass
class Page:
    """What a viewer's page holds: its widgets by key, the count line, the cards, its address."""

    script: str = ""  # the page's script hash (new_session)
    query: str = ""  # the address's query, as the server last wrote it
    widgets: dict[str, tuple[str, object, str]] = field(default_factory=dict)  # key → (id, proto, fragment)
    count: tuple[int, int] | None = None
    cards: str = ""

    def take(self, message: ForwardMsg) -> None:
        kind = message.WhichOneof("type")
        if kind == "new_session":
            self.script = message.new_session.page_script_hash
        elif kind == "page_info_changed":
            self.query = message.page_info_changed.query_string
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            which = element.WhichOneof("type")
            proto = getattr(element, which)
            if hasattr(proto, "id") and "-" in getattr(proto, "id", ""):
                self.widgets[proto.id.rsplit("-", 1)[-1]] = (proto.id, proto, message.delta.fragment_id)
            body = element.markdown.body if which == "markdown" else element.html.body if which == "html" else ""
            if found := COUNT.search(body):
                numbers = [int(re.sub(r"\D", "", n)) for n in NUMBER.findall(found.group(1))]
                self.count = (numbers[0], numbers[1]) if len(numbers) >= 2 else None
            elif 'class="card' in body:
                self.cards = body

    def widget(self, key: str) -> tuple[str, object, str]:
        if key not in self.widgets:
            raise WrongAnswer(f"the page has no widget {key!r} (it has {sorted(self.widgets)[:12]})")
        return self.widgets[key]


class Viewer:
    """One viewer's session: a websocket and the page it has been sent."""

    def __init__(self, socket, dataset: Dataset):
        self.socket, self.dataset, self.page = socket, dataset, Page()
        self.lang = "en"  # the page's language: a search looks in the text as the page shows it
        self.params: dict[str, list[str]] = {}  # the filters this viewer chose, as the URL holds them

    async def run(
        self, states: list[WidgetState] = (), fragment: str = "", query: str | None = None, whole: bool = True
    ) -> None:
        """A run of the script, as the page asks for one; returns once the run has finished: the whole
        page's unless ``whole`` is false (a fragment's own run, such as the cards' next page)."""
        message = BackMsg()
        rerun = message.rerun_script
        rerun.query_string = self.page.query if query is None else query
        rerun.page_script_hash = self.page.script
        rerun.widget_states.widgets.extend(states)
        if fragment:
            rerun.fragment_id = fragment
        await self.socket.send(message.SerializeToString())
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await self.socket.recv())
            if reply.WhichOneof("type") == "ref_hash":
                raise WrongAnswer("the server sent a cached message's reference to a viewer that caches none")
            self.page.take(reply)
            if reply.WhichOneof("type") == "script_finished":
                status = reply.script_finished
                if status == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                    raise WrongAnswer("the script failed to compile")
                if status == FINISHED.FINISHED_SUCCESSFULLY or (
                    not whole and status == FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
                ):
                    return

    def expect(self, step: str) -> None:
        """The count line (and on page 2 the first card) is what ``data/selection.py`` gives."""
        dataset = localized(self.dataset, self.lang)
        state, _ = parse_url(self.params, dataset, "en")
        selection = select(dataset, state.filters, masks(dataset, state.filters))
        wanted = (selection.count, len(self.dataset.examples))
        if self.page.count != wanted:
            raise WrongAnswer(f"{step}: the count line said {self.page.count}, the selection gives {wanted}")
        if step == "cards page 2" and selection.count > PAGE_SIZE:
            first = str(escape(selection.examples["title"].iloc[PAGE_SIZE]))  # as the cards escape it
            if first not in self.page.cards:
                raise WrongAnswer(f"{step}: page 2 does not begin with {first!r}")

    def choose(self, key: str, chosen: list[str]) -> WidgetState:
        """A multiselect set to ``chosen`` (its options' values): the page sends the options as drawn."""
        widget_id, proto, _ = self.page.widget(key)
        values = list(self.dataset.section_names)
        state = WidgetState(id=widget_id)
        state.string_array_value.data.extend(proto.options[values.index(v)] for v in chosen)
        return state

    def typed(self, key: str, text: str) -> WidgetState:
        return WidgetState(id=self.page.widget(key)[0], string_value=text)

    def paged(self, number: int) -> tuple[WidgetState, str]:
        widget_id, _, fragment = self.page.widget("cards_page")
        return WidgetState(id=widget_id, int_value=number), fragment

    def clicked(self, key: str) -> tuple[WidgetState, str]:
        widget_id, _, fragment = self.page.widget(key)
        return WidgetState(id=widget_id, trigger_value=True), fragment


async def viewer(
    url: str, dataset: Dataset, number: int, start: float, think: float, spread: bool, timeout: float
) -> tuple[dict[str, float], str]:
    """One viewer's steps and their seconds, and an error ('' when every answer was right)."""
    rng = random.Random(number)
    await asyncio.sleep(start)
    times: dict[str, float] = {}
    stream = url.replace("http", "ws", 1) + "/_stcore/stream"
    local = {"local_addr": (f"127.0.{number % 250 + 1}.1", 0)} if spread else {}

    async def step(name: str, action) -> None:
        began = time.perf_counter()
        await asyncio.wait_for(action, timeout)
        times[name] = time.perf_counter() - began

    try:
        async with websockets.connect(stream, subprotocols=["streamlit"], max_size=None, **local) as socket:
            me = Viewer(socket, dataset)
            await step("first screen", me.run(query=""))
            me.expect("first screen")
            await asyncio.sleep(rng.uniform(0.5, 1.5))  # the browser draws the map before it asks for the rest
            button, fragment = me.clicked("rest_of_page_button")
            await step("whole page", me.run([button], fragment))
            me.expect("whole page")
            if len(dataset.examples) > PAGE_SIZE:  # else the cards have one page and no page buttons
                await asyncio.sleep(rng.uniform(0.5, 1.5) * think)
                page, fragment = me.paged(2)  # the cards are a fragment: only they are run
                await step("cards page 2", me.run([page], fragment, whole=False))
                me.expect("cards page 2")
            sections = list(dataset.section_names)
            for name in ("sections", "sections again"):
                await asyncio.sleep(rng.uniform(0.5, 1.5) * think)
                chosen = rng.sample(sections, rng.randint(1, 3))
                me.params["section"] = chosen
                await step(name, me.run([me.choose("section", chosen)]))
                me.expect(name)
            await asyncio.sleep(rng.uniform(0.5, 1.5) * think)
            words = rng.choice(SEARCH_WORDS)
            me.params = {"q": [words]}
            await step("search", me.run([me.choose("section", []), me.typed("q", words)]))
            me.expect("search")
            await asyncio.sleep(rng.uniform(0.5, 1.5) * think)
            lang = me.page.widget("lang")
            french = WidgetState(id=lang[0])
            french.string_array_value.data.append(next(o.content for o in lang[1].options if "Fran" in o.content))
            me.lang = "fr"
            await step("French", me.run([french]))
            me.expect("French")
        return times, ""
    except Exception as error:  # a failed viewer is reported, not raised
        return (
            times,
            f"viewer {number}: {type(error).__name__}: {str(error).splitlines()[0][:200] if str(error) else ''}",
        )


def prepared_store(url: str, folder: Path, examples: int) -> Dataset:
    """The store at ``url`` with the curated examples and ``examples`` synthetic ones, all published; the
    dataset the app builds from it (the same call as ``components/data_source.py``)."""
    store = Store(url)
    store.ensure_seeded()
    if examples:
        publish_examples(store, folder / "more.csv", examples, "load")
    dataset = build_dataset(store.published_frame(), "collection")
    store.engine.dispose()
    return dataset


def app_pids(ports: tuple[int, ...]) -> list[int]:
    """The app processes serving ``ports`` (``streamlit run`` with ``--server.port P``)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            args = Path(f"/proc/{pid}/cmdline").read_text().split("\0")
        except OSError:
            continue
        if "streamlit" in " ".join(args) and "--server.port" in args:
            if int(args[args.index("--server.port") + 1]) in ports:
                found.append(int(pid))
    return found


async def run(
    url: str,
    warm: list[str],
    dataset: Dataset,
    viewers: int,
    pids: list[int],
    ramp: float,
    think: float,
    spread: bool,
    timeout: float,
) -> int:
    # One viewer first, so that what is counted below is the viewers' own (the dataset loaded, caches warm).
    for process_url in warm:  # each process directly
        _, error = await viewer(process_url, dataset, viewers, 0, 0, False, timeout)
        if error:
            print("the first viewer failed:", error)
            return 1
    before, cpu = sum(resident_mb(p) for p in pids), sum(cpu_seconds(p) for p in pids)
    mine = time.process_time()
    began = time.perf_counter()
    results = await asyncio.gather(
        *(viewer(url, dataset, n, ramp * n / max(viewers, 1), think, spread, timeout) for n in range(viewers))
    )
    wall = time.perf_counter() - began
    memory, cpu = sum(resident_mb(p) for p in pids) - before, sum(cpu_seconds(p) for p in pids) - cpu
    mine = time.process_time() - mine
    errors = [error for _, error in results if error]
    print(
        f"viewers: {viewers} over {len(pids)} app process(es), {len(dataset.examples)} examples, "
        f"arriving over {ramp:g} s; wall time {wall:.1f} s; errors: {len(errors)}"
    )
    print(f"{'interaction':<16}{'n':>5}{'p50 (s)':>10}{'p95 (s)':>10}{'max (s)':>10}")
    worst = 0.0
    for name in STEPS:
        values = [times[name] for times, _ in results if name in times]
        p95 = percentile(values, 0.95)
        worst = max(worst, p95) if values else worst
        print(
            f"{name:<16}{len(values):>5}{statistics.median(values) if values else float('nan'):>10.2f}"
            f"{p95:>10.2f}{max(values, default=float('nan')):>10.2f}"
        )
    server = (
        f"app processes: {before:.0f} MB before, {memory:.0f} MB more with the viewers "
        f"({memory / max(viewers, 1):.2f} MB a viewer), "
        f"{cpu:.1f} s of CPU ({1000 * cpu / max(viewers, 1):.0f} ms a viewer's 7 interactions)"
        if pids
        else "app processes: not on this machine's ports 8501 and 8502, so their memory and CPU are not read"
    )
    print(f"{server}; the viewers' client: {mine:.1f} s of CPU")
    if viewers in TARGETS:
        verdict = "PASS" if not errors and worst <= TARGETS[viewers] else "MISS"
        print(f"target ({viewers} viewers: no errors, p95 <= {TARGETS[viewers]:g} s for every interaction): {verdict}")
    for error in errors[:10]:
        print("error:", error)
    return 1 if errors else 0


def main(
    viewers: int,
    url: str | None,
    database: str | None,
    deployment: bool,
    examples: int,
    ramp: float,
    think: float,
    timeout: float,
) -> int:
    if url:  # a running server on the store at ``database`` (else the curated examples alone), as it is
        dataset = build_dataset(Store(database).published_frame(), "collection") if database else load_dataset()
        spread = urlparse(url).hostname in ("127.0.0.1", "localhost")  # other loopback addresses reach only these
        return asyncio.run(run(url, [url], dataset, viewers, app_pids((8501, 8502)), ramp, think, spread, timeout))
    with tempfile.TemporaryDirectory(prefix="ppe-viewers-") as folder:
        store_url = database or f"sqlite:///{Path(folder) / 'collection.sqlite3'}"
        dataset = prepared_store(store_url, Path(folder), examples)
        if deployment:
            process = start_deployment({**os.environ, "DATABASE_URL": store_url})
            try:
                pids = app_pids((8501, 8502))
                warm = ["http://127.0.0.1:8501", "http://127.0.0.1:8502"]
                return asyncio.run(
                    run("http://127.0.0.1:8080", warm, dataset, viewers, pids, ramp, think, True, timeout)
                )
            finally:
                stop_deployment(process)
        process, base = start_app(database=store_url)
        try:
            return asyncio.run(run(base, [base], dataset, viewers, [process.pid], ramp, think, False, timeout))
        finally:
            stop_app(process)
