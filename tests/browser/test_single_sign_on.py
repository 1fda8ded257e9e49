"""Signing in through the organisation's provider (``st.login``), here a local OIDC provider
(``oidc-provider-mock``): the role comes from the store's account for the signed-in e-mail."""

import json
import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from bench.app_server import free_port, start_app, stop_app, wait_until_answers
from store.collection import Store
from tests.browser.conftest import Visit

# The provider vouches for these addresses; any other subject typed in gets {"email": subject}, unverified.
USERS = [
    {"sub": "amina@example.org", "email": "amina@example.org", "email_verified": True},
    {"sub": "guest@example.org", "email": "guest@example.org", "email_verified": True},
    {"sub": "someone-else", "email": "amina@example.org", "email_verified": True},
]


@pytest.fixture
def provider() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "oidc_provider_mock",
            "--port",
            str(port),
            *(f"--user-claims={json.dumps(u)}" for u in USERS),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_answers(f"{url}/.well-known/openid-configuration")
    yield url
    stop_app(process)


@pytest.fixture
def app_with_sign_on(tmp_path, provider) -> Iterator[str]:
    database = f"sqlite:///{tmp_path / 'collection.sqlite3'}"
    store = Store(database)
    store.ensure_seeded()
    store.add_person(None, "Amina@example.org", "reviewer", None)
    port = free_port()
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a long random secret for the test cookies only"\n'
        'client_id = "peacekeeping-practice-explorer"\n'
        'client_secret = "the test client secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    process, base = start_app(port=port, options=("--secrets.files", str(secrets)), database=database)
    yield base
    stop_app(process)


def signs_on(visit: Visit, email: str) -> None:
    """From the app's page, signed out (the first open, or where signing out left the person)."""
    page = visit.page
    page.get_by_role("button", name="Sign in with your organisation's account").click()
    page.get_by_placeholder("sub").fill(email)
    page.get_by_role("button", name="Authorize").click()
    visit.wait()


def signs_out(visit: Visit) -> None:
    """Out of the app and the provider (its own sign-out page), back on the app signed out."""
    visit.page.get_by_role("button", name="Sign out").click()
    visit.page.get_by_role("button", name="End session").click()
    visit.wait()
    expect(visit.page.get_by_role("button", name="Sign in with your organisation's account")).to_be_visible()
    assert visit.page.get_by_text("Editor's desk").count() == 0


def test_the_role_follows_the_signed_in_address(browser, app_with_sign_on):
    """Four people in turn on one browser, each signed out before the next signs on: the role is the
    signed-in address's, never the browser's."""
    person = Visit(browser.new_context(viewport={"width": 1280, "height": 900}).new_page(), app_with_sign_on)
    page = person.open()
    signs_on(person, "amina@example.org")
    expect(page.get_by_text("Signed in as Amina@example.org (reviewer).")).to_be_visible()
    expect(page.get_by_text("Editor's desk")).to_be_visible()
    signs_out(person)

    signs_on(person, "guest@example.org")
    expect(page.get_by_text("Signed in as guest@example.org (viewer).")).to_be_visible()
    expect(page.get_by_text("This address has no role in the collection yet")).to_be_visible()
    assert page.get_by_text("Editor's desk").count() == 0
    signs_out(person)

    signs_on(person, "amina@example.org.attacker.example")  # no email_verified claim: no role
    expect(page.get_by_text("did not confirm the address amina@example.org.attacker")).to_be_visible()
    assert page.get_by_text("Editor's desk").count() == 0
    signs_out(person)

    signs_on(person, "someone-else")  # Amina's address, another subject: her account is bound to hers
    expect(page.get_by_text("belongs to another account of your organisation's sign-in")).to_be_visible()
    assert page.get_by_text("Editor's desk").count() == 0
    signs_out(person)
