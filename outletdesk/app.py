"""Composition root: builds the database, services, worker and window, and hands them down."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from .core.errors import OutletDeskError
from .core.services import Services
from .paths import log_dir, resources_dir


def run_app(url: str) -> int:
    from .ui.context import AppContext, ChangeBus, seat_settings
    from .ui.errors import error_text, install_crash_handler, set_up_logging
    from .ui.i18n import install_translators, seat_language
    from .ui.login import FirstRunDialog, LoginDialog
    from .ui.main_window import MainWindow
    from .ui.scanner import ScannerFilter
    from .ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("OutletDesk")
    app.setOrganizationName("OutletDesk")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "outletdesk.svg")))
    set_up_logging(log_dir())
    install_crash_handler()
    seat = seat_settings()
    translators = install_translators(app, seat_language(seat))  # noqa: F841 - kept alive

    try:
        services = Services.open(url)
    except OutletDeskError as exc:
        QMessageBox.critical(None, "OutletDesk", error_text(exc))
        return 1
    runner = TaskRunner(app)
    try:
        if services.auth.has_users():
            dialog: QDialog = LoginDialog(
                services, runner, seat, services.outlets.list(), services.users.names()
            )
        else:
            dialog = FirstRunDialog(services, runner)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:  # type: ignore[attr-defined]
            return 0
        actor = dialog.actor  # type: ignore[attr-defined]
        outlet_name = services.outlets.get(actor.outlet_id).name if actor.outlet_id else ""
        ctx = AppContext(services, actor, runner, ChangeBus(app), seat)
        window = MainWindow(ctx, outlet_name)
        scanner = ScannerFilter(app)
        scanner.scanned.connect(window.handle_scan)
        app.installEventFilter(scanner)
        window.show()
        return app.exec()
    finally:
        runner.shutdown()
        services.db.dispose()
