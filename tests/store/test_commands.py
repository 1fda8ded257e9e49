"""``python -m store`` as the person who runs the app uses it, on SQLite and PostgreSQL."""

import contextlib
import io
import os
import re
import subprocess
import sys
from unittest import mock

import pandas as pd

from bench.app_server import ROOT
from store.__main__ import main
from store.collection import Store
from store.live import LiveSessions
from store.presentations import Presentations
from store.roles import Actor
from tests.store.conftest import empty

MINE = (
    "id,section,title,summary,country,year,mission,source\n"
    'mine-1,justice,Mobile courts,"Two lines,\r\nin one cell.",COD,2012,,A report\n'
    "mine-2,justice,=HYPERLINK(1),Formula-like title.,LBR,,,A report\n"
    "mine-3,weather,Bad section,Refused.,LBR,,,A report\n"
)


def run(database_url: str, *args: str, stdin: str = "", process: bool = False) -> subprocess.CompletedProcess:
    """``python -m store ARGS``: in this process (each new process costs a second of imports), or in its
    own (``process``) where what the operating system sees matters."""
    if process:
        return subprocess.run(
            [sys.executable, "-m", "store", *args],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": database_url},
        )
    out, err = io.StringIO(), io.StringIO()
    with (
        mock.patch.dict(os.environ, {"DATABASE_URL": database_url}),
        mock.patch("sys.stdin", io.StringIO(stdin)),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = main(list(args))
        except SystemExit as leaving:
            code = 0 if leaving.code in (0, None) else 1
            print(leaving.code if isinstance(leaving.code, str) else "", file=err)
    return subprocess.CompletedProcess(["python", "-m", "store", *args], code, out.getvalue(), err.getvalue())


def test_a_team_sets_up_imports_publishes_exports_and_backs_up(store, tmp_path):
    url = store.url
    assert run(url, "init").returncode == 0
    added = run(url, "users", "add", "edna", "--role", "editor", stdin="a long secret\n", process=True)
    assert added.returncode == 0 and "a long secret" not in added.stdout + added.stderr
    assert run(url, "users", "add", "rui", "--role", "reviewer", stdin="another secret\n").returncode == 0
    assert run(url, "users", "add", "amina@example.org", "--role", "reviewer", "--single-sign-on").returncode == 0
    assert store.signed_on("amina@example.org").role == "reviewer"
    mine = tmp_path / "mine.csv"
    mine.write_bytes(MINE.encode("utf-8"))
    imported = run(url, "import", str(mine), "--by", "edna")
    assert imported.returncode == 0, imported.stderr
    # the formula-like title is refused too
    assert "new drafts: 1, changed examples now drafts: 0, unchanged rows skipped: 0, refused: 2" in imported.stdout
    assert "1 × section: unknown section" in imported.stdout
    refused = run(url, "publish", "--all", "--by", "edna")
    assert refused.returncode == 1 and "needs the role reviewer" in refused.stderr
    assert run(url, "publish", "--all", "--by", "rui").stdout.strip() == "1 published"
    assert store.example("mine-1").cells["summary"] == "Two lines,\r\nin one cell."

    added = run(
        url, "presentations", "add", "--title", "Module 3", "--ids", "mine-1,ddr-radio-outreach", "--by", "edna"
    )
    assert added.returncode == 0 and re.fullmatch(r"/\?p=module-3-[0-9a-f]{6}", added.stdout.strip())
    listed = run(url, "presentations", "list").stdout
    assert added.stdout.strip() in listed and "Module 3\tedna\t2 examples" in listed
    unknown = run(url, "presentations", "add", "--title", "X", "--ids", "nope", "--by", "edna")
    assert unknown.returncode == 1 and "nope" in unknown.stderr
    LiveSessions(store).start(Actor("edna", "editor"), added.stdout.strip().removeprefix("/?p="), "http://x")
    assert run(url, "live", "purge", "--older-than", "0").stdout.strip().startswith("1 live sessions deleted")
    assert run(url, "live", "purge", "--older-than", "-1").returncode == 1

    exported = tmp_path / "all.csv"
    assert run(url, "export", str(exported)).returncode == 0
    backup = tmp_path / "backup.json"
    assert run(url, "backup", str(backup)).returncode == 0
    assert run(url, "check").stdout.strip() == "the store is whole"
    refused = run(url, "restore", str(backup))  # never over people's work unless forced
    assert refused.returncode == 1 and "already holds" in refused.stderr and "accounts: 3" in refused.stderr
    assert oct(backup.stat().st_mode & 0o777) == "0o600"  # it holds password hashes

    fresh = empty(Store(url))
    fresh.ensure_seeded()
    assert run(url, "restore", str(backup)).stdout.strip() == "10 examples restored"
    assert fresh.example("mine-1").status == "published"
    assert [h.author for h in fresh.history("mine-1")] == ["edna", "rui"]
    assert fresh.sign_in("edna", "a long secret").role == "editor"
    assert [d.title for d in Presentations(fresh).listing()] == ["Module 3"]  # the backup holds the decks

    again = empty(Store(url))  # an export imported into an empty store: the same content
    again.migrate()
    frame = pd.read_csv(exported, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    report = again.import_frame(Actor("admin", "admin"), frame, "all.csv")
    assert report.accepted == 10
    assert again.example("mine-1").cells == fresh.example("mine-1").cells
