"""SQLite online backup and integrity checks (safe while other stations are writing)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def backup_sqlite_file(source: Path, dest: Path) -> Path:
    """Copy a live SQLite database to dest with the online backup API; returns dest.

    Writes to a temporary name first and renames, so a cut never leaves a half backup
    under the final name.
    """
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    try:
        out = sqlite3.connect(partial)
        try:
            src.backup(out)
            out.execute("PRAGMA journal_mode = DELETE")
            problems = integrity_problems(out)
        finally:
            out.close()
    finally:
        src.close()
    if problems:
        partial.unlink(missing_ok=True)
        raise sqlite3.DatabaseError("bản sao lưu không toàn vẹn: " + "; ".join(problems[:5]))
    with open(partial, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(partial, dest)
    return dest


def integrity_problems(conn: sqlite3.Connection, quick: bool = False) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks; empty when sound."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    problems = [r for r in rows if r != "ok"]
    for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"bảng {table} dòng {rowid} trỏ tới {parent} không tồn tại")
    return problems


def check_sqlite_file(path: Path, quick: bool = False) -> list[str]:
    """Open a database file read-only and return its integrity problems (or why it won't open)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error as exc:
        return [f"không mở được tệp: {exc}"]
    try:
        return integrity_problems(conn, quick=quick)
    except sqlite3.DatabaseError as exc:
        return [f"tệp hỏng hoặc không phải cơ sở dữ liệu: {exc}"]
    finally:
        conn.close()
