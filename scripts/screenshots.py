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
    actor = services.auth.sign_in("admin", "demo")

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
        shoot_stocktake(window, parts, services, actor, language, out, settle)
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


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:] or ["en", "zh_CN"])
