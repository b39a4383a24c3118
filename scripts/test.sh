#!/usr/bin/env bash
# Installs what the tests need and runs lint, type checks and the whole suite (SQLite and PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh test
bash scripts/venv.sh test
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
# One test process per core (each starts its own PostgreSQL server); `-n 0` runs in one process.
.venv/bin/python -m pytest -n auto --dist worksteal "$@"
