"""Saved presentations on SQLite and PostgreSQL: pinned versions, owners, roles."""

import pytest

from store.presentations import Presentations
from store.roles import ANONYMOUS, Actor, NotAllowed

EDITOR, OTHER, ADMIN = Actor("edna", "editor"), Actor("omar", "editor"), Actor("ada", "admin")
IDS = ["liberia-gbv-crimes-unit", "darfur-womens-forums", "ddr-radio-outreach"]


@pytest.fixture
def decks(store):
    store.ensure_seeded()
    return Presentations(store)


def test_a_saved_deck_opens_the_same_with_its_options(decks):
    slug = decks.save(EDITOR, "Module 3: justice", IDS, lang="fr", content_note=False, notes={IDS[1]: "Ask first"})
    assert slug.startswith("module-3-justice-")
    deck = decks.get(slug)
    assert deck.ids == tuple(IDS) and deck.title == "Module 3: justice" and deck.owner == "edna"
    assert (deck.lang, deck.content_note, deck.closing) == ("fr", False, True)
    assert deck.notes == {IDS[1]: "Ask first"}
    assert [d.slug for d in decks.listing()] == [slug]
    assert decks.changed_since(deck) == []
    assert decks.get("no-such-deck") is None


def test_a_changed_example_is_named_and_the_owner_can_update(store, decks):
    slug = decks.save(EDITOR, "Deck", IDS)
    cells = store.example(IDS[0]).cells
    store.save(Actor("rui", "reviewer"), {**cells, "title": "A newer title"}, "Newer", store.example(IDS[0]).version)
    store.set_status(Actor("rui", "reviewer"), {IDS[0]: store.example(IDS[0]).version}, "published", "Publish")
    assert decks.changed_since(decks.get(slug)) == [IDS[0]]
    with pytest.raises(NotAllowed):
        decks.update_versions(OTHER, slug)
    assert decks.update_versions(EDITOR, slug) == []
    assert decks.changed_since(decks.get(slug)) == []


@pytest.mark.parametrize("who", [None, ANONYMOUS, Actor("vera", "viewer")])
def test_saving_needs_an_editor(decks, who):
    with pytest.raises(NotAllowed):
        decks.save(who, "Deck", IDS)


def test_only_the_owner_or_an_admin_renames_notes_or_deletes(decks):
    slug = decks.save(EDITOR, "Deck", IDS)
    for write in (
        lambda a: decks.rename(a, slug, "Mine now"),
        lambda a: decks.set_note(a, slug, IDS[0], "x"),
        lambda a: decks.delete(a, slug),
    ):
        with pytest.raises(NotAllowed):
            write(OTHER)
    decks.rename(ADMIN, slug, "Renamed by the admin")
    decks.set_note(EDITOR, slug, IDS[0], "Start here")
    assert decks.get(slug).title == "Renamed by the admin" and decks.get(slug).notes == {IDS[0]: "Start here"}
    copy = decks.duplicate(OTHER, slug)
    assert decks.get(copy).owner == "omar" and decks.get(copy).ids == tuple(IDS)
    decks.delete(EDITOR, slug)
    assert decks.get(slug) is None and decks.get(copy) is not None


def test_bad_saves_say_what_is_wrong(decks):
    with pytest.raises(ValueError, match="title"):
        decks.save(EDITOR, "  ", IDS)
    with pytest.raises(ValueError, match="at least one"):
        decks.save(EDITOR, "Deck", [])
    with pytest.raises(ValueError, match="nope"):
        decks.save(EDITOR, "Deck", [*IDS, "nope"])
