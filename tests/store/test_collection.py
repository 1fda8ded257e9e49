"""The collection on SQLite and PostgreSQL: seeding, roles, drafts, publishing, conflicts, history."""

import pandas as pd
import pytest

from bench.synthetic import write_examples
from data.export import COLUMNS
from data.loader import load_dataset
from data.reading import read_table
from store.collection import Conflict, Invalid, Stale
from store.roles import ANONYMOUS, Actor, NotAllowed

EDITOR, REVIEWER = Actor("edna", "editor"), Actor("rui", "reviewer")


def new_cells(**changes) -> dict:
    cells = {column: "" for column in COLUMNS}
    cells |= {
        "id": "mobile-courts",
        "section": "justice",
        "title": "Mobile courts",
        "summary": "Judges travelled.",
        "country": "Liberia",
        "source": "A report (2012)",
    }
    return cells | changes


def test_first_start_publishes_the_curated_examples(store):
    frame = store.published_frame()
    assert list(frame["id"]) == list(load_dataset().examples["id"])  # same order as the file
    assert store.revision()[0] == 1
    assert store.ensure_seeded() == 0  # once only
    assert store.integrity_problems() == []


def test_a_new_example_is_a_draft_until_a_reviewer_publishes_it(store):
    assert store.save(EDITOR, new_cells(), "From the 2012 report") == 1
    assert "mobile-courts" not in set(store.published_frame()["id"])
    assert store.example("mobile-courts").cells["country"] == "LBR"  # names become codes, as in files
    assert store.set_status(REVIEWER, {"mobile-courts": 1}, "published", "Checked against the source") == 1
    assert "mobile-courts" in set(store.published_frame()["id"])
    assert store.revision()[0] == 3


@pytest.mark.parametrize(
    "who, write",
    [
        (ANONYMOUS, lambda s, a: s.save(a, new_cells(), "x")),
        (ANONYMOUS, lambda s, a: s.set_status(a, {"ddr-radio-outreach": 1}, "retired", "x")),
        (EDITOR, lambda s, a: s.set_status(a, {"ddr-radio-outreach": 1}, "published", "x")),
        (EDITOR, lambda s, a: s.publish_all(a, "x")),
        (EDITOR, lambda s, a: s.add_person(a, "mallory", "admin", "a long password")),
        (Actor("x", "superuser"), lambda s, a: s.save(a, new_cells(), "x")),
        (None, lambda s, a: s.import_frame(a, pd.DataFrame([new_cells()]), "f.csv")),
    ],
)
def test_no_write_without_the_role(store, who, write):
    before = store.revision()[0]
    with pytest.raises(NotAllowed):
        write(store, who)
    assert store.revision()[0] == before


def test_the_second_of_two_concurrent_edits_is_refused_with_both_versions(store):
    store.save(EDITOR, new_cells(), "new")
    store.save(EDITOR, new_cells(title="Mobile courts in Liberia"), "clearer title", expected_version=1)
    with pytest.raises(Conflict) as refused:
        store.save(Actor("other", "editor"), new_cells(title="Courts on wheels"), "mine", expected_version=1)
    assert refused.value.theirs["title"] == "Mobile courts in Liberia"
    assert refused.value.yours["title"] == "Courts on wheels"
    assert store.example("mobile-courts").cells["title"] == "Mobile courts in Liberia"


def test_invalid_cells_are_refused_with_the_files_messages(store):
    with pytest.raises(Invalid) as refused:
        store.save(EDITOR, new_cells(year="20O4", country="Atlantis"), "typo")
    assert {p.column for p in refused.value.problems} == {"year", "country"}
    assert store.example("mobile-courts") is None


def test_history_marks_what_changed_and_restoring_adds_a_revision(store):
    store.save(EDITOR, new_cells(), "new")
    store.save(EDITOR, new_cells(summary="Judges travelled to the camps."), "more precise", expected_version=1)
    store.set_status(REVIEWER, {"mobile-courts": 2}, "published", "checked")
    store.restore(EDITOR, "mobile-courts", 1, "back to the first wording")
    history = store.history("mobile-courts")
    assert [(h.version, h.status, h.author) for h in history] == [
        (1, "draft", "edna"),
        (2, "draft", "edna"),
        (3, "published", "rui"),
        (4, "draft", "edna"),
    ]
    assert history[1].changed == ("summary",) and history[2].changed == ("status",)
    assert history[3].cells["summary"] == "Judges travelled." and history[3].reason == "back to the first wording"
    assert store.integrity_problems() == []


def test_import_takes_the_valid_rows_as_drafts_in_one_go(store):
    raw = pd.DataFrame([new_cells(), new_cells(id="bad-year", year="soon")])
    report = store.import_frame(EDITOR, raw, "mine.csv")
    assert (report.accepted, report.refused) == (1, 1)
    assert {(p.row, p.column) for p in report.problems} == {(3, "year")}
    assert store.example("mobile-courts").status == "draft"


def test_reimporting_an_updated_spreadsheet_makes_drafts_of_the_changed_rows(store):
    exported = store.frame().head(3).copy()
    exported.loc[1, "title"] = "A clearer title"
    report = store.import_frame(EDITOR, pd.concat([exported, pd.DataFrame([new_cells()])]), "ours.csv")
    assert (report.accepted, report.updated, report.unchanged, report.refused) == (1, 1, 2, 0)
    changed = exported.loc[1, "id"]
    assert (store.example(changed).status, store.example(changed).version) == ("draft", 2)
    shown = store.published_frame().set_index("id")
    assert shown.loc[changed, "title"] != "A clearer title"  # viewers keep the published version meanwhile
    assert store.integrity_problems() == []


def test_published_stays_published_until_a_reviewer_publishes_the_version_they_saw(store):
    shown = store.published_frame().set_index("id").loc["ddr-radio-outreach", "title"]
    store.save(EDITOR, {**store.example("ddr-radio-outreach").cells, "title": "Edited"}, "try", expected_version=1)
    store.restore(EDITOR, "ddr-radio-outreach", 1, "back")
    assert store.published_frame().set_index("id").loc["ddr-radio-outreach", "title"] == shown
    assert store.listing().set_index("id").loc["ddr-radio-outreach", "published_version"] == 1
    store.save(EDITOR, {**store.example("ddr-radio-outreach").cells, "title": "Edited again"}, "x", expected_version=3)
    with pytest.raises(Stale) as refused:  # the reviewer saw version 3; it is 4 now
        store.set_status(REVIEWER, {"ddr-radio-outreach": 3}, "published", "looks right")
    assert refused.value.changed == {"ddr-radio-outreach": (3, 4)}
    assert store.published_frame().set_index("id").loc["ddr-radio-outreach", "title"] == shown
    assert store.set_status(REVIEWER, {"ddr-radio-outreach": 4}, "published", "checked") == 1
    assert store.published_frame().set_index("id").loc["ddr-radio-outreach", "title"] == "Edited again"
    store.set_status(REVIEWER, {"ddr-radio-outreach": 5}, "retired", "gone")
    assert "ddr-radio-outreach" not in set(store.published_frame()["id"])


def test_a_long_import_tells_its_progress(store, tmp_path):
    raw = read_table(write_examples(tmp_path / "big.csv", 2_500).read_bytes(), "big.csv")
    told = []
    report = store.import_frame(EDITOR, raw, "big.csv", progress=lambda rows, total: told.append((rows, total)))
    assert report.accepted == 2_500 and told == [(1_000, 2_500), (2_000, 2_500)]


def test_a_publish_of_many_drafts_locks_them_in_parts_and_is_one_revision(store, tmp_path, monkeypatch):
    """More drafts than one locking query takes (store.collection.LOCK_CHUNK): every one published, with
    the version the reviewer saw checked, and the collection's revision moved on once, not per example."""
    monkeypatch.setattr("store.collection.LOCK_CHUNK", 500)
    raw = read_table(write_examples(tmp_path / "big.csv", 1_200).read_bytes(), "big.csv")
    store.import_frame(EDITOR, raw, "big.csv")
    before = store.revision()[0]
    assert store.publish_all(REVIEWER, "all at once") == 1_200
    assert store.revision()[0] == before + 1
    assert len(store.published_frame()) == 1_200 + len(load_dataset().examples)
    seen = {"ddr-radio-outreach": 1, str(raw["id"].iloc[0]): 1}  # the second is at version 2 now
    with pytest.raises(Stale):
        store.set_status(REVIEWER, seen, "retired", "seen long ago")
    with pytest.raises(KeyError, match="no-such-example"):
        store.set_status(REVIEWER, {"no-such-example": 1}, "retired", "gone")


def test_an_address_of_the_organisations_sign_in_gets_its_role_and_no_password(store):
    store.add_person(None, "Amina@example.org", "reviewer", None)
    assert store.signed_on("amina@EXAMPLE.org ") == Actor("Amina@example.org", "reviewer")
    assert store.signed_on("guest@example.org") == Actor("guest@example.org", "viewer")
    assert store.sign_in("Amina@example.org", "") is None  # no password signs such an account in
    with pytest.raises(NotAllowed):
        store.add_person(Actor("edna", "editor"), "x@example.org", "admin", None)
