"""Settings: the outlet's details, receipt texts, this seat's printer and language, the database, users."""

from __future__ import annotations

from .page import SettingsPage

__all__ = ["SettingsPage"]
