"""Alembic migrations. HEAD lets a started app see "nothing to migrate" without loading Alembic."""

HEAD = "0010"
