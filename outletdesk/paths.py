"""Where OutletDesk finds its resources and keeps its data (works from a source tree or a bundle)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "OutletDesk"


def resources_dir() -> Path:
    """The resources folder: beside the package in a checkout, inside the bundle when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def user_data_dir() -> Path:
    """Per-user data folder (SQLite file, logs, backups); OUTLETDESK_HOME overrides it."""
    override = os.environ.get("OUTLETDESK_HOME")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_url() -> str:
    """OUTLETDESK_DB when set, else the embedded SQLite file in the user data folder."""
    env = os.environ.get("OUTLETDESK_DB")
    if env:
        return env
    return f"sqlite:///{user_data_dir() / 'outletdesk.sqlite3'}"


def log_dir() -> Path:
    path = user_data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
