"""A throwaway PostgreSQL server for the test suite (not a test module).

``PostgresServer().start()`` runs ``initdb`` into a fresh temporary folder and starts a server
that listens on 127.0.0.1 only, at a free port, with "trust" authentication for the
``postgres`` superuser, its Unix socket inside that folder, and fsync off. ``stop()`` stops it
and removes the folder. Nothing touches a system cluster (``/var/lib/postgresql``) or port 5432.

When the tests run as root (CI), ``initdb`` refuses to run, so ``initdb`` and ``pg_ctl`` run
as the ``postgres`` system user (``runuser``/``su``) and the folder belongs to that user.

Binaries: ``$MOTCUA_PG_BINDIR``, else ``pg_config --bindir``, else the newest
``/usr/lib/postgresql/*/bin``, else wherever ``initdb`` is on PATH.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

__all__ = ["PostgresServer", "PostgresServerError", "find_pg_bindir"]

SUPERUSER = "postgres"


class PostgresServerError(RuntimeError):
    """The throwaway server could not be created, started or stopped."""


def _has_server(bindir: Path) -> bool:
    return all((bindir / exe).is_file() for exe in ("initdb", "pg_ctl", "postgres"))


def _version_key(path: str) -> tuple[int, ...]:
    # /usr/lib/postgresql/15/bin -> (15,) ; /usr/lib/postgresql/9.6/bin -> (9, 6)
    name = Path(path).parent.name
    try:
        return tuple(int(part) for part in name.split("."))
    except ValueError:
        return (0,)


def find_pg_bindir() -> Path | None:
    """Folder holding ``initdb``, ``pg_ctl`` and ``postgres``, or None when there is none."""
    env = os.environ.get("MOTCUA_PG_BINDIR")
    if env:
        return Path(env) if _has_server(Path(env)) else None

    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, timeout=10, check=True
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            out = ""
        if out and _has_server(Path(out)):
            return Path(out)

    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True):
        if _has_server(Path(candidate)):
            return Path(candidate)

    initdb = shutil.which("initdb")
    if initdb and _has_server(Path(initdb).parent):
        return Path(initdb).parent
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _utf8_locale() -> str | None:
    """A UTF-8 locale for initdb, so that lower()/upper() handle Vietnamese letters."""
    try:
        available = subprocess.run(
            ["locale", "-a"], capture_output=True, text=True, timeout=10
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return None
    normalized = {name.lower().replace("-", ""): name for name in available}
    for wanted in ("c.utf8", "en_us.utf8", "vi_vn.utf8"):
        if wanted in normalized:
            return normalized[wanted]
    return None


class PostgresServer:
    """A PostgreSQL cluster in a temporary folder, for one test session.

    ``start()`` / ``stop()`` create and destroy it. ``stop_server()`` + ``start()`` or
    ``restart()`` stop and start the same cluster (same data, same port), for fault tests.
    """

    def __init__(self, bindir: Path | None = None) -> None:
        found = bindir or find_pg_bindir()
        if found is None:
            raise PostgresServerError(
                "no PostgreSQL server binaries found (initdb, pg_ctl, postgres). Install the "
                "server (Debian/Ubuntu: apt-get install postgresql; or run scripts/setup) "
                "or set MOTCUA_PG_BINDIR."
            )
        self.bindir: Path = found
        self.host = "127.0.0.1"
        self.port: int = 0
        self.base_dir: Path | None = None
        self.startup_seconds: float | None = None
        self.initdb_seconds: float | None = None
        self._running = False
        self._run_as: str | None = None
        if os.geteuid() == 0:
            self._run_as = self._pick_unprivileged_user()

    # ------------------------------------------------------------------ paths
    @property
    def data_dir(self) -> Path:
        return self._base() / "data"

    @property
    def socket_dir(self) -> Path:
        return self._base() / "sock"

    @property
    def log_path(self) -> Path:
        return self._base() / "server.log"

    @property
    def running(self) -> bool:
        return self._running

    def _base(self) -> Path:
        if self.base_dir is None:
            raise PostgresServerError("the server has not been started")
        return self.base_dir

    # ------------------------------------------------------------------ running commands
    @staticmethod
    def _pick_unprivileged_user() -> str:
        for name in ("postgres", "nobody"):
            try:
                pwd.getpwnam(name)
            except KeyError:
                continue
            return name
        raise PostgresServerError(
            "running as root, and there is no 'postgres' (or 'nobody') user to run initdb as"
        )

    def _command(self, argv: list[str]) -> list[str]:
        if self._run_as is None:
            return argv
        runuser = shutil.which("runuser")
        if runuser:
            return [runuser, "-u", self._run_as, "--", *argv]
        su = shutil.which("su")
        if su:
            return [su, "-s", "/bin/sh", self._run_as, "-c", shlex.join(argv)]
        raise PostgresServerError("running as root, but neither runuser nor su is available")

    def _run(self, argv: list[str], *, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        cmd = self._command(argv)
        env = dict(os.environ)
        for var in ("PGDATA", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGOPTIONS"):
            env.pop(var, None)
        env["LC_MESSAGES"] = "C"
        try:
            return subprocess.run(
                cmd,
                capture_output=True,
                text=True,
                timeout=timeout,
                cwd=self._base(),
                env=env,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise PostgresServerError(f"timed out after {timeout} s: {shlex.join(cmd)}") from exc

    def _check(self, result: subprocess.CompletedProcess[str], what: str) -> None:
        if result.returncode == 0:
            return
        log = ""
        with contextlib.suppress(OSError, PostgresServerError):
            log = "\n".join(self.log_path.read_text(errors="replace").splitlines()[-30:])
        raise PostgresServerError(
            f"{what} failed (exit {result.returncode}): {shlex.join(result.args)}\n"
            f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}\n"
            f"--- server log (last lines) ---\n{log}"
        )

    # ------------------------------------------------------------------ life cycle
    def start(self) -> PostgresServer:
        """Create the cluster (first time only) and start the server; returns self."""
        if self._running:
            return self
        if self.base_dir is None:
            self._create_cluster()
        t0 = time.monotonic()
        for attempt in range(3):
            result = self._run(
                [
                    str(self.bindir / "pg_ctl"),
                    "start",
                    "-w",
                    "-t",
                    "60",
                    "-D",
                    str(self.data_dir),
                    "-l",
                    str(self.log_path),
                    "-o",
                    f"-p {self.port}",
                ]
            )
            if result.returncode == 0:
                break
            # Someone took the port between picking it and starting: pick another one.
            log = ""
            with contextlib.suppress(OSError):
                log = self.log_path.read_text(errors="replace")
            if attempt < 2 and "could not bind" in log.lower() + result.stderr.lower():
                self.port = _free_port()
                continue
            self._check(result, "pg_ctl start")
        self.startup_seconds = time.monotonic() - t0
        self._running = True
        return self

    def _create_cluster(self) -> None:
        parent = os.environ.get("MOTCUA_PG_TMPDIR") or None
        base = Path(tempfile.mkdtemp(prefix="motcua-pg-", dir=parent))
        self.base_dir = base
        atexit.register(self.stop)
        self.socket_dir.mkdir()
        if self._run_as is not None:
            user = pwd.getpwnam(self._run_as)
            os.chown(base, user.pw_uid, user.pw_gid)
            os.chown(self.socket_dir, user.pw_uid, user.pw_gid)
        self.port = _free_port()

        argv = [
            str(self.bindir / "initdb"),
            "-D",
            str(self.data_dir),
            "-U",
            SUPERUSER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
        ]
        locale_name = _utf8_locale()
        argv += [f"--locale={locale_name}"] if locale_name else ["--no-locale"]
        t0 = time.monotonic()
        self._check(self._run(argv), "initdb")
        self.initdb_seconds = time.monotonic() - t0

        # Settings go into the cluster's own files, so that restarts keep them.
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "unix_socket_directories": f"'{self.socket_dir}'",
            "fsync": "off",
            "full_page_writes": "off",
            "max_connections": "200",
            "shared_buffers": "32MB",
            "logging_collector": "off",
            "timezone": "'Asia/Ho_Chi_Minh'",
        }
        conf = "\n# throwaway test server (tests/pg_server.py)\n" + "".join(
            f"{key} = {value}\n" for key, value in settings.items()
        )
        hba = (
            "# throwaway test server (tests/pg_server.py): trust, loopback and local socket only\n"
            "local all all trust\n"
            "host  all all 127.0.0.1/32 trust\n"
        )
        # As root we may write the files even though they belong to the postgres user.
        with open(self.data_dir / "postgresql.conf", "a", encoding="utf-8") as f:
            f.write(conf)
        (self.data_dir / "pg_hba.conf").write_text(hba, encoding="utf-8")

    def stop_server(self, mode: str = "fast") -> None:
        """Stop the server but keep its data (``start()`` brings it back on the same port).

        mode: "smart", "fast" or "immediate" (like a crash: recovery runs at the next start).
        """
        if not self._running:
            return
        result = self._run(
            [
                str(self.bindir / "pg_ctl"),
                "stop",
                "-w",
                "-t",
                "60",
                "-m",
                mode,
                "-D",
                str(self.data_dir),
            ]
        )
        self._check(result, f"pg_ctl stop -m {mode}")
        self._running = False

    def restart(self, mode: str = "fast") -> None:
        """Stop (``mode`` as for ``stop_server``) and start again; data and port are kept."""
        self.stop_server(mode)
        self.start()

    def stop(self) -> None:
        """Stop the server at once and delete its folder. Safe to call more than once."""
        if self.base_dir is None:
            return
        try:
            if self._running:
                with contextlib.suppress(PostgresServerError):
                    self.stop_server("immediate")
        finally:
            shutil.rmtree(self.base_dir, ignore_errors=True)
            self.base_dir = None
            self._running = False
            with contextlib.suppress(Exception):
                atexit.unregister(self.stop)

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ databases
    def url(self, dbname: str = "postgres") -> str:
        """SQLAlchemy URL (psycopg 3 driver) of a database on this server."""
        return f"postgresql+psycopg://{SUPERUSER}@{self.host}:{self.port}/{dbname}"

    def dsn(self, dbname: str = "postgres") -> str:
        """libpq connection string, for psycopg.connect()."""
        return f"host={self.host} port={self.port} user={SUPERUSER} dbname={dbname}"

    def create_database(self, name: str | None = None) -> str:
        """Create a database (a unique name when none is given) and return its name."""
        import psycopg
        from psycopg import sql

        name = name or f"test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.dsn(), autocommit=True, connect_timeout=10) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return name

    def drop_database(self, name: str) -> None:
        """Drop a database, closing any connection a test left open to it."""
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.dsn(), autocommit=True, connect_timeout=10) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def skip_without_pg_dump() -> None:
    """Skip, saying why, when pg_dump is missing; fail instead under MOTCUA_REQUIRE_PG=1 (CI)."""
    import pytest

    from counter_app.services.backup import find_pg_tool

    if find_pg_tool("pg_dump") is not None:
        return
    reason = (
        "pg_dump is not installed (Debian: postgresql-client): PostgreSQL backups cannot be "
        "tested here"
    )
    if os.environ.get("MOTCUA_REQUIRE_PG") == "1":
        pytest.fail(reason + " (MOTCUA_REQUIRE_PG=1)", pytrace=False)
    pytest.skip(reason)
