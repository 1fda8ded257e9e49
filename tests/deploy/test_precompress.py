import fcntl

import brotli

from deploy.precompress import SMALLEST, mirror


def streamlit_like(root):
    """A small stand-in for Streamlit's static folder: a script, a short one, a font."""
    (root / "static" / "js").mkdir(parents=True)
    (root / "static" / "media").mkdir()
    script = b"export const plotly = 'a chart';\n" * 200
    (root / "static" / "js" / "Plotly.abc123.js").write_bytes(script)
    (root / "static" / "js" / "tiny.def456.js").write_bytes(b"x" * (SMALLEST - 1))
    (root / "static" / "media" / "Font.ghi789.woff2").write_bytes(b"\x77\x4f\x46\x32" * 400)
    (root / "index.html").write_text("<html>the page stays with the app</html>")
    return script


def test_the_mirror_copies_every_file_and_compresses_the_scripts_once(tmp_path):
    script = streamlit_like(tmp_path / "source")
    target = tmp_path / "served"
    assert mirror(target, tmp_path / "source") == 1
    served = target / "static" / "js" / "Plotly.abc123.js"
    assert served.read_bytes() == script
    assert brotli.decompress((target / "static" / "js" / "Plotly.abc123.js.br").read_bytes()) == script
    assert (target / "static" / "js" / "Plotly.abc123.js.br").stat().st_size < len(script) / 10
    assert not (target / "static" / "js" / "tiny.def456.js.br").exists()  # too short to gain
    assert (target / "static" / "media" / "Font.ghi789.woff2").exists()
    assert not (target / "static" / "media" / "Font.ghi789.woff2.br").exists()  # compressed already
    assert not (target / "index.html").exists()  # only the hashed files, not the page
    assert not list(target.rglob("*.part"))
    assert mirror(target, tmp_path / "source") == 0  # done: a second run only checks


def test_a_second_run_while_one_works_leaves_at_once_and_a_later_one_finishes(tmp_path):
    streamlit_like(tmp_path / "source")
    target = tmp_path / "served"
    target.mkdir()
    with open(target / ".lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert mirror(target, tmp_path / "source") == 0
        assert not (target / "static").exists()
    assert mirror(target, tmp_path / "source") == 1
