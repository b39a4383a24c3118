"""What every page is handed by the composition root: services, the signed-in actor, the worker."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from ..paths import user_data_dir
from .tasks import TaskRunner

if TYPE_CHECKING:  # app.py reads seat settings before the worker has imported SQLAlchemy
    from ..core.auth import Actor
    from ..core.changes import Changes
    from ..core.services import Services


class ChangeBus(QObject):
    """One signal carrying what a write changed; each page refreshes only what concerns it."""

    changed = Signal(object)  # Changes

    def publish(self, changes: Changes) -> None:
        if changes.any():
            self.changed.emit(changes)


def seat_settings() -> QSettings:
    """Per-seat settings (printer, paper, language, last user): a file in the user data folder."""
    return QSettings(str(user_data_dir() / "seat.ini"), QSettings.Format.IniFormat)


@dataclass
class AppContext:
    services: Services
    actor: Actor
    runner: TaskRunner
    bus: ChangeBus
    seat: QSettings
