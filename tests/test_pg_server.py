"""The test database fixtures really give working, isolated databases."""

from __future__ import annotations

import os
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from pg_server import PostgresServer


def _tables(url: str) -> set[str]:
    engine = sa.create_engine(url)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_server_version_is_13_or_newer(pg_server: PostgresServer) -> None:
    with psycopg.connect(pg_server.dsn()) as conn:
        row = conn.execute("SHOW server_version_num").fetchone()
    assert row is not None
    assert int(row[0]) >= 130000


def test_server_listens_on_loopback_only(pg_server: PostgresServer) -> None:
    with psycopg.connect(pg_server.dsn()) as conn:
        row = conn.execute("SHOW listen_addresses").fetchone()
    assert row == ("127.0.0.1",)
    assert pg_server.port != 5432
    assert pg_server.url("x") == f"postgresql+psycopg://postgres@127.0.0.1:{pg_server.port}/x"


def test_server_folds_vietnamese_case(pg_server: PostgresServer) -> None:
    # Needs a UTF-8 locale in the cluster: with the C locale lower() folds ASCII only.
    with psycopg.connect(pg_server.dsn()) as conn:
        row = conn.execute("SELECT lower('NGUYỄN ĐỨC ẢNH')").fetchone()
    assert row == ("nguyễn đức ảnh",)


def test_databases_are_isolated(pg_server: PostgresServer) -> None:
    first = pg_server.create_database()
    second = pg_server.create_database()
    try:
        engine = sa.create_engine(pg_server.url(first))
        with engine.begin() as conn:
            conn.execute(sa.text("CREATE TABLE ho_so (id integer PRIMARY KEY, ten text)"))
        engine.dispose()
        assert "ho_so" in _tables(pg_server.url(first))
        assert "ho_so" not in _tables(pg_server.url(second))
    finally:
        pg_server.drop_database(first)
        pg_server.drop_database(second)
    with psycopg.connect(pg_server.dsn()) as conn:
        names = {r[0] for r in conn.execute("SELECT datname FROM pg_database").fetchall()}
    assert first not in names
    assert second not in names


def test_drop_database_closes_leftover_connections(pg_server: PostgresServer) -> None:
    name = pg_server.create_database()
    leftover = psycopg.connect(pg_server.dsn(name))
    try:
        pg_server.drop_database(name)
    finally:
        leftover.close()


def test_pg_url_is_a_fresh_empty_database(pg_url: str) -> None:
    assert pg_url.startswith("postgresql+psycopg://postgres@127.0.0.1:")
    assert _tables(pg_url) == set()
    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE marker (id integer)"))
    engine.dispose()


def test_pg_url_differs_between_tests(pg_url: str) -> None:
    # Runs after the test above: its table must not be here.
    assert "marker" not in _tables(pg_url)


@pytest.mark.parametrize("mode", ["fast", "immediate"])
def test_restart_keeps_data(pg_server: PostgresServer, pg_url: str, mode: str) -> None:
    port = pg_server.port
    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE ve (so integer, ten text)"))
        conn.execute(sa.text("INSERT INTO ve VALUES (1, 'Trần Thị Bé')"))
    engine.dispose()

    pg_server.restart(mode)

    assert pg_server.running
    assert pg_server.port == port
    engine = sa.create_engine(pg_url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT so, ten FROM ve")).all()
    engine.dispose()
    assert [tuple(r) for r in rows] == [(1, "Trần Thị Bé")]


def test_stopped_server_refuses_then_comes_back(pg_server: PostgresServer, pg_url: str) -> None:
    pg_server.stop_server()
    try:
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(pg_server.dsn(), connect_timeout=3)
    finally:
        pg_server.start()
    with psycopg.connect(pg_server.dsn()) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)


def test_db_url_works_with_sqlalchemy(db_url: str, request: pytest.FixtureRequest) -> None:
    backend = request.node.callspec.id
    assert db_url.startswith(
        {"sqlite": "sqlite:///", "postgresql": "postgresql+psycopg://"}[backend]
    )
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE t (ten varchar(50))"))
        conn.execute(sa.text("INSERT INTO t VALUES ('Phường Bến Nghé')"))
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT ten FROM t")).scalar_one() == "Phường Bến Nghé"
    engine.dispose()


def test_postgres_marker_is_added(request: pytest.FixtureRequest, pg_url: str) -> None:
    assert request.node.get_closest_marker("postgres") is not None


def test_sqlite_url_is_under_tmp_path(sqlite_url: str, tmp_path: Path) -> None:
    assert sqlite_url == f"sqlite:///{tmp_path / 'test.sqlite3'}"


def test_app_folders_are_isolated(tmp_path: Path) -> None:
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"
    for var in ("MOTCUA_CONFIG_DIR", "MOTCUA_DATA_DIR"):
        assert Path(os.environ[var]).is_relative_to(tmp_path)
