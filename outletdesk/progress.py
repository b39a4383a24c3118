"""A thread-safe progress and cancel token that long operations update without knowing Qt."""

from __future__ import annotations

import threading


class Cancelled(Exception):
    """Raised inside a long operation when the user pressed Cancel."""

    def __init__(self) -> None:
        super().__init__("Cancelled by the user.")


class Progress:
    """Written by the worker (done/total/label), read by the UI timer; cancel() may come from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done = 0
        self._total: int | None = None
        self._label = ""
        self._cancel = threading.Event()

    def start(self, total: int | None, label: str = "") -> None:
        with self._lock:
            self._done, self._total, self._label = 0, total, label

    def advance(self, step: int = 1) -> None:
        """Count work done and stop the operation if the user cancelled it."""
        with self._lock:
            self._done += step
        if self._cancel.is_set():
            raise Cancelled()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def snapshot(self) -> tuple[int, int | None, str]:
        with self._lock:
            return self._done, self._total, self._label
