"""A live session under load: N participants follow a trainer through S slides.

    python bench/load.py --live                                  # 40 participants, 20 slides
    python bench/load.py --live --participants 5 --slides 4      # the reduced form CI runs

Each participant is a Streamlit session driven at the protocol level, as the browser's page drives it
(a websocket to ``/_stcore/stream``: the first run of ``?join=CODE``; then, as
components/room_follow.js does, ``GET /room/CODE/revision`` twice a second and, once the revision
changed, ``GET /room/CODE/slide``, whose slide the phone shows, or, when its widgets change, a press of
the hidden "Follow the trainer" button), so 40 of them measure the server, not 40 browsers on two cores.
The trainer moves through the store (``LiveSessions.change``, as the presenter does).
Prints the follow delay (the trainer's move to the new slide's title reaching a participant) p50,
p95, max, and the app process's memory per participant. Exit status 1 when a participant never
followed.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.app_server import start_app, stop_app
from bench.synthetic import publish_examples
from components.room import PHONE_POLL_SECONDS
from store.collection import Store
from store.live import LiveSessions
from store.presentations import Presentations
from store.roles import Actor

TITLE = re.compile(r'class="slide-title">([^<]*)<')
FOLLOW = re.compile(r"const FOLLOW = (\{[^}]*\})")  # the revision, widgets and language a page was drawn at
TRAINER = Actor("tina", "editor")
FOLLOW_TARGET_S, MEMORY_TARGET_MB = 2.0, 5.0


@dataclass
class Participant:
    """One phone: the slide titles it was shown, with when."""

    seen: list[tuple[float, str]] = field(default_factory=list)
    running: bool = True  # a run of this session is going on: the poll waits (a poll would queue behind it)
    polls: int = 0  # the polls it sent
    revision: int = -1  # the live session's revision its page shows
    form: str = ""  # what its widgets ask (components/room.py: phone_form)
    lang: str = "en"
    button: str = ""  # the hidden "Follow the trainer" button's widget id

    @property
    def title(self) -> str:
        return self.seen[-1][1] if self.seen else ""

    async def follow(self, base: str, code: str, stop: asyncio.Event, client: httpx.AsyncClient) -> None:
        stream = base.replace("http", "ws", 1) + "/_stcore/stream"
        async with websockets.connect(stream, subprotocols=["streamlit"], max_size=None) as socket:
            first = BackMsg()
            first.rerun_script.query_string = f"join={code}"
            await socket.send(first.SerializeToString())
            polls: asyncio.Task | None = None
            page = ""
            while not stop.is_set():
                try:
                    data = await asyncio.wait_for(socket.recv(), 0.5)
                except TimeoutError:
                    continue
                message = ForwardMsg()
                message.ParseFromString(data)
                kind = message.WhichOneof("type")
                if kind == "new_session":
                    page = message.new_session.page_script_hash
                elif kind == "session_status_changed":
                    self.running = message.session_status_changed.script_is_running
                elif kind == "script_finished":
                    self.running = False
                elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                    element = message.delta.new_element
                    if element.WhichOneof("type") == "button" and element.button.id.endswith("room_follow_button"):
                        self.button = element.button.id
                    elif element.WhichOneof("type") == "html":
                        if drawn := FOLLOW.search(element.html.body):
                            follow = json.loads(drawn.group(1))
                            self.revision, self.form, self.lang = follow["revision"], follow["form"], follow["lang"]
                        self.shown(element.html.body)
                if self.button and polls is None:  # the page's script starts asking
                    press = BackMsg()
                    press.rerun_script.query_string = f"join={code}"
                    press.rerun_script.page_script_hash = page
                    press.rerun_script.widget_states.widgets.append(WidgetState(id=self.button, trigger_value=True))
                    polls = asyncio.create_task(self.poll(socket, press, f"{base}/room/{code}", client, stop))
            if polls:
                polls.cancel()

    def shown(self, html: str) -> None:
        found = TITLE.search(html)
        if found and found.group(1) != self.title:
            self.seen.append((time.perf_counter(), found.group(1)))

    async def poll(self, socket, press: BackMsg, url: str, client: httpx.AsyncClient, stop: asyncio.Event) -> None:
        """As components/room_follow.js: ask the route; once the trainer moved, show the slide route's
        slide, or press the button when the widgets change."""
        while not stop.is_set():
            await asyncio.sleep(PHONE_POLL_SECONDS)
            if self.running:
                continue
            self.polls += 1
            answer = await client.get(f"{url}/revision")
            if answer.status_code != 200 or answer.json()["revision"] == self.revision:
                continue
            slide = await client.get(f"{url}/slide", params={"lang": self.lang})
            view = slide.json() if slide.status_code == 200 else {}
            if view.get("form") == self.form:
                self.revision = view["revision"]
                self.shown(view["html"])
            else:
                self.running = True
                await socket.send(press.SerializeToString())


def cpu_seconds(pid: int) -> float:
    """The process's user and system CPU time so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else float("nan")


def prepared_store(folder: Path, slides: int) -> tuple[str, list[str]]:
    """A store with ``slides`` published examples in a saved presentation; its URL and the titles."""
    url = f"sqlite:///{folder / 'collection.sqlite3'}"
    store = Store(url)
    store.ensure_seeded()
    frame = publish_examples(store, folder / "deck.csv", slides, "live", "Slide example {}")
    store.engine.dispose()
    return url, list(frame["title"])


async def run(base: str, store_url: str, titles: list[str], participants: int, pid: int, timeout: float) -> int:
    store = Store(store_url)
    sessions = LiveSessions(store)
    slug = Presentations(store).save(TRAINER, "Load", [f"live-{i}" for i in range(len(titles))], content_note=True)
    code = sessions.start(TRAINER, slug, base)
    warm = Participant()  # one session first, so the memory counted below is the participants' own
    stop = asyncio.Event()
    client = httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=None))  # the phones' polls
    warming = asyncio.create_task(warm.follow(base, code, stop, client))
    await until(lambda: warm.title == "Content note", timeout)
    stop.set()
    await warming
    before = resident_mb(pid)

    stop = asyncio.Event()
    room = [Participant() for _ in range(participants)]
    tasks = [asyncio.create_task(p.follow(base, code, stop, client)) for p in room]
    joined = await until(lambda: all(p.title == "Content note" for p in room), timeout)
    delays: list[float] = []
    missed = 0 if joined else sum(p.title != "Content note" for p in room)
    cpu, polls = cpu_seconds(pid), sum(p.polls for p in room)
    for slide, title in enumerate(titles, 1):
        moved = time.perf_counter()
        sessions.change(TRAINER, code, slide=slide)
        await until(lambda title=title: all(p.title == title for p in room), timeout)
        for p in room:
            at = next((t for t, shown in p.seen if shown == title), None)
            if at is None:
                missed += 1
            else:
                delays.append(at - moved)
    after = resident_mb(pid)
    cpu, polls = cpu_seconds(pid) - cpu, sum(p.polls for p in room) - polls
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    await client.aclose()
    store.engine.dispose()

    per_participant = (after - before) / participants
    p95 = percentile(delays, 0.95)
    print(f"participants: {participants}, slides: {len(titles)}, follows: {len(delays)}, missed: {missed}")
    print(f"{'':<24}{'p50':>9}{'p95':>9}{'max':>9}")
    print(
        f"{'follow delay (s)':<24}{statistics.median(delays) if delays else float('nan'):>9.2f}"
        f"{p95:>9.2f}{max(delays, default=float('nan')):>9.2f}"
    )
    print(
        f"server CPU while the room followed: {cpu:.2f} s for {polls} polls: {1000 * cpu / max(polls, 1):.1f} ms a poll"
    )
    print(f"app memory: {before:.0f} MB before, {after:.0f} MB with the room: {per_participant:.2f} MB a participant")
    verdict = "PASS" if missed == 0 and p95 <= FOLLOW_TARGET_S and per_participant < MEMORY_TARGET_MB else "MISS"
    print(f"target (p95 follow <= {FOLLOW_TARGET_S:g} s, < {MEMORY_TARGET_MB:g} MB a participant): {verdict}")
    return 1 if missed else 0


async def until(condition, timeout: float) -> bool:
    """Wait (polling every 20 ms) until ``condition()`` holds; whether it did within ``timeout``."""
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            return False
        await asyncio.sleep(0.02)
    return True


def main(participants: int, slides: int, timeout: float) -> int:
    with tempfile.TemporaryDirectory(prefix="ppe-live-") as folder:
        store_url, titles = prepared_store(Path(folder), slides)
        process, base = start_app(database=store_url)
        try:
            return asyncio.run(run(base, store_url, titles, participants, process.pid, timeout))
        finally:
            stop_app(process)
