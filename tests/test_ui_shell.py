"""The app shell: worker and progress, scanner input, sign-in and first run."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from outletdesk.progress import Cancelled, Progress
from outletdesk.ui.login import LAST_USER_KEY, FirstRunDialog, LoginDialog
from outletdesk.ui.scanner import ScannerFilter
from outletdesk.ui.tasks import TaskRunner


def test_worker_runs_off_the_ui_thread_and_delivers_on_it(qtbot):
    runner = TaskRunner()
    seen = {}

    def work():
        seen["worker"] = threading.current_thread().name
        return 42

    with qtbot.waitCallback() as done:
        runner.run(work, done)
    assert done.args == [42]
    assert seen["worker"] == "outletdesk-worker"
    runner.shutdown()


def test_errors_come_back_to_the_error_callback(qtbot):
    runner = TaskRunner()
    with qtbot.waitCallback() as failed:
        runner.run(lambda: 1 / 0, None, failed)
    assert isinstance(failed.args[0], ZeroDivisionError)
    runner.shutdown()


def test_slow_work_shows_progress_and_cancel_stops_it(qtbot):
    runner = TaskRunner()
    progress = Progress()
    started = threading.Event()
    outcome = {}

    def slow():
        progress.start(1000, "slow")
        started.set()
        for _ in range(1000):
            time.sleep(0.01)
            progress.advance()
        return "finished"

    runner.run(
        slow,
        lambda r: outcome.setdefault("done", r),
        lambda e: outcome.setdefault("error", e),
        progress=progress,
        label="Working",
    )
    started.wait(2)
    watch = next(iter(runner._callbacks.values()))[2]
    qtbot.waitUntil(lambda: watch.dialog is not None and watch.dialog.isVisible(), timeout=3000)
    watch.dialog.findChild(QPushButton).click()  # what a person presses
    qtbot.waitUntil(lambda: not runner._callbacks, timeout=3000)
    assert outcome == {}  # cancelled: neither done nor error
    assert progress.cancelled
    runner.shutdown()


def test_quick_work_shows_no_progress_dialog(qtbot):
    runner = TaskRunner()
    progress = Progress()
    with qtbot.waitCallback() as done:
        runner.run(lambda: "quick", done, progress=progress)
    assert done.args == ["quick"]
    runner.shutdown()


def test_progress_cancel_raises():
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        progress.advance()


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


@pytest.fixture
def line(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.setFocus()
    return edit


def _type(qtbot, widget, text, clock, gap):
    for ch in text:
        clock.now += gap
        qtbot.keyClick(widget, ch)
    clock.now += gap
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_scanner_burst_is_recognised(qapp, qtbot, line):
    clock = FakeClock()
    scanner = ScannerFilter(clock=clock)
    qapp.installEventFilter(scanner)
    try:
        with qtbot.waitSignal(scanner.scanned) as got:
            _type(qtbot, line, "N-000123", clock, gap=0.005)
        assert got.args == ["N-000123"]
    finally:
        qapp.removeEventFilter(scanner)


def test_human_typing_is_not_a_scan(qapp, qtbot, line):
    clock = FakeClock()
    scanner = ScannerFilter(clock=clock)
    qapp.installEventFilter(scanner)
    got = []
    scanner.scanned.connect(got.append)
    try:
        _type(qtbot, line, "hello world", clock, gap=0.2)
        _type(qtbot, line, "ab", clock, gap=0.005)  # too short for a code
    finally:
        qapp.removeEventFilter(scanner)
    assert got == []


def test_login_remembers_the_last_user(services, outlet, clerk, tmp_path, qtbot):
    seat = QSettings(str(tmp_path / "seat.ini"), QSettings.Format.IniFormat)
    runner = TaskRunner(inline=True)
    dialog = LoginDialog(runner, seat)
    dialog.offer(services, services.outlets.list(), services.users.names())
    qtbot.addWidget(dialog)
    assert not dialog.outlet.isVisibleTo(dialog)  # one outlet: no choice to make
    dialog.user.setCurrentText("clerk")
    dialog.password.setText("wrong")
    dialog.submit()
    assert dialog.actor is None and "Wrong user name or password" in dialog.error.text()
    dialog.password.setText("secret-pw")
    dialog.submit()
    assert dialog.actor is not None and dialog.actor.username == "clerk"
    assert dialog.actor.outlet_id == outlet.id
    assert seat.value(LAST_USER_KEY) == "clerk"
    again = LoginDialog(runner, seat)
    qtbot.addWidget(again)
    assert again.user.currentText() == "clerk"  # shown before the database is open
    again.offer(services, services.outlets.list(), services.users.names())
    assert again.user.currentText() == "clerk"


def test_login_shows_before_the_database_opens_and_signs_in_once_offered(
    services, outlet, clerk, tmp_path, qtbot
):
    seat = QSettings(str(tmp_path / "seat.ini"), QSettings.Format.IniFormat)
    seat.setValue(LAST_USER_KEY, "someone-removed")
    dialog = LoginDialog(TaskRunner(inline=True), seat)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.password.setText("secret-pw")  # typed while the worker opens the database
    dialog.submit()
    assert dialog.actor is None and dialog.error.isHidden()
    dialog.offer(services, services.outlets.list(), services.users.names())
    assert dialog.ok_button.isEnabled()
    assert dialog.user.currentText() == ""  # the remembered user is gone
    assert [dialog.user.itemText(i) for i in range(dialog.user.count())] == ["clerk"]
    dialog.user.setCurrentText("clerk")
    dialog.submit()
    assert dialog.actor is not None and dialog.actor.username == "clerk"


def test_login_offers_the_outlet_when_there_are_several(
    services, outlet, clerk, admin, tmp_path, qtbot
):
    from outletdesk.core.outlets import OutletInput

    south, _ = services.outlets.create(admin, OutletInput("S", "South 南城"))
    seat = QSettings(str(tmp_path / "seat.ini"), QSettings.Format.IniFormat)
    dialog = LoginDialog(TaskRunner(inline=True), seat)
    dialog.offer(services, services.outlets.list(), services.users.names())
    qtbot.addWidget(dialog)
    assert dialog.outlet.isVisibleTo(dialog) and dialog.outlet.count() == 2
    dialog.outlet.setCurrentIndex(dialog.outlet.findData(south.id))
    dialog.user.setCurrentText("clerk")
    dialog.password.setText("secret-pw")
    dialog.submit()
    assert dialog.actor.outlet_id == south.id


def test_first_run_dialog_sets_up_an_empty_database(services, qtbot):
    dialog = FirstRunDialog(services, TaskRunner(inline=True))
    qtbot.addWidget(dialog)
    dialog.code.setText("hq")
    dialog.name.setText("")
    dialog.password.setText("pw-1234")
    dialog.repeat.setText("pw-1234")
    dialog.submit()
    assert "Outlet name" in dialog.error.text()
    assert not services.auth.has_users() and services.outlets.list() == []
    dialog.name.setText("Head Office 总店")
    dialog.submit()
    assert dialog.actor is not None
    assert services.outlets.by_code("HQ").name == "Head Office 总店"


def test_open_shop_tells_an_empty_database_from_one_to_sign_in_to(tmp_path):
    from outletdesk.app import open_shop
    from outletdesk.core.outlets import OutletInput
    from outletdesk.core.setup import set_up_first_run

    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    empty = open_shop(url)  # creates and migrates the file, as on a first start
    try:
        assert not empty.set_up and empty.outlets == [] and empty.users == []
        set_up_first_run(empty.services.db, OutletInput("N", "North 北站"), "admin", "", "pw-1234")
    finally:
        empty.services.db.dispose()
    shop = open_shop(url)
    try:
        assert shop.set_up and shop.users == ["admin"]
        assert [o.code for o in shop.outlets] == ["N"]
    finally:
        shop.services.db.dispose()


def test_the_collector_paused_for_start_up_resumes_without_walking_start_up_again():
    import gc

    from outletdesk.app import resume_collector

    frozen = gc.get_freeze_count()
    resume_collector()  # on (as in tests and commands): left alone
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    made_at_start = [[] for _ in range(1000)]  # containers: what the collector tracks
    gc.disable()  # as cli.main does before the window
    try:
        resume_collector()
        assert gc.isenabled() and gc.get_freeze_count() >= frozen + len(made_at_start)
    finally:
        gc.unfreeze()
        gc.enable()
