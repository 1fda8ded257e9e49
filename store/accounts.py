"""Passwords as Argon2 hashes (argon2-cffi), hashed a few at a time, and the throttles of sign-in.

An attacker must not be able to turn sign-in against a user: wrong passwords slow further attempts
on the account down for a while (the delay decays), but the right password is always accepted once
its delay has passed; only a client address sending many wrong passwords is refused for a time.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from datetime import UTC, datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

HASHER = PasswordHasher()  # 64 MiB and about 50 to 250 ms a hash
HASHING = threading.BoundedSemaphore(2)  # hashes at once in this process: at most 128 MiB
FREE_FAILURES = 3  # wrong passwords on an account before each further attempt is delayed
LONGEST_DELAY = 10.0  # seconds: the right password is delayed at most this long, never refused
FORGOTTEN_AFTER = timedelta(minutes=15)  # an account's count of wrong passwords restarts after a quiet spell
ADDRESS_FREE_FAILURES = 10  # wrong passwords from one client address before it is refused for a time
LONGEST_REFUSAL = timedelta(minutes=15)
ADDRESSES_KEPT = 10_000


def hashed(password: str) -> str:
    if len(password) < 8:
        raise ValueError("A password needs at least 8 characters.")
    with HASHING:
        return HASHER.hash(password)


@cache
def stand_in_hash() -> str:
    """A hash no password matches: verified for unknown names, so they answer in the same time."""
    with HASHING:
        return HASHER.hash("no account has this password, it only takes the time of one")


def matches(password_hash: str, password: str) -> bool:
    """Whether the password is the hash's (an empty hash, an account with no password, never is);
    always the time of one verification."""
    with HASHING:
        try:
            return HASHER.verify(password_hash or stand_in_hash(), password) and bool(password_hash)
        except (VerificationError, InvalidHashError):
            return False


def recent_failures(failures: int, failed_at: datetime | None, moment: datetime) -> int:
    """The account's wrong passwords that still count: none after a quiet spell."""
    if failed_at is None or moment - aware(failed_at) > FORGOTTEN_AFTER:
        return 0
    return failures


def delay_after(failures: int) -> float:
    """Seconds an attempt waits after ``failures`` recent wrong passwords: 0, then 0.5 doubling to 10."""
    if failures < FREE_FAILURES:
        return 0.0
    return min(0.5 * 2 ** (failures - FREE_FAILURES), LONGEST_DELAY)


class AddressThrottle:
    """Wrong passwords per client address, in this process: beyond ``ADDRESS_FREE_FAILURES`` the
    address is refused for 2 s, doubling to 15 min; a quiet spell forgets it."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.failures: OrderedDict[str, tuple[int, float]] = OrderedDict()  # address → (count, last)

    def refused_for(self, address: str) -> int:
        """Seconds the address must still wait (0: it may try; '' is no browser, never refused)."""
        if not address:
            return 0
        with self.lock:
            count, last = self.failures.get(address, (0, 0.0))
        if count < ADDRESS_FREE_FAILURES:
            return 0
        wait = min(2 ** (count - ADDRESS_FREE_FAILURES + 1), LONGEST_REFUSAL.total_seconds())
        remaining = last + wait - time.monotonic()
        return int(remaining) + 1 if remaining > 0 else 0

    def failed(self, address: str) -> None:
        if not address:
            return
        with self.lock:
            count, last = self.failures.pop(address, (0, 0.0))
            if time.monotonic() - last > FORGOTTEN_AFTER.total_seconds():
                count = 0
            self.failures[address] = (count + 1, time.monotonic())
            while len(self.failures) > ADDRESSES_KEPT:
                self.failures.popitem(last=False)

    def succeeded(self, address: str) -> None:
        with self.lock:
            self.failures.pop(address, None)


ADDRESSES = AddressThrottle()


def aware(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive times: they are UTC."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment
