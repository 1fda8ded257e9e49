"""components/app_secrets.py: the secrets read once, a file added later still seen, a malformed one not silent."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
import streamlit as st
from streamlit import config
from streamlit.runtime.secrets import Secrets

from components import app_secrets as module


@pytest.fixture
def secrets_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A secrets file the app is configured with (not written yet), looked at again on every access."""
    path = tmp_path / "secrets.toml"
    saved = config.get_option("secrets.files")
    config.set_option("secrets.files", [str(path)])
    monkeypatch.setattr(st, "secrets", Secrets())
    monkeypatch.setattr(module, "RECHECK_SECONDS", 0.0)
    monkeypatch.setattr(module, "_read", None)
    yield path
    config.set_option("secrets.files", saved)
    os.environ.pop("GREETING", None)  # Streamlit exports a secret's top-level strings to the environment


def test_a_file_added_later_is_seen(secrets_file: Path) -> None:
    assert module.app_secrets() == {}
    secrets_file.write_text('GREETING = "hello"\n[auth]\nserver_metadata_url = "https://x"\n')
    assert module.app_secrets() == {
        "GREETING": "hello",
        "auth": {"server_metadata_url": "https://x"},
    }


def test_an_unchanged_file_is_not_read_again(secrets_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secrets_file.write_text('GREETING = "hello"\n')
    first = module.app_secrets()
    monkeypatch.setattr(Secrets, "to_dict", lambda self: pytest.fail("read again"))
    assert module.app_secrets() is first


def test_within_a_second_the_files_are_not_looked_at(secrets_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "RECHECK_SECONDS", 60.0)
    assert module.app_secrets() == {}
    monkeypatch.setattr(module, "_stamps", lambda: pytest.fail("looked at again"))
    assert module.app_secrets() == {}


def test_a_malformed_file_is_logged_not_guessed_silently(secrets_file: Path, caplog: pytest.LogCaptureFixture) -> None:
    secrets_file.write_text("auth = [broken\n")
    with caplog.at_level(logging.ERROR, logger=module.__name__):
        assert module.app_secrets() == {}
    assert "The secrets were not read" in caplog.text and str(secrets_file) in caplog.text
