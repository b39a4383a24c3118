"""What the command line says: an equipment import refused for categories the register lacks
says how to create them (--new-categories), and a value it quotes reads “ZZ” as the core's
messages do, not Python's 'ZZ'. On SQLite and PostgreSQL, through main()."""

from __future__ import annotations

from test_cli_equipment_import import counts, shop_db  # noqa: F401 - the fixture

from outletdesk.cli import main


def test_unknown_categories_say_how_to_create_them(shop_db, tmp_path, capsys):  # noqa: F811
    base = counts(shop_db)
    odd = tmp_path / "odd.csv"
    odd.write_text(
        "Tag,Name,Category,Outlet\n,Mystery box,NoSuchCategory,N\n,Heat gun 热风枪,Tools,N\n",
        encoding="utf-8",
    )
    args = ["--db", shop_db, "import", "equipment", str(odd)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "nothing was imported" in err
    assert "to create the categories “NoSuchCategory”, add --new-categories" in err
    assert counts(shop_db) == base
    assert main([*args, "--dry-run"]) == 2
    out = capsys.readouterr().out
    assert out.rstrip().endswith(
        "Nothing was imported; to create the categories “NoSuchCategory”, add --new-categories."
    )
    assert main([*args, "--skip-invalid"]) == 0  # the other row goes in; the way out is said
    assert "add --new-categories." in capsys.readouterr().out
    assert counts(shop_db) == (base[0] + 1, base[1])
    assert main([*args, "--new-categories"]) == 0
    out = capsys.readouterr().out
    assert "new categories: NoSuchCategory" in out and "add --new-categories" not in out


def test_a_quoted_code_reads_like_the_cores(shop_db, tmp_path, capsys):  # noqa: F811
    out = tmp_path / "log.xlsx"
    args = ["--db", shop_db, "export", "maintenance-log", "-o", str(out), "--outlet", "ZZ"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "--outlet: there is no outlet with code “ZZ”." in err and "'" not in err
    assert not out.exists()
