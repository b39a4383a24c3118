"""Child process for bench_startup: prints the stages' times and READY once the window is usable."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

START = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# This checkout's outletdesk: the venv's editable install may point at another worktree, whose
# code would time something else and migrate the shared bench database to its schema.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
stages: list[str] = []


def stage(name: str) -> None:
    stages.append(f"{name}={(time.perf_counter() - START) * 1000:.0f}")


def ready() -> None:
    print("STAGES " + " ".join(stages), flush=True)
    print("READY", flush=True)
    os._exit(0)


def bare() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setCentralWidget(QLabel("bare"))
    window.resize(1280, 800)
    window.show()

    def shown() -> None:
        stage("window")  # from this process's start, as the stages of the others are
        ready()

    QTimer.singleShot(0, shown)
    app.exec()


def outletdesk(url: str) -> None:
    """The real start as app.py does it: Qt and the event loop first, the database opened (with
    its migration check) on the worker, then the main window and the Counter list's first page."""
    import gc

    gc.disable()  # as cli.main does for the window; open_main_window turns it back on
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import outletdesk
    from outletdesk.app import Shop, open_main_window, open_shop, skip_feature_scan
    from outletdesk.ui.context import seat_settings
    from outletdesk.ui.tasks import TaskRunner

    assert Path(outletdesk.__file__).resolve().parent == ROOT / "outletdesk", outletdesk.__file__
    skip_feature_scan()  # as run_app does first
    app = QApplication(sys.argv)
    runner = TaskRunner(app)
    seat = seat_settings()
    stage("qt")

    def opened(shop: Shop) -> None:
        from outletdesk.core.auth import Actor
        from outletdesk.models import Role

        stage("database")
        # The sign-in dialog waits for a person; the bench signs in as a manager at once.
        actor = Actor(None, "bench", "Bench", Role.MANAGER, shop.outlets[0].id)
        window = open_main_window(app, shop, actor, runner, seat)
        stage("window")

        def poll() -> None:
            model = window.work_orders.model
            if window.isVisible() and model is not None and model.rowCount() > 0:
                window.work_orders.table.viewport().repaint()  # the rows painted, not just loaded
                stage("first_page")
                ready()
            QTimer.singleShot(5, poll)

        poll()

    def failed(exc: BaseException) -> None:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        os._exit(1)

    runner.run(lambda: open_shop(url), opened, failed)
    app.exec()


def person(url: str) -> None:
    """What a person waits for, as run_app starts: the sign-in window (stage sign_in, painted),
    the database opening behind it (database), Sign in pressed (enter), then the password checked
    on the worker and the main window with the Counter list's first page (first_page). Sign in is
    pressed a second after the sign-in window showed (the time it takes to type a password), or
    when the database is open if that takes longer.
    """
    import gc

    gc.disable()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from outletdesk.app import (
        Shop,
        open_main_window,
        open_shop,
        prepare_main_window,
        skip_feature_scan,
    )
    from outletdesk.ui.context import seat_settings
    from outletdesk.ui.login import LoginDialog
    from outletdesk.ui.tasks import TaskRunner

    skip_feature_scan()
    app = QApplication(sys.argv)
    runner = TaskRunner(app)
    seat = seat_settings()
    login = LoginDialog(runner, seat)
    login.show()
    login.repaint()
    stage("sign_in")
    shown_at = time.perf_counter()

    def opened(shop: Shop) -> None:
        from outletdesk.core.demo import DEMO_PASSWORD  # SQLAlchemy's import: not before sign-in

        login.offer(shop.services, shop.outlets, shop.users)
        stage("database")

        def signed_in() -> None:
            assert login.actor is not None
            window = open_main_window(app, shop, login.actor, runner, seat)

            def poll() -> None:
                model = window.work_orders.model
                if window.isVisible() and model is not None and model.rowCount() > 0:
                    window.work_orders.table.viewport().repaint()
                    stage("first_page")
                    ready()
                QTimer.singleShot(5, poll)

            poll()

        def enter() -> None:
            login.user.setCurrentText("manager")
            login.password.setText(DEMO_PASSWORD)
            stage("enter")
            login.ok_button.click()

        login.accepted.connect(signed_in)
        # as run_app does once the database is open
        QTimer.singleShot(0, lambda: prepare_main_window(runner, shop.services))
        typed_at = shown_at + 1.0
        QTimer.singleShot(max(0, int((typed_at - time.perf_counter()) * 1000)), enter)

    def failed(exc: BaseException) -> None:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        os._exit(1)

    runner.run(lambda: open_shop(url), opened, failed)
    app.exec()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    elif sys.argv[1] == "person":
        person(sys.argv[2])
    else:
        outletdesk(sys.argv[2])
