"""Sign-in that an attacker cannot turn against a user, on SQLite and PostgreSQL: hashes only,
wrong passwords counted in the database (parallel guesses each count) and forgotten after a quiet
spell, the right password delayed but never refused, a flooding address refused, unknown names as
slow as real ones, hashing bounded, sessions ended by a password or role change, and an account of
the organisation's sign-in bound to its first subject."""

import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import update

import store.accounts as accounts
from store.collection import TooSoon, now
from store.models import Person
from store.roles import Actor

PASSWORD = "correct horse battery"


@pytest.fixture
def edna(store, monkeypatch):
    monkeypatch.setattr(accounts, "LONGEST_DELAY", 0.3)  # the schedule's shape, in a test's time
    store.add_person(None, "edna", "editor", PASSWORD)
    return store


def address() -> str:
    return f"198.51.100.{uuid.uuid4().int % 250}-{uuid.uuid4().hex[:6]}"  # each test its own client


def failures(store) -> int:
    return store.engine.connect().exec_driver_sql("SELECT failures FROM people WHERE name = 'edna'").scalar_one()


def test_only_an_argon2_hash_is_kept(edna):
    stored = edna.engine.connect().exec_driver_sql("SELECT password_hash FROM people").scalar_one()
    assert stored.startswith("$argon2") and "correct horse" not in stored


def test_the_right_password_is_delayed_after_wrong_ones_never_refused(edna):
    client = address()
    for _ in range(6):
        assert edna.sign_in("edna", "wrong guess", client) is None
    assert failures(edna) == 6
    start = time.perf_counter()
    assert edna.sign_in("edna", PASSWORD, address()) == Actor("edna", "editor")
    assert time.perf_counter() - start >= 0.3  # waited first
    assert failures(edna) == 0


def test_parallel_wrong_guesses_each_count(edna):
    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(lambda _: edna.sign_in("edna", "wrong guess", address()), range(8))) == [None] * 8
    assert failures(edna) == 8


def test_wrong_passwords_are_forgotten_after_a_quiet_spell(edna):
    for _ in range(5):
        edna.sign_in("edna", "wrong guess", address())
    with edna.engine.begin() as connection:
        connection.execute(update(Person).values(failed_at=now() - accounts.FORGOTTEN_AFTER - timedelta(seconds=1)))
    assert edna.sign_in("edna", "wrong again", address()) is None
    assert failures(edna) == 1  # counting starts again (and with it the delay, which the count gives)


def test_an_address_sending_many_wrong_passwords_is_refused_not_the_account(edna):
    flood = address()
    for _ in range(accounts.ADDRESS_FREE_FAILURES):
        edna.sign_in("nobody", "wrong guess", flood)
    with pytest.raises(TooSoon) as refused:
        edna.sign_in("edna", PASSWORD, flood)
    assert refused.value.seconds >= 1
    assert edna.sign_in("edna", PASSWORD, address()) == Actor("edna", "editor")  # the person elsewhere gets in


def test_an_unknown_name_takes_as_long_as_a_real_one(edna, monkeypatch):
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher())  # as deployed: the hash is the time
    accounts.stand_in_hash.cache_clear()
    edna.add_person(None, "edna", "editor", PASSWORD)

    def timed(name: str) -> float:
        start = time.perf_counter()
        assert edna.sign_in(name, "wrong guess", address()) is None
        return time.perf_counter() - start

    timed("edna"), timed("nobody")  # warm
    real, unknown = min(timed("edna") for _ in range(3)), min(timed("nobody") for _ in range(3))
    assert unknown > 0.6 * real, (real, unknown)
    accounts.stand_in_hash.cache_clear()


def test_hashing_is_bounded(monkeypatch):
    running, most, lock, hasher = [0], [0], threading.Lock(), accounts.HASHER
    stand_in = accounts.stand_in_hash()

    class Counting:
        def verify(self, *args):
            with lock:
                running[0] += 1
                most[0] = max(most[0], running[0])
            try:
                time.sleep(0.05)  # a hash's time, whatever the hasher's cost: the eight overlap
                return hasher.verify(*args)
            finally:
                with lock:
                    running[0] -= 1

    monkeypatch.setattr(accounts, "HASHER", Counting())
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda _: accounts.matches(stand_in, "x" * 1_000), range(8)))
    assert most[0] == 2  # 8 asked at once, 2 hashed at once (128 MiB at most)


def test_a_password_or_role_change_moves_the_epoch_on(edna):
    before = edna.person("edna").epoch
    edna.add_person(None, "edna", "viewer", PASSWORD)
    assert edna.person("edna").epoch == before + 1
    with pytest.raises(ValueError, match="at most 1024"):
        edna.add_person(None, "edna", "editor", "x" * 1_025)


def test_an_organisation_account_is_bound_to_its_first_subject(store):
    store.add_person(None, "Amina@example.org", "reviewer", None)
    issuer = "https://login.example.org"
    assert store.signed_on("amina@example.org", issuer, "sub-1") == Actor("Amina@example.org", "reviewer")
    assert store.signed_on("AMINA@example.org", issuer, "sub-1").role == "reviewer"
    impostor = store.signed_on("amina@example.org", issuer, "sub-2")
    assert impostor.role == "viewer" and impostor.bound_elsewhere
    assert store.signed_on("amina@example.org", "https://other.example", "sub-1").role == "viewer"
