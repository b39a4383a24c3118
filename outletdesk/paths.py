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


def user_data_dir(*, create: bool = True) -> Path:
    """Per-user data folder (SQLite file, logs, backups); OUTLETDESK_HOME overrides it."""
    override = os.environ.get("OUTLETDESK_HOME")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_NAME, appauthor=False)
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_url() -> str:
    """OUTLETDESK_DB when set, else the embedded SQLite file in the user data folder. Naming it
    makes nothing: opening the database makes its folder when it is allowed to be created (the
    window at first start), and a command that only reads it refuses a missing file."""
    env = os.environ.get("OUTLETDESK_DB")
    if env:
        return env
    return f"sqlite:///{user_data_dir(create=False) / 'outletdesk.sqlite3'}"


def log_dir() -> Path:
    path = user_data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
