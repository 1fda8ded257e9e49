"""A backup holds every table and only its owner can read it; a restore brings every row back and
never replaces people's work unless forced."""

import json

import pytest
from sqlalchemy import select

from store.backup import TABLES, NotEmpty, restore_backup, write_backup
from store.collection import Store
from store.live import LiveSessions
from store.models import Base
from store.presentations import Presentations
from store.roles import Actor
from tests.store.conftest import empty

EDITOR, REVIEWER = Actor("edna", "editor"), Actor("rui", "reviewer")


def everything(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order (times compared at the second: SQLite keeps no zone)."""
    with store.engine.connect() as connection:
        return {
            table.name: sorted(
                tuple(str(v)[:19] if hasattr(v, "isoformat") else json.dumps(v, sort_keys=True) for v in row)
                for row in connection.execute(select(table))
            )
            for table in TABLES
        }


def busy(store: Store) -> None:
    """A store with a row in every table."""
    store.add_person(None, "edna", "editor", "edna's long secret")
    cells = {**store.example("ddr-radio-outreach").cells, "title": "Radio, edited"}
    store.save(EDITOR, cells, "clearer", expected_version=1)
    slug = Presentations(store).save(EDITOR, "Module 3", ["ddr-radio-outreach", "darfur-womens-forums"])
    sessions = LiveSessions(store)
    code = sessions.start(EDITOR, slug, "http://192.168.1.10:8501")
    sessions.join(code, "a" * 16)
    sessions.change(EDITOR, code, slide=1, activity="prompt")
    sessions.answer_text(code, "a" * 16, 1, "ddr-radio-outreach", "Radio reaches the camps.")


def test_a_backup_round_trip_brings_back_every_row_of_every_table(store, tmp_path):
    busy(store)
    before = everything(store)
    assert all(before[table.name] for table in TABLES), {k: len(v) for k, v in before.items()}
    assert {table.name for table in TABLES} == set(Base.metadata.tables)
    backup = write_backup(store, tmp_path / "backup.json")
    assert backup.stat().st_mode & 0o777 == 0o600
    empty(store).migrate()
    restore_backup(store, backup)
    assert everything(store) == before
    code = json.loads(backup.read_text())["tables"]["live_sessions"][0]["code"]
    LiveSessions(store).join(code, "b" * 16)
    LiveSessions(store).answer_text(code, "b" * 16, 1, "x", "More.")  # ids go on after the restored ones


def test_a_restore_over_peoples_work_is_refused_and_says_what_it_would_replace(store, tmp_path):
    backup = write_backup(store, tmp_path / "seed-only.json")
    store.add_person(None, "edna", "editor", "edna's long secret")  # made after seeding
    Presentations(store).save(EDITOR, "Module 3", ["ddr-radio-outreach"])
    with pytest.raises(NotEmpty, match="accounts: 1; saved presentations: 1"):
        restore_backup(store, backup)
    assert store.person("edna") and Presentations(store).listing()  # nothing was lost
    restore_backup(store, backup, force=True)
    assert store.person("edna") is None and not Presentations(store).listing()


def test_an_older_backup_without_live_sessions_still_restores(store, tmp_path):
    write_backup(store, tmp_path / "new.json")
    tables = json.loads((tmp_path / "new.json").read_text())["tables"]
    (tmp_path / "old.json").write_text(json.dumps({k: v for k, v in tables.items() if not k.startswith("live")}))
    assert restore_backup(store, tmp_path / "old.json") == 9
