"""Composition root: builds the database, services, worker and window, and hands them down.

The sign-in dialog shows as soon as Qt is up. The database is opened (and updated, if a new
version brought a migration) on the worker meanwhile, so SQLAlchemy and the models are imported
there while a person types, and a slow update shows the worker's delayed progress.
"""

from __future__ import annotations

import gc
import logging
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from .paths import log_dir, resources_dir

if TYPE_CHECKING:
    from .core.auth import Actor
    from .core.outlets import OutletDTO
    from .core.services import Services
    from .ui.main_window import MainWindow
    from .ui.tasks import TaskRunner

FIRST_RUN = 2  # the sign-in dialog's result when the database turns out to be empty


@dataclass(frozen=True)
class Shop:
    """An open database and what signing in offers from it, read on the worker."""

    services: Services
    set_up: bool  # False: an empty database, for the first-run dialog
    outlets: list[OutletDTO]
    users: list[str]


def open_shop(url: str) -> Shop:
    """Open the database, migrating it if needed, and read the sign-in choices (on the worker)."""
    from .core.database import configure_models
    from .core.services import Services

    services = Services.open(url)
    try:
        configure_models()
        if not services.auth.has_users():
            return Shop(services, False, [], [])
        return Shop(services, True, services.outlets.list(), services.users.names())
    except BaseException:
        services.db.dispose()
        raise


def prepare_main_window(runner: TaskRunner, services: Services) -> None:
    """Ready what Sign in will need while the password is typed (the database is open and its
    models imported by then): the work-order services the Counter page asks for first, imported
    on the worker, and the main window's own code, here. A person typing does not notice, and
    Sign in to the Counter list is about 200 ms shorter."""

    def failed(exc: BaseException) -> None:  # the same import fails again, and shows, on use
        logging.getLogger(__name__).warning("preparing the main window failed: %r", exc)

    runner.run(lambda: (services.work_orders, services.work_order_settings), None, failed)
    from .ui import context, main_window, scanner  # noqa: F401


def open_main_window(
    app: QApplication, shop: Shop, actor: Actor, runner: TaskRunner, seat: QSettings
) -> MainWindow:
    """The window for the signed-in person, with the barcode scanner routed to it, on screen."""
    from .ui.context import AppContext, ChangeBus
    from .ui.main_window import MainWindow
    from .ui.scanner import ScannerFilter

    services = shop.services
    outlet_name = services.outlets.get(actor.outlet_id).name if actor.outlet_id else ""
    window = MainWindow(AppContext(services, actor, runner, ChangeBus(app), seat), outlet_name)
    scanner = ScannerFilter(app)
    scanner.scanned.connect(window.handle_scan)
    app.installEventFilter(scanner)
    window.show()
    resume_collector()
    return window


def resume_collector() -> None:
    """Turn the cyclic collector back on if cli.main turned it off for the start, first moving
    what start-up made (it lives as long as the window) out of every later collection."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def skip_feature_scan() -> None:
    """Spare each later import PySide6's scan of the module's source.

    Once PySide6.QtCore is loaded, PySide6 calls its `feature_imported` after every import to
    learn whether the new module may use PySide's opt-in `from __feature__ import ...` switches
    (snake_case, true_property), and it does so by reading the module's whole source file. That
    is about 70 ms of SQLAlchemy's and the models' import while the sign-in window is up, and more
    as pages import their code later. OutletDesk selects no feature, so the answer is known from
    the name: PySide6's own modules and ours take the default selection (0), every other module is
    ignored in feature switching (-1), as PySide6 marks a module whose source does not name it.
    A module that does `from __feature__ import ...` still gets its features: that import records
    its selection before this hook runs. If a PySide6 release moves this internal, nothing is
    replaced and imports are only slower.
    """
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict) or not callable(getattr(feature, "feature_imported", None)):
        return
    ours = ("PySide6", __name__.partition(".")[0])

    def feature_imported(module: object) -> None:
        name = getattr(module, "__name__", None)
        if isinstance(name, str) and name not in table:
            table[name] = 0 if name.partition(".")[0] in ours else -1

    feature.feature_imported = feature_imported  # type: ignore[union-attr]


def run_app(url: str) -> int:
    skip_feature_scan()  # before the worker imports SQLAlchemy and the models
    from .core.errors import OutletDeskError
    from .progress import Progress
    from .ui.context import seat_settings
    from .ui.errors import error_text, install_crash_handler, set_up_logging
    from .ui.i18n import install_translators, seat_language
    from .ui.login import FirstRunDialog, LoginDialog
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

    runner = TaskRunner(app)
    login = LoginDialog(runner, seat)
    opening = Progress()
    shop: Shop | None = None
    failure: BaseException | None = None
    waiting = QEventLoop()

    def opened(result: Shop) -> None:
        nonlocal shop
        shop = result
        waiting.quit()
        if opening.cancelled:  # Cancel on "Opening the database…": the person chose not to start
            login.reject()
        elif result.set_up:
            login.offer(result.services, result.outlets, result.users)
            # After the sign-in window shows its names and outlets, while the password is typed.
            QTimer.singleShot(0, lambda: prepare_main_window(runner, result.services))
        else:
            login.done(FIRST_RUN)

    def failed(exc: BaseException) -> None:
        nonlocal failure
        failure = exc
        waiting.quit()
        login.reject()

    runner.run(
        lambda: open_shop(url),
        opened,
        failed,
        progress=opening,
        label=login.opening_text(),
        parent=login,
    )
    try:
        answer = login.exec()
        if shop is None and failure is None:
            waiting.exec()  # closed while the database was opening: let a migration finish
        if failure is not None:
            if not isinstance(failure, OutletDeskError):
                raise failure
            QMessageBox.critical(None, "OutletDesk", error_text(failure))
            return 1
        assert shop is not None
        actor = login.actor
        if answer == FIRST_RUN:
            first_run = FirstRunDialog(shop.services, runner)
            answer = first_run.exec()
            actor = first_run.actor
        if answer != QDialog.DialogCode.Accepted or actor is None:
            return 0
        window = open_main_window(app, shop, actor, runner, seat)  # noqa: F841 - kept alive
        return app.exec()
    finally:
        runner.shutdown()
        if shop is not None:
            shop.services.db.dispose()
