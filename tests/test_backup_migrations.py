"""Backups are consistent and verified; restore refuses to overwrite without --force; migrations back up first."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import make_actor

from outletdesk.core.auth import Actor
from outletdesk.core.backup import create_backup, restore_backup, verify_backup
from outletdesk.core.customers import CustomerInput
from outletdesk.core.database import Database, current_revision, head_revision, migrate
from outletdesk.core.errors import DomainError, PermissionDenied, StorageUnavailable
from outletdesk.core.services import Services
from outletdesk.models import Role


def test_backup_and_restore_round_trip(services, admin, clerk, tmp_path):
    services.customers.create(clerk, CustomerInput("王芳", ["13800138000", "01062550101"]))
    target = tmp_path / "copy.sqlite3"
    info = create_backup(services.db, admin, target)
    assert (info.outlets, info.customers) == (1, 1) and info.users == 2
    assert verify_backup(target).revision == head_revision()

    services.customers.create(clerk, CustomerInput("Added later", ["0612345678"]))
    with pytest.raises(DomainError, match="--force"):
        restore_backup(services.db, admin, target)
    assert services.customers.search(clerk).total == 2
    restore_backup(services.db, admin, target, force=True)
    fresh = Services.for_database(Database(services.db.url))
    try:
        assert [c.name for c in fresh.customers.search(clerk).rows] == ["王芳"]
        assert fresh.customers.search(clerk, "62550101").total == 1
        # ids continue after the restored rows (sequences reset on PostgreSQL)
        created, _ = fresh.customers.create(clerk, CustomerInput("Next", ["0612345670"]))
        assert created.id > 1
        assert fresh.audit.entries(Actor.command_line(), "customer")  # the audit log came back too
    finally:
        fresh.db.dispose()


def test_restore_into_an_empty_database_needs_no_force(services, admin, clerk, tmp_path):
    services.customers.create(clerk, CustomerInput("Anna", ["0612345678"]))
    target = tmp_path / "b.sqlite3"
    create_backup(services.db, admin, target)
    empty = Database(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    try:
        restore_backup(empty, admin, target)
        with empty.read() as s:
            assert s.execute(sqlite_count("customers")).scalar() == 1
    finally:
        empty.dispose()


def sqlite_count(table):
    from sqlalchemy import text

    return text(f"SELECT count(*) FROM {table}")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not an OutletDesk backup"),
        (b"hello world, not a database", "not an OutletDesk backup"),
        (None, "does not exist"),
    ],
)
def test_restore_refuses_bad_files(services, admin, tmp_path, content, message):
    path = tmp_path / "bad.sqlite3"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DomainError, match=message):
        restore_backup(services.db, admin, path, force=True)


def test_restore_refuses_a_foreign_sqlite_file(services, admin, tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(DomainError, match="tables missing"):
        restore_backup(services.db, admin, path, force=True)


def test_only_admins_and_managers_back_up(services, outlet, tmp_path):
    clerk = make_actor(services, outlet.id, Role.CLERK)
    with pytest.raises(PermissionDenied):
        create_backup(services.db, clerk, tmp_path / "x.sqlite3")
    assert not (tmp_path / "x.sqlite3").exists()


def test_migrating_an_older_sqlite_file_takes_a_backup_first(tmp_path):
    """An empty schema at 'base' stands for an older file: data present, revision behind head."""
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE legacy_notes (x TEXT)")
    conn.execute("INSERT INTO legacy_notes VALUES ('keep me')")
    conn.commit()
    conn.close()
    db = Database(f"sqlite:///{path}")
    try:
        report = migrate(db)
        assert report.from_revision is None and report.to_revision == head_revision()
        assert report.backup is not None and report.backup.exists()
        kept = sqlite3.connect(report.backup)
        assert kept.execute("SELECT x FROM legacy_notes").fetchall() == [("keep me",)]
        kept.close()
        assert current_revision(db.engine) == head_revision()
        assert migrate(db).backup is None  # nothing to do the second time
    finally:
        db.dispose()


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "future.sqlite3"
    db = Database(f"sqlite:///{path}")
    migrate(db)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    try:
        with pytest.raises(StorageUnavailable, match="newer OutletDesk"):
            migrate(db)
    finally:
        db.dispose()


def test_sqlite_pragmas_are_on(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    finally:
        db.dispose()


def test_unreachable_server_is_an_environment_error():
    db = Database("postgresql://nobody@127.0.0.1:1/none")
    try:
        with pytest.raises(StorageUnavailable):
            migrate(db)
    finally:
        db.dispose()


def test_a_table_rebuild_during_migration_keeps_the_rows_that_point_to_it(tmp_path):
    """SQLite alters a table by rebuilding it; with foreign keys on, dropping the old table
    would cascade-delete every phone. Migrations run with them off and check links after."""
    from outletdesk.core.auth import Actor
    from outletdesk.core.database import migration_connection

    db = Database(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    try:
        migrate(db)
        services = Services.for_database(db)
        services.customers.create(
            Actor.command_line(), CustomerInput("Anna", ["0612345678", "0698765432"])
        )
        with migration_connection(db) as conn:
            conn.exec_driver_sql("CREATE TABLE customers_new AS SELECT * FROM customers")
            conn.exec_driver_sql("DROP TABLE customers")
            conn.exec_driver_sql("ALTER TABLE customers_new RENAME TO customers")
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM customer_phones").scalar() == 2
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # back on afterwards
    finally:
        db.dispose()


def test_restore_is_audited_with_who_and_what(services, admin, clerk, tmp_path):
    services.customers.create(clerk, CustomerInput("Anna", ["0612345678"]))
    target = tmp_path / "with ?#% chars" / "b.sqlite3"
    create_backup(services.db, admin, target)
    restore_backup(services.db, admin, target, force=True)
    fresh = Services.for_database(Database(services.db.url))
    try:
        entry = fresh.audit.entries(Actor.command_line(), "database")[0]
        assert (entry.action, entry.username) == ("restore", "admin")
        assert entry.after["file"] == str(target)
    finally:
        fresh.db.dispose()


def test_the_models_match_the_migrated_schema(services):
    """Alembic's comparison of the models with the migrated schema finds nothing to change, with
    the objects only migrations make (such as the one-open-count index) kept, not dropped."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import inspect

    from outletdesk.migrations import include_object
    from outletdesk.models import Base

    with services.db.engine.connect() as conn:
        indexes = {i["name"]: i for i in inspect(conn).get_indexes("stocktakes")}
        assert indexes["ix_stocktakes_one_open"]["unique"]
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
