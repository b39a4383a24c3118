"""One background worker that runs database work, exports and printing in order, off the UI thread.

Results come back to the main thread through a queued signal. A progress dialog appears only when
an operation takes longer than about half a second, and its Cancel button cancels the
thread-safe `Progress` object the core polls.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..progress import Cancelled, Progress

log = logging.getLogger(__name__)
PROGRESS_DELAY_MS = 500

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Bridge(QObject):
    finished = Signal(int, object, object)  # task id, result, error


class TaskRunner(QObject):
    """Runs callables on one worker thread (or inline, for tests) and calls back on the UI thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, inline: bool = False) -> None:
        super().__init__(parent)
        self._inline = inline
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Done | None, Failed | None, _ProgressWatch | None]] = {}
        self._bridge = _Bridge()
        self._bridge.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._queue: queue.Queue[tuple[int, Callable[[], Any]] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self.on_unhandled: Failed | None = None

    def run(
        self,
        work: Callable[[], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        progress: Progress | None = None,
        label: str = "",
        parent: QWidget | None = None,
    ) -> int:
        """Queue `work`; `on_done(result)` or `on_error(exc)` is called later on the UI thread."""
        task_id = next(self._ids)
        watch = _ProgressWatch(progress, label, parent) if progress is not None else None
        self._callbacks[task_id] = (on_done, on_error, watch)
        if self._inline:
            self._deliver(task_id, *self._execute(work))
            return task_id
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._loop, name="outletdesk-worker", daemon=True
            )
            self._thread.start()
        self.busy_changed.emit(True)
        self._queue.put((task_id, work))
        return task_id

    @staticmethod
    def _execute(work: Callable[[], Any]) -> tuple[Any, BaseException | None]:
        try:
            return work(), None
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, never swallowed
            return None, exc

    def _loop(self) -> None:
        while (item := self._queue.get()) is not None:
            task_id, work = item
            result, error = self._execute(work)
            self._bridge.finished.emit(task_id, result, error)

    def _deliver(self, task_id: int, result: Any, error: BaseException | None) -> None:
        on_done, on_error, watch = self._callbacks.pop(task_id)
        if watch:
            watch.close()
        if not self._callbacks:
            self.busy_changed.emit(False)
        if error is None:
            if on_done:
                on_done(result)
        elif isinstance(error, Cancelled):
            log.info("task %s cancelled", task_id)
        elif on_error:
            on_error(error)
        elif self.on_unhandled:
            self.on_unhandled(error)
        else:
            raise error

    def shutdown(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout=5)
            self._thread = None


class _ProgressWatch:
    """Shows a cancellable progress dialog once the operation has run for PROGRESS_DELAY_MS."""

    def __init__(self, progress: Progress, label: str, parent: QWidget | None) -> None:
        self._progress = progress
        self._label = label
        self._parent = parent
        self.dialog: QProgressDialog | None = None
        self._timer = QTimer()
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._tick)
        self._shown_after = QTimer()
        self._shown_after.setSingleShot(True)
        self._shown_after.timeout.connect(self._show)
        self._shown_after.start(PROGRESS_DELAY_MS)

    def _show(self) -> None:
        self.dialog = QProgressDialog(self._label, QProgressDialog.tr("Cancel"), 0, 0, self._parent)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._progress.cancel)
        self.dialog.show()
        self._timer.start()
        self._tick()

    def _tick(self) -> None:
        if self.dialog is None:
            return
        done, total, _ = self._progress.snapshot()
        if total:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def close(self) -> None:
        self._shown_after.stop()
        self._timer.stop()
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self._progress.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
