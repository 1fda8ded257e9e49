"""The signed-in person: the organisation's provider (``st.login``) or a local account, and the client's
address. One of the modules that hold session values (tests/test_architecture.py).

The session holds only a random token; who it stands for lives in this process (never in session
state, where a forged value could claim a role), and the role is read from the store on every run."""

from __future__ import annotations

import secrets

import streamlit as st

from components.app_secrets import app_secrets
from store.collection import Store, TooSoon
from store.roles import Actor

SIGN_IN_NAME, SIGN_IN_PASSWORD, PERSON_TOKEN, SIGN_IN_MESSAGE = "sign_in_name", "sign_in_password", "person", "signin"
SIGN_IN_BOX = "sign_in_box"


@st.cache_resource(show_spinner=False)
def signed_in_people() -> dict[str, tuple[str, int]]:
    """token → (name, the account's epoch at sign-in), for this app process."""
    return {}


def single_sign_on() -> dict | None:
    """The organisation's sign-in (``st.login``), if the secrets' ``[auth]`` names a provider."""
    auth = app_secrets().get("auth")
    return dict(auth) if auth and "server_metadata_url" in auth else None


def vouched_email() -> str:
    """The address the organisation's provider vouches for: ``email_verified`` true, or an issuer the
    secrets trust (``[auth] verified_issuers``, for providers such as Entra ID that send no such
    claim); '' otherwise."""
    auth = single_sign_on()
    if not auth or not st.user.is_logged_in:
        return ""
    verified = st.user.get("email_verified") in (True, "true")
    trusted = str(st.user.get("iss") or "") in auth.get("verified_issuers", ())
    return str(st.user.get("email") or "") if verified or trusted else ""


def unvouched_email() -> str:
    """An address signed in through the provider that it does not vouch for ('' if none)."""
    if single_sign_on() and st.user.is_logged_in and not vouched_email():
        return str(st.user.get("email") or st.user.get("sub") or "")
    return ""


def client_address() -> str:
    """The browser's address: nginx's ``X-Real-IP`` for a connection from this machine
    (deploy/nginx.conf sets it; Streamlit gives no address for those), else the connection's own."""
    direct = st.context.ip_address
    if direct in (None, "127.0.0.1", "::1"):
        return str(st.context.headers.get("X-Real-IP") or "local")
    return direct


def signed_in(store: Store) -> Actor | None:
    """The person of this session, with the role the store gives them now; a session of an account
    whose password or role has changed since has ended."""
    if email := vouched_email():
        return store.signed_on(email, str(st.user.get("iss") or ""), str(st.user.get("sub") or ""))
    token = st.session_state.get(PERSON_TOKEN, "")
    name, epoch = signed_in_people().get(token, ("", 0))
    person = store.person(name) if name else None
    if person is not None and person.epoch != epoch:
        signed_in_people().pop(token, None)
        st.session_state[SIGN_IN_MESSAGE] = ("ended", 0)
        return None
    return person


def signing_on() -> None:
    """Callback of "Sign in with your organisation's account"."""
    st.login()


def signing_in(store: Store) -> None:
    """Callback of the sign-in form: the password is checked by the store and then forgotten."""
    name, password = st.session_state.get(SIGN_IN_NAME, "").strip(), st.session_state.get(SIGN_IN_PASSWORD, "")
    st.session_state[SIGN_IN_PASSWORD] = ""
    try:
        person = store.sign_in(name, password, client_address())
    except TooSoon as wait:
        st.session_state[SIGN_IN_MESSAGE] = ("wait", wait.seconds)
        return
    if person is None:
        st.session_state[SIGN_IN_MESSAGE] = ("wrong", 0)
        return
    token = secrets.token_urlsafe(32)
    signed_in_people()[token] = (person.name, person.epoch)
    st.session_state[PERSON_TOKEN], st.session_state[SIGN_IN_MESSAGE] = token, None


def signing_out() -> None:
    signed_in_people().pop(st.session_state.pop(PERSON_TOKEN, ""), None)
    if single_sign_on() and st.user.is_logged_in:
        st.logout()


def sign_in_message() -> tuple[str, int] | None:
    """("wrong", 0) after a wrong name or password, ("wait", seconds) during an address's back-off,
    ("ended", 0) when a password or role change ended the session."""
    return st.session_state.get(SIGN_IN_MESSAGE)
