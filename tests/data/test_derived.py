"""``Derived``: what is derived from one dataset object, built once, bounded, and never shared with a copy."""

from dataclasses import replace
from threading import Barrier, Thread

from data.derived import Derived


def test_a_value_is_built_once_then_given_again():
    derived, builds = Derived(), []
    for _ in range(3):
        assert derived.get("map", "key", lambda: builds.append(1) or "drawn", limit=4) == "drawn"
    assert builds == [1]


def test_each_kind_keeps_its_most_recently_used_within_its_limit():
    derived = Derived()
    for key in "abc":
        derived.get("cards", key, lambda key=key: key.upper(), limit=2)  # "a" is the oldest: gone
    derived.get("cards", "b", lambda: "rebuilt", limit=2)  # "b" used again, so "c" is the oldest now
    derived.get("cards", "d", lambda: "D", limit=2)
    assert derived.count("cards") == 2
    assert derived.get("cards", "b", lambda: "rebuilt", limit=2) == "B"
    assert derived.get("cards", "a", lambda: "new", limit=2) == "new"
    assert derived.get("map", "b", lambda: "a map", limit=2) == "a map"  # kinds are apart


def test_sessions_asking_at_once_all_get_the_value():
    derived, barrier, got = Derived(), Barrier(8), []

    def session() -> None:
        barrier.wait()
        got.append(derived.get("selection", ("justice",), lambda: ("justice", 3), limit=4))

    threads = [Thread(target=session) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert got == [("justice", 3)] * 8 and derived.count("selection") == 1


def test_a_changed_copy_of_a_dataset_derives_its_own(curated):
    curated.derived.get("map", "all", lambda: "the curated map", limit=4)
    copy = replace(curated, version="changed")
    assert copy.derived is not curated.derived
    assert copy.derived.get("map", "all", lambda: "the copy's map", limit=4) == "the copy's map"
