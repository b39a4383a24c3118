"""Customers found wanting after release: nothing typed is cut to fit, and a phone number already on
file is warned about naming its customer (SQLite and PostgreSQL, through the real dialog)."""

from __future__ import annotations

import pytest
from conftest import audit_count, ui_context
from PySide6.QtCore import Qt

from outletdesk.core.customers import CustomerInput
from outletdesk.core.errors import ValidationError
from outletdesk.ui.customer_dialog import CustomerDialog
from outletdesk.ui.customers_page import CustomersPage

ZHANG = CustomerInput("张静芳", ["159 0830 1661", "010 6255 0188"])


def _count(services, actor) -> int:
    return services.customers.search(actor, "").total


@pytest.fixture
def ctx(services, clerk, tmp_path):
    return ui_context(services, clerk, tmp_path)


@pytest.fixture
def page(ctx, qtbot):
    widget = CustomersPage(ctx)
    qtbot.addWidget(widget)
    opened: list[CustomerDialog] = []
    widget.open_dialog = opened.append  # type: ignore[method-assign]
    widget.opened = opened  # type: ignore[attr-defined]
    return widget


def _new_dialog(page, qtbot) -> CustomerDialog:
    page.new_customer()
    dialog = page.opened[-1]
    qtbot.addWidget(dialog)
    return dialog


# ------------------------------------------------------------------ the lookup in the core


def test_customers_with_the_same_number_are_found_normalised(services, clerk):
    zhang, _ = services.customers.create(clerk, ZHANG)
    other, _ = services.customers.create(clerk, CustomerInput("Lars Rossi", ["168 4981 1433"]))
    found = services.customers.with_same_phone(clerk, CustomerInput("Li", ["159-0830-1661"]))
    assert [c.name for c in found] == ["张静芳"]
    # any of the numbers typed; a number on file with "+" is the same digits
    services.customers.update(
        clerk, other.id, other.version, CustomerInput("Lars Rossi", ["+86 168 4981 1433"])
    )
    found = services.customers.with_same_phone(
        clerk, CustomerInput("Li", ["13800138000", "8616849811433", "(010) 6255-0188"])
    )
    assert [c.name for c in found] == ["Lars Rossi", "张静芳"]
    assert services.customers.with_same_phone(clerk, CustomerInput("Li", ["15908301662"])) == []
    assert zhang.phones == ("15908301661", "01062550188")


def test_editing_counts_only_numbers_the_customer_does_not_have_yet(services, clerk):
    zhang, _ = services.customers.create(clerk, ZHANG)
    husband, _ = services.customers.create(clerk, CustomerInput("王磊", ["15908301661"]))
    unchanged = CustomerInput("王磊 Wang Lei", ["15908301661"])
    assert services.customers.with_same_phone(clerk, unchanged, husband.id) == []
    moved = CustomerInput("王磊", ["15908301661", "01062550188"])
    assert [c.id for c in services.customers.with_same_phone(clerk, moved, husband.id)] == [
        zhang.id
    ]
    # editing 张静芳 herself: her own numbers never name her
    assert services.customers.with_same_phone(clerk, ZHANG, zhang.id) == []


def test_the_lookup_checks_the_input_as_a_save_would(services, clerk):
    with pytest.raises(ValidationError) as err:
        services.customers.with_same_phone(clerk, CustomerInput("W" * 300, ["15908301661"]))
    assert str(err.value) == "Name: is too long (300 characters; at most 120)."
    with pytest.raises(ValidationError) as err:
        services.customers.with_same_phone(clerk, CustomerInput("Li", ["call me"]))
    assert err.value.field == "Phone"


def test_a_shared_number_is_still_saved_for_a_second_customer(services, clerk):
    services.customers.create(clerk, ZHANG)
    services.customers.create(clerk, CustomerInput("Duplicate Phone", ["159 0830 1661"]))
    assert sorted(c.name for c in services.customers.search(clerk, "15908301661").rows) == [
        "Duplicate Phone",
        "张静芳",
    ]


# ------------------------------------------------------------------ nothing cut while typing


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("name", "W" * 300, "Name: is too long (300 characters; at most 120)."),
        ("email", "a" * 250 + "@example.com", "E-mail: is too long (262 characters; at most 254)."),
        ("phone", "1" * 45, "Phone: “" + "1" * 40 + "” must have 5 to 15 digits."),
    ],
)
def test_typed_text_is_kept_whole_and_refused_naming_the_field(
    ctx, page, qtbot, services, field, typed, message
):
    dialog = _new_dialog(page, qtbot)
    dialog.name.setText("Test Customer")
    dialog.phones[0].setText("13800138001")
    widget = dialog.phones[0] if field == "phone" else getattr(dialog, field)
    widget.clear()
    qtbot.keyClicks(widget, typed)
    assert widget.text() == typed
    before = audit_count(services)
    dialog.submit()
    assert dialog.error.text() == message
    assert "border" in widget.styleSheet()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert _count(services, ctx.actor) == 0
    assert audit_count(services) == before


def test_an_edited_name_typed_too_long_is_refused_and_the_customer_kept(ctx, page, qtbot, services):
    zhang, _ = services.customers.create(ctx.actor, ZHANG)
    page.run_search()
    page.edit_selected()
    dialog = page.opened[-1]
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "W" * 130)
    dialog.submit()
    assert dialog.error.text() == "Name: is too long (133 characters; at most 120)."
    assert services.customers.get(ctx.actor, zhang.id).name == "张静芳"


# ------------------------------------------------------------------ a number already on file


def test_a_new_customer_with_a_number_on_file_is_warned_and_not_saved(ctx, page, qtbot, services):
    services.customers.create(ctx.actor, ZHANG)
    dialog = _new_dialog(page, qtbot)
    qtbot.keyClicks(dialog.name, "Duplicate Phone")
    qtbot.keyClicks(dialog.phones[0], "159 0830 1661")
    dialog.submit()
    assert dialog.same_phone.isVisibleTo(dialog)
    assert "张静芳 (15908301661, 01062550188)" in dialog.same_phone_text.text()
    assert dialog.open_buttons[0].text() == "Open 张静芳"
    assert dialog.open_buttons[0].isVisibleTo(dialog)
    assert not dialog.open_buttons[1].isVisibleTo(dialog)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert _count(services, ctx.actor) == 1
    # Save anyway: families share phones
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_anyway_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    found = services.customers.search(ctx.actor, "15908301661").rows
    assert sorted(c.name for c in found) == ["Duplicate Phone", "张静芳"]


def test_opening_the_customer_on_file_instead(ctx, page, qtbot, services):
    zhang, _ = services.customers.create(ctx.actor, ZHANG)
    services.customers.create(ctx.actor, CustomerInput("Maria Lopez", ["0612345678"]))
    dialog = _new_dialog(page, qtbot)
    dialog.name.setText("张静 Zhang Jing")
    dialog.phones[0].setText("15908301661")
    dialog.submit()
    qtbot.mouseClick(dialog.open_buttons[0], Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Rejected
    assert _count(services, ctx.actor) == 2  # nothing saved
    editing = page.opened[-1]
    qtbot.addWidget(editing)
    assert editing is not dialog and editing.name.text() == "张静芳"
    assert page.selected() is not None and page.selected().id == zhang.id


def test_changing_the_number_hides_the_warning_and_a_free_number_saves_at_once(
    ctx, page, qtbot, services
):
    services.customers.create(ctx.actor, ZHANG)
    dialog = _new_dialog(page, qtbot)
    dialog.name.setText("Li Na")
    dialog.phones[0].setText("15908301661")
    dialog.submit()
    assert dialog.same_phone.isVisibleTo(dialog)
    dialog.phones[0].selectAll()
    qtbot.keyClicks(dialog.phones[0], "13800138000")
    assert not dialog.same_phone.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.saved):
        dialog.submit()
    assert _count(services, ctx.actor) == 2


def test_editing_a_relative_without_new_numbers_saves_without_a_warning(ctx, page, qtbot, services):
    services.customers.create(ctx.actor, ZHANG)
    husband, _ = services.customers.create(ctx.actor, CustomerInput("王磊", ["15908301661"]))
    dialog = CustomerDialog(ctx, husband, page)
    qtbot.addWidget(dialog)
    dialog.email.setText("wang@example.com")
    with qtbot.waitSignal(dialog.saved):
        dialog.submit()
    assert not dialog.same_phone.isVisibleTo(dialog)
    assert services.customers.get(ctx.actor, husband.id).email == "wang@example.com"


def test_more_than_three_on_file_are_counted(ctx, page, qtbot, services):
    for name in ("A One", "B Two", "C Three", "D Four", "E Five"):
        services.customers.create(ctx.actor, CustomerInput(name, ["15908301661"]))
    dialog = _new_dialog(page, qtbot)
    dialog.name.setText("F Six")
    dialog.phones[0].setText("15908301661")
    dialog.submit()
    assert [b.text() for b in dialog.open_buttons] == ["Open A One", "Open B Two", "Open C Three"]
    assert "and 2 more." in dialog.same_phone_text.text()
