"""deploy/locations.conf as nginx reads it: a location that sets any ``proxy_set_header`` inherits
none of the server's, so the WebSocket once reached the app without ``X-Real-IP`` and every viewer
behind nginx shared one address (one rate limit for all)."""

import re

from bench.app_server import ROOT

LOCATIONS = re.sub(r"#.*", "", (ROOT / "deploy" / "locations.conf").read_text())  # without comments


def blocks() -> dict[str, str]:
    """Each ``location`` → the directives inside its braces (no nested blocks there)."""
    return dict(re.findall(r"^location\s+([^{]+?)\s*\{([^}]*)\}", LOCATIONS, re.M))


def test_no_location_sets_its_own_proxy_headers_so_each_keeps_the_servers():
    assert set(blocks()) >= {"/", "/static/", "/_stcore/stream", "/_stcore/upload_file"}
    for location, body in blocks().items():
        assert "proxy_set_header" not in body, location


def test_every_request_and_the_websocket_carry_the_address_and_the_upgrade():
    outside = re.sub(r"^location\s+[^{]+\{[^}]*\}", "", LOCATIONS, flags=re.M)
    for header in ("Host $host", "X-Real-IP $remote_addr", "Upgrade $http_upgrade", "Connection $connection_upgrade"):
        assert f"proxy_set_header {header};" in outside, header
