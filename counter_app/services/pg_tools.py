"""PostgreSQL's own client tools for backups: pg_dump writes, pg_restore checks and restores."""

from __future__ import annotations

import glob
import logging
import os
import re
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from counter_app.services.errors import ServiceError, ValidationError

log = logging.getLogger(__name__)

#: Where the test suite (and an admin) can point at one PostgreSQL installation's bin folder.
BINDIR_VARIABLE = "MOTCUA_PG_BINDIR"

DUMP_TIMEOUT_S = 3600
NOT_OUR_DUMP = "Tệp này không phải bản sao lưu PostgreSQL của phần mềm Một Cửa."
DAMAGED = "Tệp sao lưu bị hỏng hoặc không đầy đủ (có thể bị cắt ngang khi chép)."


def _version_key(path: str) -> tuple[int, ...]:
    # .../postgresql/15/bin/pg_dump -> (15,); "9.6" must sort below "15", as numbers
    parts = re.findall(r"[0-9]+", Path(path).parent.parent.name)
    return tuple(int(p) for p in parts) or (0,)


def find_pg_tool(name: str) -> str | None:
    """Path of a PostgreSQL client tool: $MOTCUA_PG_BINDIR, PATH, then the newest installed."""
    exe = name + (".exe" if os.name == "nt" else "")
    bindir = os.environ.get(BINDIR_VARIABLE)
    if bindir and (Path(bindir) / exe).is_file():
        return str(Path(bindir) / exe)
    found = shutil.which(name)
    if found:
        return found
    patterns = (f"/usr/lib/postgresql/*/bin/{exe}", f"C:/Program Files/PostgreSQL/*/bin/{exe}")
    candidates = [path for pattern in patterns for path in glob.glob(pattern)]
    return max(candidates, key=_version_key) if candidates else None


def _tool(name: str) -> str:
    found = find_pg_tool(name)
    if found is None:
        raise ServiceError(f"Không tìm thấy công cụ {name}: hãy cài gói PostgreSQL client.")
    return found


def connection_args(url: str) -> tuple[list[str], dict[str, str]]:
    """Command-line arguments and environment (the password) for connecting to `url`."""
    parsed = make_url(url)
    args = ["-h", parsed.host or "127.0.0.1", "-p", str(parsed.port or 5432)]
    if parsed.username:
        args += ["-U", parsed.username]
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = parsed.password
    return [*args, "-d", parsed.database or "postgres"], env


def _run(command: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            command,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=DUMP_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.error("%s could not run: %s", command[0], exc)
        raise ServiceError(f"Không chạy được {Path(command[0]).name}: {exc}") from exc


def dump(url: str, target: Path) -> Path:
    """pg_dump the database into target (custom format), written under a temporary name."""
    tool = _tool("pg_dump")
    partial = target.with_name(target.name + ".partial")
    args, env = connection_args(url)
    result = _run([tool, "--format=custom", "--no-owner", "-f", str(partial), *args], env)
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        log.error("pg_dump failed: %s", result.stderr.strip())
        raise ServiceError(f"Sao lưu PostgreSQL không thành công: {result.stderr.strip()}")
    try:
        os.chmod(partial, 0o600)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ServiceError(f"Sao lưu PostgreSQL không thành công: {exc}") from exc
    return target


def archive_revision(source: Path) -> str:
    """Read a whole pg_dump archive and return its schema revision; refuse a damaged one.

    `pg_restore --list` reads only the table of contents at the start of the file, so a copy
    cut short at the end passes it: every data block is read here as well.
    """
    tool = _tool("pg_restore")
    listing = _run([tool, "--list", str(source)])
    if listing.returncode != 0 or "alembic_version" not in listing.stdout:
        log.warning("not a usable pg_dump archive %s: %s", source, listing.stderr.strip())
        raise ValidationError(DAMAGED if _looks_like_a_dump(source) else NOT_OUR_DUMP)
    whole = _run([tool, "-f", os.devnull, str(source)])
    if whole.returncode != 0:
        log.warning("damaged pg_dump archive %s: %s", source, whole.stderr.strip())
        raise ValidationError(DAMAGED)
    data = _run([tool, "--data-only", "--table=alembic_version", "-f", "-", str(source)])
    match = re.search(r"^COPY [^\n]*alembic_version[^\n]*\n([^\n\\]+)\n", data.stdout, re.M)
    if data.returncode != 0 or match is None:
        raise ValidationError(NOT_OUR_DUMP)
    return match.group(1).strip()


def _looks_like_a_dump(source: Path) -> bool:
    """The custom-format archive's signature is there (so the file is a damaged dump)."""
    try:
        with open(source, "rb") as fh:
            return fh.read(5) == b"PGDMP"
    except OSError:
        return False


def restore(url: str, source: Path) -> None:
    """pg_restore the archive over the database in one transaction (all or nothing)."""
    tool = _tool("pg_restore")
    args, env = connection_args(url)
    command = [tool, "--clean", "--if-exists", "--no-owner", "--single-transaction", *args]
    result = _run([*command, str(source)], env)
    if result.returncode != 0:
        log.error("pg_restore failed: %s", result.stderr.strip())
        raise ServiceError(f"Khôi phục không thành công: {result.stderr.strip()}")
