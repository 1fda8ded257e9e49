"""Passwords as Argon2 hashes (argon2-cffi), and a back-off after repeated failures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

HASHER = PasswordHasher()
FREE_FAILURES = 3  # wrong passwords before each further attempt must wait
LONGEST_WAIT = timedelta(minutes=15)


def hashed(password: str) -> str:
    if len(password) < 8:
        raise ValueError("A password needs at least 8 characters.")
    return HASHER.hash(password)


def matches(password_hash: str, password: str) -> bool:
    try:
        return bool(password_hash) and HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def wait_after(failures: int) -> timedelta:
    """How long the account waits after ``failures`` wrong passwords in a row: 0, then doubling."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(timedelta(seconds=2 ** (failures - FREE_FAILURES + 1)), LONGEST_WAIT)


def aware(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive times: they are UTC."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment
