"""The rules of docs/architecture.md: one home for the page state, views that do not import views,
and a data/ package with no Streamlit."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VIEWS = {
    *("view_switch", "filters", "explore", "map_view", "timeline", "cards", "presenter", "your_data", "about"),
    *("saved", "account", "desk", "live_trainer", "room"),
}


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    return found | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}


# The modules that hold session values, each one kind (docs/architecture.md); the URL is the page state's alone.
SESSION_HOLDERS = ["components/desk_memory.py", "components/messages.py", "components/participant.py"]
SESSION_HOLDERS += ["components/signin.py", "components/state.py"]


def touching(pattern: str) -> list[str]:
    return [
        path.relative_to(ROOT).as_posix()
        for path in [ROOT / "app.py", *sorted((ROOT / "components").rglob("*.py"))]
        if re.search(pattern, path.read_text(encoding="utf-8"))
    ]


def test_only_the_state_module_touches_the_url():
    assert touching(r"\bst\.query_params") == ["components/state.py"]  # not a route's request.query_params


def test_only_the_session_holders_touch_the_session():
    assert touching(r"st\.session_state") == sorted(SESSION_HOLDERS)


def test_views_do_not_import_views():
    for name in VIEWS:
        imported = {m.removeprefix("components.") for m in imports(ROOT / "components" / f"{name}.py")}
        assert not imported & (VIEWS - {name}), name


def test_every_component_is_named_in_the_architecture():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    modules = [*(ROOT / "components").rglob("*.py"), *(ROOT / "data").glob("*.py"), *(ROOT / "store").glob("*.py")]
    for path in [*modules, *(ROOT / "kit").glob("*.py")]:
        if path.stem not in ("__init__", "__main__", "build_country_points"):
            assert path.stem in text, path


def test_data_has_no_streamlit():
    for path in (ROOT / "data").glob("*.py"):
        assert not any(m.split(".")[0] == "streamlit" for m in imports(path)), path


def test_the_kit_is_built_without_streamlit():
    """The field kit is pure Python writing one file: it runs with no app and no session."""
    for path in (ROOT / "kit").glob("*.py"):
        assert not any(m.split(".")[0] in ("streamlit", "components") for m in imports(path)), path


def test_the_store_does_not_draw():
    for path in (ROOT / "store").glob("*.py"):
        assert not any(m.split(".")[0] in ("streamlit", "components") for m in imports(path)), path


def test_no_test_imports_another_test():
    for path in (ROOT / "tests").rglob("*.py"):
        imported = [m for m in imports(path) if m.startswith("tests.") and m.rsplit(".", 1)[-1].startswith("test_")]
        assert imported == [], path


def test_small_rooms():
    """No page, view or shared module over 300 lines (one job each); app.py the set-up and dispatch alone."""
    for path in [ROOT / "app.py", *(ROOT / "components").rglob("*.py")]:
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 300, path
    assert len((ROOT / "app.py").read_text(encoding="utf-8").splitlines()) <= 60


def test_one_page_per_screen_and_pages_do_not_import_pages():
    pages = {path.stem for path in (ROOT / "components" / "pages").glob("*.py")} - {"__init__", "common"}
    assert pages == {"explore", "present", "room"}
    for name in pages:
        imported = {m.removeprefix("components.pages.") for m in imports(ROOT / "components" / "pages" / f"{name}.py")}
        assert not imported & (pages - {name}), name
