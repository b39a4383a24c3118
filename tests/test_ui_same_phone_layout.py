"""The warning for a phone already on file sits below the form's fields, whole: nothing drawn
over Notes, the customer's name readable, a very long name elided only on its button (with a
tooltip). In English and Chinese, through the real dialog."""

from __future__ import annotations

from conftest import ui_context
from PySide6.QtCore import QRect

from outletdesk.core.customers import CustomerInput
from outletdesk.ui.customer_dialog import CustomerDialog

LONG_NAME = "欧阳诸葛慕容司马上官皇甫长孙宇文轩辕令狐端木东方西门南宫北堂"


def _in_dialog(dialog: CustomerDialog, widget) -> QRect:
    return QRect(widget.mapTo(dialog, widget.rect().topLeft()), widget.size())


def _warned(services, clerk, tmp_path, qtbot, on_file: list[CustomerInput]) -> CustomerDialog:
    for customer in on_file:
        services.customers.create(clerk, customer)
    dialog = CustomerDialog(ui_context(services, clerk, tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.name.setText("Duplicate Person")
    dialog.phones[0].setText("+86 139-1234-5678")
    dialog.submit()
    panel = dialog.same_phone
    assert panel.isVisible()
    qtbot.waitUntil(
        lambda: _in_dialog(dialog, panel).top() >= _in_dialog(dialog, dialog.notes).bottom()
    )
    return dialog


def _assert_laid_out(dialog: CustomerDialog) -> None:
    panel = dialog.same_phone
    box, notes = _in_dialog(dialog, panel), _in_dialog(dialog, dialog.notes)
    assert box.top() > notes.bottom()  # below Notes, not over it
    buttons = _in_dialog(dialog, dialog.save_button)
    assert box.bottom() < buttons.top()  # and above Save / Cancel
    assert dialog.rect().contains(box)
    # every line of the text has room at the width it got
    text = panel.text
    assert text.height() >= text.heightForWidth(text.width())
    for button in [*dialog.open_buttons, dialog.save_anyway_button]:
        if button.isVisible():
            assert button.width() >= button.sizeHint().width()  # its text is not cut
            assert panel.rect().contains(
                QRect(button.mapTo(panel, button.rect().topLeft()), button.size())
            )


def test_a_long_name_on_file_is_shown_whole_below_notes(services, clerk, tmp_path, qtbot, language):
    dialog = _warned(services, clerk, tmp_path, qtbot, [CustomerInput(LONG_NAME, ["13912345678"])])
    _assert_laid_out(dialog)
    panel = dialog.same_phone
    assert LONG_NAME in panel.text.text() and "13912345678" in panel.text.text()
    # the button is elided, with the whole name in its tooltip; the form keeps its width
    button = dialog.open_buttons[0]
    assert "…" in button.text() and LONG_NAME not in button.text()
    assert LONG_NAME in button.toolTip()
    assert dialog.width() <= 470
    dialog.grab().save(str(tmp_path / f"same_phone_{language}.png"))


def test_usual_names_are_whole_on_their_buttons(services, clerk, tmp_path, qtbot, language):
    on_file = [
        CustomerInput("张静芳", ["13912345678"]),
        CustomerInput("Tom & Jerry", ["13912345678"]),
        CustomerInput("王磊", ["+86 139 1234 5678"]),
    ]
    dialog = _warned(services, clerk, tmp_path, qtbot, on_file)
    _assert_laid_out(dialog)
    texts = [b.text() for b in dialog.open_buttons]
    assert all("…" not in t for t in texts)
    assert any(t.endswith("Tom && Jerry") for t in texts)  # "&" shown, not a shortcut
    assert [b.toolTip() for b in dialog.open_buttons] == ["", "", ""]
