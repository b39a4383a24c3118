"""The work-order lines editor on screen: a new line opens its description for typing, and Qt does
not refuse (with "edit: editing failed") a second edit of the cell that becoming current had
already opened. That happened whenever the lines' window was shown but not the active one as the
line came: the part picker adds its part before it closes, so on every part picked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QLineEdit

from outletdesk.models import LineKind
from outletdesk.ui.work_orders.lines_editor import COL_DESCRIPTION, COL_QUANTITY, LinesEditor


@pytest.fixture
def editor(qtbot):
    widget = LinesEditor()
    qtbot.addWidget(widget)
    widget.set_editable(True)  # an open order: every edit trigger, CurrentChanged too
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def _editing_failed(qtlog) -> list[str]:
    return [r.message for r in qtlog.records if "editing failed" in r.message]


def _typing_in_description(editor, row: int) -> QLineEdit:
    """The line's description is open for typing and has the window's focus."""
    table = editor.lines
    assert table.state() is QAbstractItemView.State.EditingState
    assert (table.currentRow(), table.currentColumn()) == (row, COL_DESCRIPTION)
    typing = editor.focusWidget()
    assert isinstance(typing, QLineEdit) and typing.parent() is table.viewport()
    return typing


def test_a_part_picked_in_the_picker_opens_its_line_for_typing(editor, qtbot, qtlog):
    """As the part picker does: its window is the active one when it adds the line."""
    editor.add_line(LineKind.LABOUR, "Diagnosis", "20", "120.00")
    picker = QDialog(editor)
    picker.show()
    picker.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is picker)
    editor.add_line(LineKind.PART, "BAT-IP12 Battery", "1", "180.00", part_id=7)
    assert _editing_failed(qtlog) == []
    _typing_in_description(editor, 1)
    picker.accept()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    typing = _typing_in_description(editor, 1)  # where the keyboard is back
    assert QApplication.focusWidget() is typing
    typing.end(False)
    qtbot.keyClicks(typing, " (original)")  # QTest types ASCII only
    qtbot.keyClick(typing, Qt.Key.Key_Tab)  # on to the quantity, the text kept
    assert editor.lines.currentColumn() == COL_QUANTITY
    assert [(line.description, line.part_id) for line in editor.line_inputs()] == [
        ("Diagnosis", None),
        ("BAT-IP12 Battery (original)", 7),
    ]
    assert _editing_failed(qtlog) == []


@pytest.mark.parametrize(("kind", "quantity"), [(LineKind.LABOUR, "30"), (LineKind.FEE, "1")])
def test_add_labour_or_fee_opens_the_new_lines_description(editor, qtbot, qtlog, kind, quantity):
    editor.add_line(LineKind.FEE, "Diagnosis", "1", "50.00")
    editor.add_line(kind)  # the editor still open on the line before
    assert _editing_failed(qtlog) == []
    typing = _typing_in_description(editor, 1)
    assert QApplication.focusWidget() is typing
    qtbot.keyClicks(typing, "Screen replacement")
    qtbot.keyClick(typing, Qt.Key.Key_Tab)
    assert [(line.description, line.quantity) for line in editor.line_inputs()] == [
        ("Diagnosis", "1"),
        ("Screen replacement", quantity),
    ]
