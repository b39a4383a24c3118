"""Settings page driven through real widgets (offscreen), against SQLite and PostgreSQL."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import audit_count, poppler_missing, require_poppler
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog

from outletdesk.core.changes import Changes
from outletdesk.core.outlets import OutletInput
from outletdesk.core.settings import ReceiptSettings
from outletdesk.models import Role
from outletdesk.printing.document import OutletHeader
from outletdesk.printing.receipts import build_test_receipt
from outletdesk.printing.render import render_receipt_bytes
from outletdesk.ui.context import AppContext, ChangeBus
from outletdesk.ui.print_preview import PrintPreviewDialog, print_pdf
from outletdesk.ui.settings import SettingsPage
from outletdesk.ui.settings import receipt_tab as receipt_tab_module
from outletdesk.ui.settings.users_tab import UserDialog
from outletdesk.ui.tasks import TaskRunner

MM = 72 / 25.4

# The offscreen platform cannot resize a shown dialog to its size hint and says so; harmless here.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def make_context(services, actor, tmp_path: Path) -> AppContext:
    seat = QSettings(str(tmp_path / "seat.ini"), QSettings.Format.IniFormat)
    return AppContext(services, actor, TaskRunner(inline=True), ChangeBus(), seat)


@pytest.fixture
def admin_page(qtbot, services, admin, tmp_path) -> SettingsPage:
    page = SettingsPage(make_context(services, admin, tmp_path))
    qtbot.addWidget(page)
    return page


@pytest.fixture
def clerk_page(qtbot, services, clerk, tmp_path) -> SettingsPage:
    page = SettingsPage(make_context(services, clerk, tmp_path))
    qtbot.addWidget(page)
    return page


def sample_pdf(paper: str = "80mm") -> bytes:
    doc = build_test_receipt(OutletHeader("North 北站"), "", "Thanks", "Terms " * 300)
    return render_receipt_bytes(doc, paper)


def test_outlet_details_are_loaded_edited_and_saved(qtbot, admin_page, services, outlet):
    tab = admin_page.outlet_tab
    assert tab.form.name.text() == outlet.name
    assert tab.table.rowCount() == 1
    published = []
    admin_page.ctx.bus.changed.connect(published.append)

    qtbot.keyClicks(tab.form.name, " B")
    tab.form.phone.setText("010 6255 9999")
    tab.save_button.click()

    saved = services.outlets.get(outlet.id)
    assert saved.name == outlet.name + " B"
    assert saved.phone == "010 6255 9999"
    assert saved.version == outlet.version + 1
    assert tab.outlet is not None and tab.outlet.version == saved.version
    assert published and published[0].outlets
    assert tab.status.text() == "Saved."

    # A second save works with the new version (no stale-record error).
    tab.form.address.setPlainText("1 New Rd")
    tab.save()
    assert services.outlets.get(outlet.id).address == "1 New Rd"
    assert tab.form.error.isHidden()


def test_empty_outlet_name_is_shown_on_the_field_and_nothing_is_written(
    admin_page, services, outlet
):
    tab = admin_page.outlet_tab
    before = audit_count(services)
    tab.form.name.setText("   ")
    tab.save()

    assert not tab.form.error.isHidden()
    assert tab.form.error.text().startswith("Outlet name:")
    assert "c62828" in tab.form.name.styleSheet()
    assert tab.form.phone.styleSheet() == ""
    assert services.outlets.get(outlet.id) == outlet
    assert audit_count(services) == before

    tab.form.name.setText("North again")
    tab.save()
    assert tab.form.error.isHidden()
    assert tab.form.name.styleSheet() == ""


def test_stale_outlet_save_is_refused_in_the_form(admin_page, services, outlet, cli_actor):
    tab = admin_page.outlet_tab
    services.outlets.update(
        cli_actor, outlet.id, outlet.version, OutletInput("N", "Changed elsewhere")
    )
    tab.form.name.setText("My change")
    tab.save()
    assert "changed by someone else" in tab.form.error.text()
    assert services.outlets.get(outlet.id).name == "Changed elsewhere"


def test_add_outlet_through_the_dialog(admin_page, services):
    tab = admin_page.outlet_tab
    dialog = tab.add_outlet()
    dialog.form.code.setText("s")
    dialog.form.name.setText("South 南站店")
    dialog.submit()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.outlets.by_code("S").name == "South 南站店"
    assert tab.table.rowCount() == 2  # the page refreshed from the published change


def test_clerk_sees_save_disabled_and_users_locked(clerk_page, services, outlet):
    outlet_tab = clerk_page.outlet_tab
    assert not outlet_tab.save_button.isEnabled()
    assert "administrator" in outlet_tab.save_button.toolTip()
    assert outlet_tab.form.name.isReadOnly()
    assert outlet_tab.add_button.isHidden()
    assert not clerk_page.receipt_tab.save_button.isEnabled()
    assert not clerk_page.database_tab.backup_button.isEnabled()

    users = clerk_page.users_tab
    assert users.locked
    assert not users.notice.isHidden()
    assert users.notice.text() == "Only an administrator can manage users."
    assert users.table.isHidden() and users.add_button.isHidden()
    assert users.add_user() is None

    outlet_tab.save()  # the shortcut path does nothing either
    assert services.outlets.get(outlet.id) == outlet


def test_receipt_texts_save(admin_page, services):
    tab = admin_page.receipt_tab
    assert tab.footer.toPlainText() == ReceiptSettings().footer
    tab.header.setPlainText("欢迎 Welcome")
    tab.footer.setPlainText("Bye 再见")
    tab.terms.setPlainText("No warranty on water damage.")
    tab.save_button.click()

    assert services.settings.receipt() == ReceiptSettings(
        "欢迎 Welcome", "Bye 再见", "No warranty on water damage."
    )
    assert tab.status.text() == "Saved."


def test_too_long_receipt_footer_is_shown_on_its_field(admin_page, services):
    tab = admin_page.receipt_tab
    tab.footer.setPlainText("x" * 301)
    tab.save()
    assert tab.error.text().startswith("Receipt footer:")
    assert "c62828" in tab.footer.styleSheet()
    assert services.settings.receipt() == ReceiptSettings()


def test_test_receipt_preview_renders_saved_texts_on_seat_paper(
    qtbot, admin_page, services, outlet, tmp_path
):
    require_poppler("pdftotext", "pdfinfo")
    admin_page.printing_tab.paper.setCurrentIndex(admin_page.printing_tab.paper.findData("a4"))
    tab = admin_page.receipt_tab
    tab.footer.setPlainText("Footer 页脚")
    tab.save()

    pdf = tab.test_receipt_work()()
    path = tmp_path / "preview.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    width = float(re.search(r"Page size:\s+([\d.]+) x", info).group(1))
    assert width == pytest.approx(210 * MM, abs=1)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "Footer 页脚" in text and "北站店" in text

    # The button path opens the (non-blocking) preview on the rendered PDF.
    tab.preview_test_receipt()
    assert tab.preview is not None
    qtbot.addWidget(tab.preview)
    assert tab.preview.page_count() >= 1
    tab.preview.reject()


def test_print_preview_loads_pdf_and_saves_it(qtbot, tmp_path, monkeypatch):
    seat = QSettings(str(tmp_path / "seat.ini"), QSettings.Format.IniFormat)
    pdf = sample_pdf("a4")
    dialog = PrintPreviewDialog(pdf, "Test receipt", seat, runner=TaskRunner(inline=True))
    qtbot.addWidget(dialog)
    assert dialog.page_count() >= 2  # long terms flow over several A4 pages
    assert dialog.print_button.isEnabled()

    target = tmp_path / "out" / "copy"
    target.parent.mkdir()
    monkeypatch.setattr(dialog, "ask_save_path", lambda: str(target))
    dialog.save_document()
    assert (tmp_path / "out" / "copy.pdf").read_bytes() == pdf
    assert "copy.pdf" in dialog.status.text()


def test_print_preview_reports_unreadable_pdf(qtbot, tmp_path):
    seat = QSettings(str(tmp_path / "seat.ini"), QSettings.Format.IniFormat)
    dialog = PrintPreviewDialog(b"not a pdf", "Broken", seat, runner=TaskRunner(inline=True))
    qtbot.addWidget(dialog)
    assert dialog.page_count() == 0
    assert not dialog.print_button.isEnabled()
    assert dialog.status.text()


def test_printing_keeps_the_roll_width(qtbot, tmp_path, monkeypatch):
    """Printing to a PDF printer shows the page size the printer receives: 80 mm stays 80 mm."""
    require_poppler("pdfinfo")
    seat = QSettings(str(tmp_path / "seat.ini"), QSettings.Format.IniFormat)
    dialog = PrintPreviewDialog(sample_pdf("80mm"), "Slip", seat, runner=TaskRunner(inline=True))
    qtbot.addWidget(dialog)
    out = tmp_path / "printed.pdf"

    def fake_dialog(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(203)
        return True

    monkeypatch.setattr(dialog, "ask_printer", fake_dialog)
    dialog.print_document()
    assert dialog.status.text() == "Pages sent to the printer: 1"
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert width == pytest.approx(80 * MM, abs=1)
    assert height == pytest.approx(dialog._pages.document.pagePointSize(0).height(), abs=1)


def test_print_pdf_multi_page(qtbot, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "a4.pdf"))
    pages = print_pdf(sample_pdf("a4"), printer)
    assert pages >= 2
    if poppler_missing("pdfinfo") is None:
        info = subprocess.run(
            ["pdfinfo", str(tmp_path / "a4.pdf")], capture_output=True, text=True
        ).stdout
        assert re.search(rf"Pages:\s+{pages}\b", info)


def test_printing_preselects_the_seat_printer(qtbot, tmp_path):
    seat = QSettings(str(tmp_path / "seat.ini"), QSettings.Format.IniFormat)
    dialog = PrintPreviewDialog(sample_pdf(), "Slip", seat, runner=TaskRunner(inline=True))
    qtbot.addWidget(dialog)
    installed = QPrinterInfo.availablePrinterNames()
    if installed:
        seat.setValue("printing/printer", installed[-1])
        assert dialog.make_printer().printerName() == installed[-1]
    seat.setValue("printing/printer", "Unplugged-Thermal")
    assert dialog.make_printer().printerName() != "Unplugged-Thermal"
    assert "Unplugged-Thermal" in dialog.status.text()


def test_paper_printer_and_language_are_stored_on_the_seat(admin_page):
    seat = admin_page.ctx.seat
    printing = admin_page.printing_tab
    assert printing.paper.currentData() == "80mm"
    printing.paper.setCurrentIndex(printing.paper.findData("58mm"))
    assert seat.value("printing/paper") == "58mm"
    assert admin_page.receipt_tab.paper() == "58mm"
    assert printing.printer.itemData(0) == ""
    if printing.printer.count() == 1:
        assert not printing.no_printers.isHidden()

    language = admin_page.language_tab
    assert language.language.currentData() == "en"
    language.language.setCurrentIndex(language.language.findData("zh_CN"))
    assert seat.value("ui/language") == "zh_CN"
    assert "restarts" in language.notice.text()


def test_seat_choices_are_shown_when_the_page_opens_again(qtbot, services, admin, tmp_path):
    ctx = make_context(services, admin, tmp_path)
    ctx.seat.setValue("printing/paper", "a4")
    ctx.seat.setValue("printing/printer", "Gone-Printer")
    ctx.seat.setValue("ui/language", "zh_CN")
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert page.printing_tab.paper.currentData() == "a4"
    assert page.printing_tab.printer.currentData() == "Gone-Printer"
    assert "not found" in page.printing_tab.printer.currentText()
    assert page.language_tab.language.currentText() == "简体中文"


def test_database_tab_and_backup(admin_page, services, tmp_path, monkeypatch):
    tab = admin_page.database_tab
    assert tab.location.text() == services.db.describe()
    from outletdesk.migrations import HEAD

    assert tab.revision.text() == HEAD
    target = tmp_path / "backups" / "od.sqlite3"
    monkeypatch.setattr(tab, "ask_backup_path", lambda: str(target))
    tab.backup_button.click()
    assert target.is_file()
    assert str(target) in tab.result.text()
    assert "1 outlets" in tab.result.text()
    assert admin_page.ctx.seat.value("backup/folder") == str(target.parent)


def test_users_table_lists_users_with_roles(admin_page, admin):
    users = admin_page.users_tab
    assert not users.locked
    names = [users.table.item(r, 0).text() for r in range(users.table.rowCount())]
    assert names == ["admin"]
    assert users.table.item(0, 2).text() == "Administrator"
    assert users.table.item(0, 3).text() == "Yes"
    assert users.table.item(0, 4).text()  # signed in by the fixture


def test_add_user_through_the_dialog(admin_page, services, admin, outlet):
    users = admin_page.users_tab
    dialog = users.add_user()
    assert dialog is not None
    dialog.username.setText("Li.Wei")
    dialog.full_name.setText("李伟")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.TECHNICIAN.value))
    assert dialog.role.currentText() == "Technician"
    assert dialog.outlet.currentData() == outlet.id
    dialog.password.setText("long-secret")
    dialog.repeat.setText("long-secreT")
    dialog.submit()
    assert "differ" in dialog.error.text()
    assert "c62828" in dialog.repeat.styleSheet()
    assert len(services.users.list(admin)) == 1

    dialog.repeat.setText("long-secret")
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    created = next(u for u in services.users.list(admin) if u.username == "li.wei")
    assert (created.display_name, created.role, created.home_outlet_id) == (
        "李伟",
        Role.TECHNICIAN,
        outlet.id,
    )
    assert services.auth.sign_in("li.wei", "long-secret").user_id == created.id
    assert users.table.rowCount() == 2


def test_add_user_errors_are_shown_on_the_field(admin_page, services, admin):
    dialog = admin_page.users_tab.add_user()
    dialog.username.setText("admin")
    dialog.password.setText("long-secret")
    dialog.repeat.setText("long-secret")
    dialog.submit()
    assert dialog.error.text().startswith("User name:")
    assert "c62828" in dialog.username.styleSheet()
    assert dialog.result() != QDialog.DialogCode.Accepted

    dialog.username.setText("new")
    dialog.password.setText("x")
    dialog.repeat.setText("x")
    dialog.submit()
    assert dialog.error.text().startswith("Password:")
    assert len(services.users.list(admin)) == 1


def test_edit_user_and_version_check(qtbot, admin_page, services, admin, outlet):
    services.users.create(admin, "clerk2", "Clerk Two", "clerk", "secret-pw", outlet.id)
    admin_page.refresh(Changes(users=True))
    users = admin_page.users_tab
    assert users.edit_user() is None
    assert "Choose a user" in users.error.text()

    users.table.selectRow(1)
    dialog = users.edit_user()
    assert dialog.username.isReadOnly() and dialog.username.text() == "clerk2"
    dialog.full_name.setText("Clerk Two-Zhang")
    dialog.active.setChecked(False)
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    edited = next(u for u in services.users.list(admin) if u.username == "clerk2")
    assert edited.display_name == "Clerk Two-Zhang" and not edited.active
    assert users.table.item(1, 3).text() == "No"

    # A dialog opened on the old version is refused with the service's message.
    old = UserDialog(admin_page.ctx, users.outlets, dialog.user)
    old.full_name.setText("Overwrite")
    qtbot.addWidget(old)
    old.submit()
    assert "changed by someone else" in old.error.text()


def test_reset_password(admin_page, services, admin):
    users = admin_page.users_tab
    users.table.selectRow(0)
    dialog = users.reset_password()
    dialog.password.setText("brand-new")
    dialog.repeat.setText("brand-new")
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.auth.sign_in("admin", "brand-new").user_id == admin.user_id


def test_printing_and_saving_run_on_the_worker_thread(qtbot, tmp_path):
    """On the app's real worker the given runner prints and saves; results reach the UI."""
    seat = QSettings(str(tmp_path / "seat.ini"), QSettings.Format.IniFormat)
    runner = TaskRunner()
    dialog = PrintPreviewDialog(sample_pdf(), "Slip", seat, runner=runner)
    qtbot.addWidget(dialog)
    out = tmp_path / "printed.pdf"

    def fake_dialog(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    dialog.ask_printer = fake_dialog
    dialog.print_document()
    qtbot.waitUntil(lambda: "sent to the printer" in dialog.status.text(), timeout=10_000)
    assert out.stat().st_size > 0

    dialog.ask_save_path = lambda: str(tmp_path / "saved.pdf")
    dialog.save_document()
    qtbot.waitUntil(lambda: "Saved" in dialog.status.text(), timeout=10_000)
    assert (tmp_path / "saved.pdf").read_bytes().startswith(b"%PDF")
    dialog.reject()
    runner.shutdown()


def test_preview_dialog_needs_the_apps_runner(tmp_path):
    seat = QSettings(str(tmp_path / "seat.ini"), QSettings.Format.IniFormat)
    with pytest.raises(TypeError):
        PrintPreviewDialog(sample_pdf(), "Slip", seat)  # type: ignore[call-arg]


def test_test_receipt_words_go_through_translation(admin_page, tmp_path, monkeypatch):
    """The receipt tab translates every test receipt word in context "core" and prints the result."""
    require_poppler("pdftotext")
    chinese = {"Test receipt": "测试小票", "Customer signature": "顾客签名", "Total": "合计"}
    asked: list[str] = []

    def translate(text: str) -> str:
        asked.append(text)
        return chinese.get(text, text)

    monkeypatch.setattr(receipt_tab_module, "translate_core", translate)
    pdf = admin_page.receipt_tab.test_receipt_work()()
    path = tmp_path / "translated.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "测试小票" in text and "顾客签名" in text and "合计" in text
    assert "Customer signature" not in text
    assert set(asked) >= set(chinese) and "Diagnosis" in asked
