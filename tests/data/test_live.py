"""A live session's values: the QR code a phone reads, the quiz's shares, the answers' report."""

import io
from datetime import UTC, datetime

import segno
import zxingcpp
from PIL import Image

from data.live import answers_report, qr_data_uri, quiz_shares
from store.live import Answer

SECTIONS = {"ddr": "DDR", "elections": "Elections", "justice": "Justice"}


def test_the_qr_code_holds_the_join_address():
    url = "http://192.168.1.10:8501/?join=ABC234"
    uri = qr_data_uri(url)
    assert uri.startswith("data:image/svg+xml")
    # the same code drawn as a PNG, read as a phone's camera would
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=2)
    (barcode,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(buffer.getvalue())))
    assert barcode.text == url


def test_the_shares_mark_the_right_answer_and_cover_every_choice():
    shares = quiz_shares({"justice": 2, "ddr": 1}, SECTIONS, "justice")
    assert [(s.section, s.count, round(s.share, 3), s.right) for s in shares] == [
        ("ddr", 1, 0.333, False),
        ("elections", 0, 0.0, False),
        ("justice", 2, 0.667, True),
    ]
    assert all(s.share == 0 for s in quiz_shares({}, SECTIONS, "ddr"))  # no answers yet: no division by zero


def test_the_report_names_no_one_and_is_formula_safe():
    at = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
    answers = [
        Answer(1, 1, "x", "quiz", "justice", False, at),
        Answer(2, 1, "x", "text", '=HYPERLINK("http://evil")', True, at),
    ]
    report = answers_report("ABC234", "Module 3", answers, {"x": "An example"}, SECTIONS)
    assert list(report["answer"]) == ["Justice", '\'=HYPERLINK("http://evil")']
    assert list(report["shown"]) == ["no", "yes"] and set(report["at"]) == {"2026-11-26 09:30:00 UTC"}
    assert not any("participant" in column for column in report.columns)
