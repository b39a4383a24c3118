"""Codes in a details pane's free text (MR-N-000011) never break at their hyphens, however
narrow the pane; they copy with plain hyphens; dates, numbers and plain words are left alone."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextDocument, QTextTable

from outletdesk.ui.table_model import DetailsBrowser, html_table, whole_codes

CODES = ("MR-N-000011", "WO-S-000123", "EQ-S-000001", "VAN-1")
DETAIL = (
    "Screen flickers, see MR-N-000011 (after WO-S-000123); 王芳：EQ-S-000001借用 VAN-1 "
    "well-known fault"
)


def cell_lines(document: QTextDocument, row: int, column: int) -> list[str]:
    document.size()  # lays the document out
    table = next(f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable))
    block = table.cellAt(row, column).firstCursorPosition().block()
    layout, text = block.layout(), block.text()
    return [
        text[
            layout.lineAt(n).textStart() : layout.lineAt(n).textStart()
            + layout.lineAt(n).textLength()
        ]
        for n in range(layout.lineCount())
    ]


def test_codes_stay_whole_at_any_width(qapp):
    html = html_table(
        ("When", "What", "Details"), [("2026-11-23 07:01", "Breakdown", DETAIL)], set(), {0}
    )
    document = QTextDocument()
    document.setDefaultFont(QFont("Sans Serif", 9))
    document.setHtml(html)
    wrapped = 0
    for width in range(330, 700, 7):  # the narrowest pane is 330 px
        document.setTextWidth(width)
        lines = [line.replace("\u2011", "-") for line in cell_lines(document, 1, 2)]
        wrapped += len(lines) > 1
        for code in CODES:
            assert any(code in line for line in lines), f"{code} broken at {width}: {lines}"
    assert wrapped > 10  # the test saw the details wrap
    # a whole column keeps its text on one line (Qt shows its space as a no-break one)
    assert cell_lines(document, 1, 0) == ["2026-11-23\xa007:01"]


def test_only_codes_get_non_breaking_hyphens():
    shown = whole_codes(DETAIL)
    for code in CODES:
        assert code.replace("-", "\u2011") in shown
    assert "well-known" in shown
    assert whole_codes("2026-11-23 a-b x-1") == "2026\u201111\u201123 a-b x\u20111"
    assert whole_codes("MR-N-000011-") == "MR\u2011N\u2011000011-"


def test_a_copied_code_has_plain_hyphens(qtbot):
    browser = DetailsBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(html_table(("Details",), [(DETAIL,)], set(), set()))
    browser.selectAll()
    assert "\u2011" in browser.toPlainText()  # shown with non-breaking hyphens
    copied = browser.createMimeDataFromSelection().text()
    assert "MR-N-000011" in copied and "\u2011" not in copied
