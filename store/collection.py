"""The collection's operations. Every write checks the actor's role here, on the server side,
bumps the collection's revision and appends a full snapshot to the history, in one transaction."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from alembic import command
from alembic.config import Config
from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from data.export import COLUMNS
from data.loader import EXAMPLES_FILE, Problem, check_examples, read_sections, read_version
from data.reading import read_table
from store.accounts import ADDRESSES, FORGOTTEN_AFTER, aware, delay_after, hashed, matches, recent_failures
from store.database import database_url, make_engine
from store.models import Collection, Example, Person, Revision
from store.roles import ROLES, Actor, require

MIGRATIONS = Path(__file__).with_name("migrations")
STATUSES = ("draft", "published", "retired")
SEED_AUTHOR = "seed"
PROGRESS_EVERY = 1_000
LOCK_CHUNK = 10_000  # ids in one locking query (SQLite allows 32,766 variables a statement)
REVISION = select(Collection.revision, Collection.changed_at).where(Collection.id == 1)
MAX_NAME, MAX_PASSWORD = 120, 1_024  # bounded before anything is hashed or looked up
Progress = Callable[[int, int], None] | None  # (rows written, rows to write)


class Conflict(Exception):
    """A save made on an older version of the example: nothing is written; both versions are kept."""

    def __init__(self, example_id: str, theirs: dict, yours: dict, version: int):
        super().__init__(f"{example_id} was changed by someone else (now version {version}).")
        self.example_id, self.theirs, self.yours, self.version = example_id, theirs, yours, version


class Stale(Exception):
    """A publish of versions that changed after the reviewer saw them: nothing is written."""

    def __init__(self, changed: Mapping[str, tuple[int, int]]):
        listed = ", ".join(f"{i} (you saw version {seen}, now {now})" for i, (seen, now) in changed.items())
        super().__init__(f"Nothing was published: changed since you looked: {listed}. Look at them again.")
        self.changed = dict(changed)


class Invalid(ValueError):
    """Cells that break the examples file's rules."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(f"{p.column}: {p.message}" for p in problems))
        self.problems = problems


class TooSoon(Exception):
    """A sign-in attempt from a client address that sent many wrong passwords, during its back-off."""

    def __init__(self, seconds: int):
        super().__init__(f"Too many wrong passwords from this address: try again in {seconds} s.")
        self.seconds = seconds


@dataclass(frozen=True)
class ImportReport:
    accepted: int  # new examples, as drafts
    refused: int
    problems: list[Problem]
    updated: int = 0  # examples already in the collection whose row differs: a new draft of each
    unchanged: int = 0  # rows the same as the example's current version: skipped


@dataclass(frozen=True)
class HistoryEntry:
    version: int
    status: str
    author: str
    at: datetime
    reason: str
    cells: dict
    changed: tuple[str, ...]  # the cells that differ from the version before


def now() -> datetime:
    return datetime.now(UTC)


def snapshot(
    example_id: str, version: int, status: str, cells: dict, actor: Actor, moment: datetime, reason: str
) -> Revision:
    """The history's row for one version of an example."""
    return Revision(
        example_id=example_id, version=version, status=status, cells=cells, author=actor.name, at=moment, reason=reason
    )


def text_cells(row: dict) -> dict[str, str]:
    return {column: str(row.get(column, "") or "") for column in COLUMNS}


@functools.lru_cache(maxsize=4)
def seed_rows(path: Path, modified_ns: int) -> pd.DataFrame:
    """A seed file's valid rows, read and checked once per version of the file (a store the tests
    empty and seed again costs 0.15 s instead of 0.45 s; the checks are most of it)."""
    valid, _ = check_examples(read_table(path.read_bytes(), path.name, limits=None), read_sections(), path.name)
    return valid


class Store:
    def __init__(self, url: str | None = None):
        self.url = database_url(url)
        self.engine = make_engine(self.url)

    # --- set-up -----------------------------------------------------------------------------
    def migrate(self) -> None:
        """Create or upgrade the tables (Alembic), and the collection's row."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        with Session(self.engine) as session, session.begin():
            if session.get(Collection, 1) is None:
                session.add(Collection(id=1, revision=0, changed_at=now()))

    def ensure_seeded(self, path: Path = EXAMPLES_FILE) -> int:
        """On first start: the curated examples, published. Returns how many were added."""
        self.migrate()
        with Session(self.engine) as session:
            if session.scalar(select(func.count()).select_from(Example)):
                return 0
        valid = seed_rows(path, path.stat().st_mtime_ns)
        version, _ = read_version()
        with Session(self.engine) as session, session.begin():
            if session.scalar(select(func.count()).select_from(Example)):  # another process seeded first
                return 0
            self.insert(session, valid, Actor(SEED_AUTHOR, "admin"), "published", f"First edition ({version})")
            return len(valid)

    # --- reading ----------------------------------------------------------------------------
    def revision(self) -> tuple[int, datetime]:
        """The collection's revision and when it moved (asked on every run of every page: one Core query,
        a fifth of what an ORM session costs)."""
        with self.engine.connect() as connection:
            row = connection.execute(REVISION).first()
            return (row.revision, aware(row.changed_at)) if row else (0, now())

    def published_frame(self) -> pd.DataFrame:
        """What viewers see: each example's published version (a pending draft does not change it)."""
        with Session(self.engine) as session:
            rows = session.scalars(
                select(Example.published_cells).where(Example.published_version.is_not(None)).order_by(Example.position)
            ).all()
            return pd.DataFrame([text_cells(cells) for cells in rows], columns=COLUMNS)

    def frame(self, statuses: Iterable[str] = ("published",)) -> pd.DataFrame:
        """The current versions of the examples with these statuses as text cells, in the order they were added."""
        with Session(self.engine) as session:
            rows = session.scalars(
                select(Example).where(Example.status.in_(list(statuses))).order_by(Example.position)
            ).all()
            return pd.DataFrame([text_cells(row.cells) for row in rows], columns=COLUMNS)

    def listing(self) -> pd.DataFrame:
        """Every example: id, status, version, title, who changed it last and when."""
        with Session(self.engine) as session:
            rows = session.scalars(select(Example).order_by(Example.position)).all()
            return pd.DataFrame(
                [
                    (
                        r.id,
                        r.status,
                        r.version,
                        r.published_version,
                        r.cells.get("title", ""),
                        r.changed_by,
                        aware(r.changed_at),
                    )
                    for r in rows
                ],
                columns=["id", "status", "version", "published_version", "title", "changed_by", "changed_at"],
            )

    def example(self, example_id: str) -> Example | None:
        with Session(self.engine, expire_on_commit=False) as session:
            return session.get(Example, example_id)

    def history(self, example_id: str) -> list[HistoryEntry]:
        """Every version, oldest first, with the cells that changed marked."""
        with Session(self.engine) as session:
            rows = session.scalars(
                select(Revision).where(Revision.example_id == example_id).order_by(Revision.version)
            ).all()
            entries, before = [], {}
            for row in rows:
                changed = tuple(c for c in COLUMNS if row.cells.get(c, "") != before.get(c, ""))
                if before and row.status != entries[-1].status:
                    changed = ("status", *changed)
                entries.append(
                    HistoryEntry(row.version, row.status, row.author, aware(row.at), row.reason, row.cells, changed)
                )
                before = row.cells
            return entries

    # --- writing ----------------------------------------------------------------------------
    def checked(self, raw: pd.DataFrame, file: str) -> tuple[pd.DataFrame, list[Problem]]:
        valid, problems = check_examples(raw, read_sections(), file)
        return valid, problems

    def insert(
        self, session: Session, valid: pd.DataFrame, actor: Actor, status: str, reason: str, progress: Progress = None
    ) -> None:
        moment = now()
        position = session.scalar(select(func.coalesce(func.max(Example.position), 0))) or 0
        for offset, row in enumerate(valid.to_dict("records"), 1):
            if progress and offset % PROGRESS_EVERY == 0:
                session.flush()
                progress(offset, len(valid))
            cells = text_cells(row)
            published = status == "published"
            session.add(
                Example(
                    id=cells["id"],
                    status=status,
                    version=1,
                    published_version=1 if published else None,
                    published_cells=cells if published else None,
                    position=position + offset,
                    cells=cells,
                    created_by=actor.name,
                    created_at=moment,
                    changed_by=actor.name,
                    changed_at=moment,
                )
            )
            session.add(snapshot(cells["id"], 1, status, cells, actor, moment, reason))
        self.bump(session, moment)

    @staticmethod
    def bump(session: Session, moment: datetime) -> None:
        session.execute(
            update(Collection).where(Collection.id == 1).values(revision=Collection.revision + 1, changed_at=moment)
        )

    @staticmethod
    def locked(session: Session, ids: list[str]) -> dict[str, Example]:
        """The examples of ``ids`` (those that exist), locked for this transaction, a query per 10,000."""
        found: dict[str, Example] = {}
        for start in range(0, len(ids), LOCK_CHUNK):
            query = select(Example).where(Example.id.in_(ids[start : start + LOCK_CHUNK])).with_for_update()
            found.update((e.id, e) for e in session.scalars(query))
        return found

    def change(
        self, session: Session, example: Example, cells: dict, status: str, actor: Actor, reason: str, bump: bool = True
    ) -> int:
        """A new version: a draft leaves the published one on screen; publishing shows this one; retiring none.
        ``bump`` False: the caller moves the collection's revision on once for all its changes."""
        moment = now()
        example.version += 1
        example.cells, example.status = cells, status
        if status == "published":
            example.published_version, example.published_cells = example.version, cells
        elif status == "retired":
            example.published_version, example.published_cells = None, None
        example.changed_by, example.changed_at = actor.name, moment
        session.add(snapshot(example.id, example.version, status, cells, actor, moment, reason))
        if bump:
            self.bump(session, moment)
        return example.version

    def save(self, actor: Actor, cells: dict, reason: str, expected_version: int | None = None) -> int:
        """A new example (``expected_version`` None) or an edit of the one at that version, as a draft."""
        require(actor, "edit")
        if not reason.strip():
            raise ValueError("Say in one line why you change this example.")
        valid, problems = self.checked(pd.DataFrame([text_cells(cells)]), "form")
        if problems:
            raise Invalid(problems)
        clean = text_cells(valid.to_dict("records")[0])
        with Session(self.engine) as session, session.begin():
            current = session.get(Example, clean["id"], with_for_update=True)
            if expected_version is None:
                if current is not None:
                    raise Invalid(
                        [Problem("form", 2, "id", "an example with this id exists", "Give the new example its own id.")]
                    )
                self.insert(session, valid, actor, "draft", reason)
                return 1
            if current is None or current.version != expected_version:
                theirs = current.cells if current else {}
                raise Conflict(clean["id"], theirs, clean, current.version if current else 0)
            return self.change(session, current, clean, "draft", actor, reason)

    def set_status(self, actor: Actor, seen: Mapping[str, int], status: str, reason: str) -> int:
        """Publish or retire examples (reviewers and admins) at the versions the reviewer saw
        (``seen``: id → version); ``Stale`` if any changed since, and then nothing is written.
        Returns how many changed."""
        if status not in ("published", "retired"):
            raise ValueError(f"Examples are published or retired here, not {status!r}: edits make drafts.")
        require(actor, "publish" if status == "published" else "retire")
        with Session(self.engine) as session, session.begin():
            examples = self.locked(session, list(seen))
            if missing := next((i for i in seen if i not in examples), None):
                raise KeyError(f"No example {missing!r} in the collection.")
            changed = {i: (v, examples[i].version) for i, v in seen.items() if examples[i].version != v}
            if changed:
                raise Stale(changed)
            todo = [example for example in examples.values() if example.status != status]
            for example in todo:
                self.change(session, example, dict(example.cells), status, actor, reason, bump=False)
            if todo:  # one revision for the whole publish (100,000 examples: one statement, not 100,000)
                self.bump(session, now())
            return len(todo)

    def publish_all(self, actor: Actor, reason: str) -> int:
        """Every draft as it is now (the command line's ``publish --all``)."""
        with Session(self.engine) as session:
            drafts = dict(session.execute(select(Example.id, Example.version).where(Example.status == "draft")).all())
        return self.set_status(actor, drafts, "published", reason)

    def restore(self, actor: Actor, example_id: str, version: int, reason: str) -> int:
        """An older version's cells as a new draft revision: nothing is ever destroyed."""
        require(actor, "edit")
        with Session(self.engine) as session, session.begin():
            old = session.scalar(select(Revision).where(Revision.example_id == example_id, Revision.version == version))
            example = session.get(Example, example_id, with_for_update=True)
            if old is None or example is None:
                raise KeyError(f"No version {version} of {example_id!r}.")
            return self.change(
                session, example, dict(old.cells), "draft", actor, reason or f"Restored version {version}"
            )

    def import_frame(
        self, actor: Actor, raw: pd.DataFrame, file: str, reason: str = "", progress: Progress = None
    ) -> ImportReport:
        """The valid rows in one transaction: new ids as drafts, ids already in the collection as a new
        draft of that example where the row differs from its current version (the same row is skipped
        and counted). A published example stays on screen as it was until a reviewer publishes the draft.
        ``progress(written, total)`` is told every ``PROGRESS_EVERY`` rows (nothing is committed before the end)."""
        require(actor, "import")
        valid, problems = self.checked(raw, file)
        reason = reason or f"Imported from {file}"
        updated = unchanged = 0
        with Session(self.engine) as session, session.begin():
            existing = self.locked(session, list(valid["id"]))
            if existing:
                for row in valid[valid["id"].isin(existing)].to_dict("records"):
                    example, cells = existing[row["id"]], text_cells(row)
                    if text_cells(example.cells) == cells:
                        unchanged += 1
                    else:
                        self.change(session, example, cells, "draft", actor, reason, bump=False)
                        updated += 1
                if updated:
                    self.bump(session, now())
                valid = valid[~valid["id"].isin(existing)]
            if len(valid):
                self.insert(session, valid, actor, "draft", reason, progress)
        refused = len(raw) - len(valid) - updated - unchanged
        return ImportReport(len(valid), refused, problems, updated, unchanged)

    # --- people -----------------------------------------------------------------------------
    def add_person(self, actor: Actor | None, name: str, role: str, password: str | None) -> None:
        """A local account, or (``password`` None) a role for an e-mail address that signs in through the
        organisation's sign-in (``st.login``). ``actor`` None: the command line of the store's machine.
        A changed password or role ends the person's sessions (``epoch``)."""
        if actor is not None:
            require(actor, "accounts")
        if role not in ROLES:
            raise ValueError(f"Unknown role {role!r}: use one of {', '.join(ROLES)}.")
        if not name.strip() or len(name) > MAX_NAME:
            raise ValueError(f"Give a name of 1 to {MAX_NAME} characters.")
        if password is not None and len(password) > MAX_PASSWORD:
            raise ValueError(f"A password has at most {MAX_PASSWORD} characters.")
        password_hash = hashed(password) if password is not None else ""
        with Session(self.engine) as session, session.begin():
            person = session.get(Person, name)
            if person is None:
                session.add(Person(name=name, role=role, password_hash=password_hash, failures=0, epoch=0))
            else:
                person.role, person.password_hash, person.failures, person.failed_at = role, password_hash, 0, None
                person.epoch += 1

    def person(self, name: str) -> Actor | None:
        with Session(self.engine) as session:
            person = session.get(Person, name)
            return Actor(person.name, person.role, person.epoch) if person else None

    def signed_on(self, email: str, issuer: str = "", subject: str = "") -> Actor:
        """Who an address vouched for by the organisation's sign-in is here: its account (matched
        without regard to case), bound at its first sign-in to the provider's ``issuer`` and
        ``subject``; a viewer for an address with no account, or signed in by another subject.
        A read on every run; a write only for the binding, which takes an unbound account only."""
        with Session(self.engine) as session:
            person = session.scalars(select(Person).where(func.lower(Person.name) == email.strip().lower())).first()
            if person is None:
                return Actor(email, "viewer")
            account, bound = Actor(person.name, person.role, person.epoch), (person.issuer, person.subject)
        if bound[1] is None and subject:
            with self.engine.begin() as connection:
                unbound = (Person.name == account.name) & Person.subject.is_(None)
                taken = connection.execute(update(Person).where(unbound).values(issuer=issuer, subject=subject))
            return account if taken.rowcount else self.signed_on(email, issuer, subject)  # bound meanwhile
        if (bound[0] or "", bound[1] or "") != (issuer, subject):
            return Actor(email, "viewer", bound_elsewhere=True)
        return account

    def sign_in(self, name: str, password: str, address: str = "") -> Actor | None:
        """The person, or None for a wrong name or password (in about the same time either way).
        After repeated wrong passwords each attempt on the account waits first (up to
        ``LONGEST_DELAY`` s) and is then answered truthfully; ``TooSoon`` only for a client
        ``address`` that sent many wrong passwords."""
        if wait := ADDRESSES.refused_for(address):
            raise TooSoon(wait)
        name, password = name[:MAX_NAME], password[:MAX_PASSWORD]
        with Session(self.engine) as session:
            person = session.get(Person, name)
            known = (person.password_hash, person.failures, person.failed_at) if person else ("", 0, None)
        password_hash, failures, failed_at = known
        time.sleep(delay_after(recent_failures(failures, failed_at, now())))
        if matches(password_hash, password):
            ADDRESSES.succeeded(address)
            with Session(self.engine) as session, session.begin():
                session.execute(update(Person).where(Person.name == name).values(failures=0, failed_at=None))
            return self.person(name)
        ADDRESSES.failed(address)
        if person is not None:  # counted in the database itself: parallel guesses each count
            moment = now()
            quiet = Person.failed_at.is_(None) | (Person.failed_at < moment - FORGOTTEN_AFTER)
            with Session(self.engine) as session, session.begin():
                session.execute(
                    update(Person)
                    .where(Person.name == name)
                    .values(failures=case((quiet, 1), else_=Person.failures + 1), failed_at=moment)
                )
        return None

    # --- upkeep -----------------------------------------------------------------------------
    def integrity_problems(self) -> list[str]:
        """What breaks the store's rules: an example without its history, a history with gaps."""
        problems = []
        with Session(self.engine) as session:
            for example in session.scalars(select(Example)):
                versions = session.scalars(
                    select(Revision.version).where(Revision.example_id == example.id).order_by(Revision.version)
                ).all()
                if versions != list(range(1, example.version + 1)):
                    problems.append(f"{example.id}: history {versions} for version {example.version}")
                if example.status not in STATUSES:
                    problems.append(f"{example.id}: unknown status {example.status!r}")
        return problems
