"""The server settings in .streamlit/config.toml that keep the app safe and offline."""

import tomllib
from pathlib import Path

from data.reading import MAX_BYTES

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_xsrf_protection_is_on():
    assert CONFIG["server"]["enableXsrfProtection"] is True


def test_upload_limit_matches_the_apps_own():
    assert CONFIG["server"]["maxUploadSize"] * 1024 * 1024 == MAX_BYTES


def test_no_usage_statistics_and_no_development_mode():
    assert CONFIG["browser"]["gatherUsageStats"] is False
    assert CONFIG["global"]["developmentMode"] is False


def test_static_serving_holds_only_the_map_and_fonts():
    assert CONFIG["server"]["enableStaticServing"] is True
    served = {p.relative_to(ROOT / "static").as_posix() for p in (ROOT / "static").rglob("*") if p.is_file()}
    assert served == {
        "topojson/world_110m.json",
        "topojson/LICENSE",
        "fonts/DejaVuSans.ttf",
        "fonts/DejaVuSans-Bold.ttf",
        "fonts/LICENSE",
    }


def test_viewers_never_see_a_traceback():
    assert CONFIG["client"]["showErrorDetails"] == "none"


def test_the_first_start_asks_no_question():
    assert CONFIG["server"]["showEmailPrompt"] is False


def test_no_watching_of_the_source_files():
    """Watching cost every new session about 300 ms before its first screen (bench/RESULTS.md)."""
    assert CONFIG["server"]["fileWatcherType"] == "none"
