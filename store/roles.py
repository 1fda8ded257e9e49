"""Roles and what each may do; every write of the store asks ``require`` first."""

from __future__ import annotations

from dataclasses import dataclass, field

ROLES = ("viewer", "editor", "reviewer", "admin")  # each may do what the ones before it may
MAY = {
    "edit": "editor",
    "import": "editor",
    "present": "editor",  # save presentations in the store
    "publish": "reviewer",
    "retire": "reviewer",
    "accounts": "admin",
}


class NotAllowed(PermissionError):
    """A write asked for by someone whose role does not allow it."""


@dataclass(frozen=True)
class Actor:
    """Who asks: a signed-in person with a role, or the command line's operator."""

    name: str
    role: str = "viewer"
    epoch: int = field(default=0, compare=False)  # the account's; a session of an older one has ended
    bound_elsewhere: bool = field(default=False, compare=False)  # an address signed in by another subject


ANONYMOUS = Actor("anonymous", "viewer")


def allowed(actor: Actor | None, action: str) -> bool:
    if actor is None or actor.role not in ROLES:
        return False
    return ROLES.index(actor.role) >= ROLES.index(MAY[action])


def require(actor: Actor | None, action: str) -> None:
    if not allowed(actor, action):
        who = actor.name if actor else "nobody"
        raise NotAllowed(f"{who} may not {action}: that needs the role {MAY[action]} or above.")
