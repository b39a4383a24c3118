"""Screenshots of every page in English and Chinese on a demo database (run under xvfb-run).

xvfb-run -a .venv/bin/python scripts/screenshots.py OUT_DIR [en|zh_CN ...]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("OUTLETDESK_HOME", tempfile.mkdtemp(prefix="outletdesk-shots-"))


def main(out: Path, languages: list[str]) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from outletdesk.core.demo import fill_demo
    from outletdesk.core.equipment.demo import add_demo_equipment
    from outletdesk.core.parts.demo import add_demo_parts
    from outletdesk.core.services import Services
    from outletdesk.core.work_orders.demo import generate_work_orders
    from outletdesk.ui.context import AppContext, ChangeBus, seat_settings
    from outletdesk.ui.i18n import install_translators
    from outletdesk.ui.main_window import MainWindow
    from outletdesk.ui.tasks import TaskRunner

    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    url = f"sqlite:///{Path(os.environ['OUTLETDESK_HOME']) / 'shots.sqlite3'}"
    services = Services.open(url)
    fill_demo(services.db)
    generate_work_orders(services.db, 400)
    add_demo_parts(services.db)
    add_demo_equipment(services.db)
    actor = services.auth.sign_in("admin", "demo")
    _demo_purchase_orders(services, actor)

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    for language in languages:
        translators = install_translators(app, language)
        runner = TaskRunner(app)
        window = MainWindow(
            AppContext(services, actor, runner, ChangeBus(app), seat_settings()),
            services.outlets.get(actor.outlet_id).name,
        )
        window.show()
        settle(800)
        for index in range(window.pages.count()):
            window.show_page(index)
            settle()
            window.grab().save(str(out / f"{language}-page{index}.png"))
        parts = window.parts
        window.show_page(window.pages.indexOf(parts))
        for t in range(parts.tabs.count()):
            parts.tabs.setCurrentIndex(t)
            settle()
            window.grab().save(str(out / f"{language}-parts-tab{t}.png"))
        _parts_dialogs(parts, out, language, settle)
        _shoot_purchase_dialogs(parts, out, language, settle)
        shoot_stocktake(window, parts, services, actor, language, out, settle)
        shoot_equipment(window, out, language, settle)
        shoot_equipment_plans(window, out, language, settle)
        shoot_equipment_actions(window, out, language, settle)
        settings = window.settings
        tabs = getattr(settings, "tabs", None)
        if tabs is not None:
            window.show_page(window.pages.indexOf(settings))
            for t in range(tabs.count()):
                tabs.setCurrentIndex(t)
                settle()
                window.grab().save(str(out / f"{language}-settings-tab{t}.png"))
        window.close()
        runner.shutdown()
        for tr in translators:
            app.removeTranslator(tr)
    services.db.dispose()


def _parts_dialogs(parts, out: Path, language: str, settle) -> None:  # type: ignore[no-untyped-def]
    """Import (checked, with problems), labels, suppliers, locations and the movement-log
    filter; then the catalogue at the demo's van with its Move dialog."""
    import openpyxl

    from outletdesk.ui.parts.stock_dialogs import StockAction

    shown = []
    parts.open_dialog = lambda dialog: (shown.append(dialog), dialog.show())
    sheet = Path(os.environ["OUTLETDESK_HOME"]) / "supplier-prices.xlsx"
    book = openpyxl.Workbook()
    for row in (
        ["SKU", "Part name", "Category", "Cost price", "Sale price", "Supplier", "Barcodes"],
        ["SCR-IP12", "屏幕总成 iPhone 12 Screen", "Screens", 300, 599, "华强北 Supplies", None],
        ["LCD-P30", "LCD Huawei P30 屏幕", "Screens", 200, 420, "华强北 Supplies", None],
        ["BAT-X1", "=A2", "Batteries", "12,x", 30, None, None],
        ["LCD-P30", "LCD again", "Screens", 1, 2, None, None],
    ):
        book.active.append(row)
    book.save(sheet)
    grabs = []
    dialog = parts.import_catalogue()
    dialog.ask_file_path = lambda: str(sheet)
    dialog.choose_file()
    settle(800)
    dialog.check()
    settle(800)
    grabs.append(("import", dialog))
    parts.table.selectRow(0)
    settle()
    selection = parts.table.selectionModel()
    for row in (1, 2):
        selection.select(
            parts.model.index(row, 0),
            selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
        )
    grabs.append(("labels", parts.print_labels()))
    grabs.append(("suppliers", parts.open_suppliers()))
    grabs.append(("locations", parts.open_locations()))
    grabs.append(("movements", parts.exports.export_movements()))
    settle(800)
    for name, widget in grabs:
        widget.grab().save(str(out / f"{language}-parts-{name}.png"))
        widget.close()
    menu = parts.export_button.menu()
    menu.popup(parts.export_button.mapToGlobal(parts.export_button.rect().bottomLeft()))
    settle()
    menu.grab().save(str(out / f"{language}-parts-export-menu.png"))
    menu.close()
    parts.tabs.setCurrentIndex(0)
    parts.location.setCurrentIndex(1)  # the demo outlet's service van
    settle(800)
    parts.window().grab().save(str(out / f"{language}-parts-van.png"))
    parts.table.selectRow(0)
    settle()
    move = parts.open_action(StockAction.MOVE)
    settle()
    move.grab().save(str(out / f"{language}-parts-move.png"))
    move.close()
    parts.location.setCurrentIndex(0)
    settle()
    del parts.open_dialog


def _demo_purchase_orders(services, actor) -> None:  # type: ignore[no-untyped-def]
    """A draft from the low-stock list and a placed order partly received, once."""
    from outletdesk.core.errors import DomainError

    purchasing = services.purchasing
    if purchasing.list(actor):
        return
    for supplier in services.catalogue.suppliers(actor):
        try:
            draft, _ = purchasing.create_from_low_stock(actor, actor.outlet_id, supplier.id)
        except DomainError:
            continue
        if len(draft.lines) < 2:
            continue  # stays a draft
        order, _ = purchasing.place(actor, draft.id, draft.version)
        first = order.lines[0]
        purchasing.receive(actor, order.id, order.version, {first.part_id: first.quantity})
        break
    for supplier in services.catalogue.suppliers(actor):
        try:
            purchasing.create_from_low_stock(actor, actor.outlet_id, supplier.id)
            return
        except DomainError:
            continue


def _shoot_purchase_dialogs(parts, out: Path, language: str, settle) -> None:  # type: ignore[no-untyped-def]
    """The purchase-order editor and the receiving dialog, each grabbed on its own."""
    from outletdesk.models import PurchaseOrderStatus
    from outletdesk.ui.parts.purchase_orders import PurchaseOrdersTab

    tab = parts.findChild(PurchaseOrdersTab)
    parts.tabs.setCurrentWidget(tab)
    settle()
    for status, shoot in (
        (PurchaseOrderStatus.DRAFT, tab.edit_selected),
        (PurchaseOrderStatus.PARTLY_RECEIVED, tab.receive_selected),
    ):
        rows = [o.status for o in tab.model.rows]
        if status not in rows:
            continue
        tab.table.selectRow(rows.index(status))
        dialog = shoot()
        if dialog is None:
            continue
        settle()
        if status is PurchaseOrderStatus.PARTLY_RECEIVED:
            line = next(ln for ln in tab.selected().lines if ln.outstanding)
            dialog.scan.setText(line.sku)
            dialog.scan_entered()
            settle()
        dialog.grab().save(str(out / f"{language}-purchase-{status.value}.png"))
        dialog.reject()


def shoot_stocktake(window, parts, services, actor, language, out, settle) -> None:  # type: ignore[no-untyped-def]
    """The Stocktake tab while counting (blind and not), its review and cancel dialogs; the count
    is then posted, so the next language shows it among the past counts."""
    from outletdesk.ui.parts.stocktake import StocktakeTab
    from outletdesk.ui.parts.stocktake_review import CancelCountDialog, CountReviewDialog

    tab = parts.findChild(StocktakeTab)
    take, changes = services.stocktake.start(actor, note="Year end 年终盘点")
    window._ctx.bus.publish(changes)
    parts.tabs.setCurrentWidget(tab)
    settle()
    for n, line in enumerate(tab.model.rows[:14]):
        quantity = line.expected + (-1 if n % 5 == 1 else 1 if n % 7 == 3 else 0)
        tab.count(line.part_id, str(max(0, quantity)))
        settle(150)
    settle()
    window.grab().save(str(out / f"{language}-stocktake-counting.png"))
    tab.blind.setChecked(True)
    settle()
    window.grab().save(str(out / f"{language}-stocktake-blind.png"))
    tab.blind.setChecked(False)
    for kind, dialog in (
        ("review", CountReviewDialog(window._ctx, tab.take, "", window)),
        ("cancel", CancelCountDialog(window._ctx, tab.take, window)),
    ):
        dialog.show()
        settle(800)
        dialog.grab().save(str(out / f"{language}-stocktake-{kind}.png"))
        dialog.close()
    take = services.stocktake.get(actor, take.id)
    window._ctx.bus.publish(services.stocktake.post(actor, take.id, take.version)[1])
    settle(1200)


def shoot_equipment(window, out: Path, language: str, settle) -> None:  # type: ignore[no-untyped-def]
    """Every Equipment tab at the demo outlet and all outlets, and each of its dialogs."""
    from outletdesk.models import AssetStatus, RecordKind

    page = window.equipment
    window.show_page(window.pages.indexOf(page))
    settle(800)
    for t in range(page.tabs.count()):
        page.tabs.setCurrentIndex(t)
        settle(600)
        window.grab().save(str(out / f"{language}-equipment-tab{t}.png"))
    page.tabs.setCurrentIndex(0)
    page.outlet.setCurrentIndex(0)  # all outlets
    settle(800)
    window.grab().save(str(out / f"{language}-equipment-all.png"))
    shown = []
    page.open_dialog = lambda dialog: (shown.append(dialog), dialog.show())
    station = next(r for r in page.model.rows if r.serial == "DEMO-0001")
    page.table.selectRow(page.model.rows.index(station))
    settle(600)
    window.grab().save(str(out / f"{language}-equipment-station.png"))
    grabs = [("asset", page.edit_selected())]
    status = page.change_status()
    status.status.setCurrentIndex(status.status.findData(AssetStatus.RETIRED.value))
    grabs.append(("status", status))
    grabs.append(("meter", page.add_meter()))
    grabs.append(("reading", page.add_reading()))
    grabs.append(("categories", page.open_categories()))
    page.log_selected(RecordKind.PLANNED)
    settle(600)
    log = page.log_dialog
    answers = list(log.answers.values())
    if len(answers) > 1:
        answers[1].setText("372")  # out of range, red
    grabs.append(("log", log))
    page.log_selected(RecordKind.BREAKDOWN)
    settle(600)
    grabs.append(("breakdown", page.log_dialog))
    settle(800)
    for name, dialog in grabs:
        dialog.grab().save(str(out / f"{language}-equipment-{name}.png"))
        dialog.close()
    del page.open_dialog


def shoot_equipment_plans(window, out: Path, language: str, settle) -> None:  # type: ignore[no-untyped-def]
    """The Plans tab, and the plan form of the demo's monthly check with two parts in its kit."""
    page = window.equipment
    window.show_page(window.pages.indexOf(page))
    page.outlet.setCurrentIndex(max(0, page.outlet.findData(window._ctx.actor.outlet_id)))
    page.tabs.setCurrentWidget(page.plans_tab)
    settle(800)
    window.grab().save(str(out / f"{language}-equipment-plans.png"))
    tab = page.plans_tab
    shown = []
    page.open_dialog = lambda dialog: (shown.append(dialog), dialog.show())
    monthly = next(p for p in tab.model.rows if p.items and p.category_id is not None)
    tab.table.selectRow(tab.model.rows.index(monthly))
    dialog = tab.edit_selected()
    ctx = window._ctx
    parts = ctx.services.part_list.rows(ctx.actor, "", outlet_id=ctx.actor.outlet_id, limit=2)
    for n, part in enumerate(parts.rows, start=1):
        dialog.kit.add_part(part.id, part.sku, part.name, n)
    settle(800)
    dialog.grab().save(str(out / f"{language}-equipment-plan.png"))
    dialog.close()
    fresh = tab.new_plan()
    fresh.name.setText("")
    fresh.submit()  # empty: the name is refused in the form
    settle(600)
    fresh.grab().save(str(out / f"{language}-equipment-plan-new.png"))
    fresh.close()
    del page.open_dialog


def shoot_equipment_actions(window, out: Path, language: str, settle) -> None:  # type: ignore[no-untyped-def]
    """The Equipment page with its Labels, Report, Import and Export buttons, the register
    import after a check of a small workbook with a bad row, the maintenance log export's
    filter, and the label preview."""
    import openpyxl

    page = window.equipment
    window.show_page(window.pages.indexOf(page))
    page.tabs.setCurrentIndex(0)
    settle(600)
    window.grab().save(str(out / f"{language}-equipment-actions.png"))
    shown = []
    page.open_dialog = lambda dialog: (shown.append(dialog), dialog.show())
    book = openpyxl.Workbook()
    for row in (
        ["Asset tag", "Name", "Category", "Make", "Model", "Outlet", "Purchase date",
         "Purchase cost"],
        ["", "Multimeter 万用表", "Test & diagnostic instruments 检测诊断仪器", "Fluke", "17B+", "",
         "2024-05-02", 450],
        ["", "Ultrasonic cleaner 超声波清洗机", "Tools 工具", "Codyson", "D3000", "", "2024-13-01",
         "abc"],
    ):  # fmt: skip
        book.active.append(row)
    path = Path(os.environ["OUTLETDESK_HOME"]) / f"equipment-{language}.xlsx"
    book.save(path)
    dialog = page.actions.import_register()
    dialog.load_file(path)
    settle(600)
    dialog.check()
    settle(800)
    dialog.grab().save(str(out / f"{language}-equipment-import.png"))
    dialog.close()
    log = page.actions.exports.export_log()
    settle(400)
    log.grab().save(str(out / f"{language}-equipment-log-export.png"))
    log.close()
    labels = page.actions.print_labels()
    settle(400)
    labels.grab().save(str(out / f"{language}-equipment-labels.png"))
    labels.paper.setCurrentIndex(labels.paper.findData("label-62x29"))
    labels.preview()
    settle(1500)
    if labels.last_preview is not None:
        labels.last_preview.grab().save(str(out / f"{language}-equipment-label-preview.png"))
        labels.last_preview.close()
    labels.close()
    page.actions.print_report()
    settle(2000)
    if page.actions.last_preview is not None:
        page.actions.last_preview.grab().save(str(out / f"{language}-equipment-report.png"))
        page.actions.last_preview.close()
    del page.open_dialog


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:] or ["en", "zh_CN"])
