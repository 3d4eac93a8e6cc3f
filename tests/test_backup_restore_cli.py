"""Back up, add dossiers, `counter-app admin restore`: exactly the backed-up dossiers come back,
numbering goes on from them, and a damaged backup is refused with the live data untouched."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_runner import run_cli
from dossier_fixtures import Counter, complete_intake, make_counter
from pg_server import find_pg_bindir, skip_without_pg_dump
from sqlalchemy import text

from counter_app.domain.dossier_code import parse_code
from counter_app.services.intake import IntakeService
from db.engine import Database
from db.migrate import migrate


@dataclass
class Office:
    """A database the command line works on, and the environment that points it there."""

    tmp: Path
    url: str
    env: dict[str, str]

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return run_cli(self.tmp, *args, env=self.env)

    @property
    def backup_dir(self) -> Path:
        return self.tmp / "data" / "backups"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def office(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Office]:
    env: dict[str, str] = {}
    bindir = find_pg_bindir()
    if bindir is not None and (bindir / "pg_dump").is_file():
        env["MOTCUA_PG_BINDIR"] = str(bindir)  # pg_dump of the test server's own version
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'data' / 'counter.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_url")
        env["MOTCUA_DATABASE__URL"] = url
        if "MOTCUA_PG_BINDIR" not in env:
            skip_without_pg_dump()
    yield Office(tmp_path, url, env)


def dossier_codes(url: str) -> list[str]:
    db = Database(url)
    try:
        with db.read() as session:
            return list(session.execute(text("SELECT code FROM dossier ORDER BY code")).scalars())
    finally:
        db.dispose()


def receive(counter: Counter, how_many: int) -> list[str]:
    return [
        counter.intake.accept(counter.clerk, complete_intake(counter)).row.code
        for _ in range(how_many)
    ]


def backed_up_path(result: subprocess.CompletedProcess[str], suffix: str) -> Path:
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.split("vào ", 1)[1].split(suffix)[0] + suffix)


def test_restore_brings_back_exactly_the_backed_up_dossiers(office):
    db = Database(office.url)
    migrate(db)
    counter = make_counter(db)
    before = receive(counter, 3)
    suffix = ".sqlite3" if db.is_sqlite else ".pgdump"
    backup = backed_up_path(office.cli("admin", "backup"), suffix)
    assert backup.parent == office.backup_dir
    lost = receive(counter, 2)
    db.dispose()
    assert dossier_codes(office.url) == sorted(before + lost)

    restored = office.cli("admin", "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert "Đã khôi phục" in restored.stdout and "toàn vẹn" in restored.stdout
    assert dossier_codes(office.url) == sorted(before)
    kept = list(office.backup_dir.glob("truoc-khoi-phuc-*"))
    assert len(kept) == 1  # the replaced data (with the two lost dossiers) is kept aside

    db = Database(office.url)
    intake = IntakeService(db, counter.calendar, counter.clock, counter.attachments)
    after = intake.accept(counter.clerk, complete_intake(counter)).row.code
    highest = max(parse_code(code)[2] for code in before)
    assert parse_code(after)[2] == highest + 1
    assert after not in before
    db.dispose()


def damaged_copies(backup: Path, folder: Path) -> dict[str, Path]:
    """Copies of a good backup cut short, cut at the very end, garbled in the middle, empty."""
    folder.mkdir()
    data = backup.read_bytes()
    middle = len(data) // 2
    copies = {
        "truncated": data[:middle],
        "tail": data[:-64],
        "garbled": data[:middle] + os.urandom(4096) + data[middle + 4096 :],
        "empty": b"",
    }
    for kind, content in copies.items():
        (folder / (kind + backup.suffix)).write_bytes(content)
    return {kind: folder / (kind + backup.suffix) for kind in copies}


def test_a_damaged_backup_is_refused_and_the_live_data_untouched(office):
    db = Database(office.url)
    migrate(db)
    counter = make_counter(db)
    suffix = ".sqlite3" if db.is_sqlite else ".pgdump"
    receive(counter, 4)
    backup = backed_up_path(office.cli("admin", "backup"), suffix)
    receive(counter, 1)
    db.dispose()
    live = dossier_codes(office.url)
    files_before = sorted(p.name for p in office.backup_dir.iterdir())
    for kind, bad in damaged_copies(backup, office.tmp / "damaged").items():
        result = office.cli("admin", "restore", str(bad))
        assert result.returncode == 1, (kind, result.stdout)
        message = result.stderr
        assert "Lỗi:" in message, kind
        expected = "không phải bản sao lưu" if kind == "empty" else "bị hỏng"
        assert expected in message, (kind, message)
        assert "Traceback" not in message
        assert dossier_codes(office.url) == live, kind
        # Refused before anything was touched: not even a safety copy was made.
        assert sorted(p.name for p in office.backup_dir.iterdir()) == files_before, kind
    missing = office.cli("admin", "restore", str(office.tmp / "khong-co.sqlite3"))
    assert missing.returncode == 1 and "Không tìm thấy tệp sao lưu" in missing.stderr
    check = office.cli("admin", "check")
    assert check.returncode == 0 and "toàn vẹn" in check.stdout


def test_backup_to_an_unplugged_usb_disk_is_refused_then_recorded_when_back(tmp_path):
    from counter_app.services.backup_schedule import LAST_ERROR_KEY, LAST_OK_KEY
    from db.models import AppMeta

    usb = tmp_path / "usb"
    url = f"sqlite:///{tmp_path / 'data' / 'counter.sqlite3'}"
    office = Office(tmp_path, url, {"MOTCUA_BACKUP__FOLDER": str(usb)})
    migrate(Database(office.url))
    refused = office.cli("admin", "backup")
    assert refused.returncode == 1
    assert "ổ USB sao lưu đã được cắm chưa" in refused.stderr
    assert not usb.exists()  # never created on the local disk in the USB disk's place
    usb.mkdir()
    done = office.cli("admin", "backup")
    path = backed_up_path(done, ".sqlite3")
    assert path.parent == usb and "kiểm tra" in done.stdout
    db = Database(office.url)
    with db.read() as session:
        assert session.get(AppMeta, LAST_OK_KEY) is not None  # the window's warning clears
        assert "ổ USB" in session.get(AppMeta, LAST_ERROR_KEY).value
    db.dispose()
