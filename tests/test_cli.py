"""The `counter-app` command: admin verbs run as a real process on a real database."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from cli_runner import run_cli


def run(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return run_cli(tmp_path, *args, stdin=stdin)


INIT = [
    "admin",
    "init",
    "--office-name",
    "Trung tâm Phục vụ hành chính công xã Mường Tè",
    "--agency-code",
    "000.00.20.H12",
    "--province",
    "01",
    "--commune",
    "00004",
    "--counters",
    "2",
    "--admin-user",
    "quantri",
    "--admin-name",
    "Lò Văn Páo",
]


@pytest.fixture
def initialised(tmp_path: Path) -> Path:
    result = run(tmp_path, *INIT, stdin="matkhau123\n")
    assert result.returncode == 0, result.stderr
    assert "Đã thiết lập" in result.stdout
    assert "Đã nạp danh mục" in result.stdout
    return tmp_path


def test_help_lists_the_verbs(tmp_path):
    result = run(tmp_path, "admin", "--help")
    assert result.returncode == 0
    for verb in ("init", "migrate", "create-user", "import-catalog", "backup", "restore", "check"):
        assert verb in result.stdout


def test_init_twice_is_refused(initialised):
    result = run(initialised, *INIT, stdin="matkhau123\n")
    assert result.returncode == 1
    assert "đã được thiết lập" in result.stderr


def test_init_with_bad_agency_code_reports_it(tmp_path):
    args = list(INIT)
    args[args.index("000.00.20.H12")] = "ma sai!"
    result = run(tmp_path, *args, stdin="matkhau123\n")
    assert result.returncode == 1
    assert "Lỗi:" in result.stderr and "mã" in result.stderr.lower()


def test_create_user_needs_an_admin_password(initialised):
    bad = run(
        initialised,
        "admin",
        "create-user",
        "canbo1",
        "--full-name",
        "Lê Hồng",
        "--role",
        "clerk",
        "--as",
        "quantri",
        stdin="sai-mat-khau\ncanbo12345\n",
    )
    assert bad.returncode == 1 and "không đúng" in bad.stderr
    good = run(
        initialised,
        "admin",
        "create-user",
        "canbo1",
        "--full-name",
        "Lê Hồng",
        "--role",
        "clerk",
        "--as",
        "quantri",
        stdin="matkhau123\ncanbo12345\n",
    )
    assert good.returncode == 0, good.stderr
    assert "canbo1" in good.stdout and "Công chức một cửa" in good.stdout


def test_backup_check_and_restore_round_trip(initialised):
    backup = run(initialised, "admin", "backup")
    assert backup.returncode == 0, backup.stderr
    path = backup.stdout.split("vào ", 1)[1].split(".sqlite3")[0] + ".sqlite3"
    assert Path(path).exists()
    check = run(initialised, "admin", "check")
    assert check.returncode == 0 and "toàn vẹn" in check.stdout
    restore = run(initialised, "admin", "restore", path)
    assert restore.returncode == 0, restore.stderr
    assert "Đã khôi phục" in restore.stdout
    again = run(initialised, *INIT, stdin="matkhau123\n")
    assert "đã được thiết lập" in again.stderr  # the office came back with the restore


def test_import_catalog_reports_bad_rows_by_line(initialised, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "ma_tthc,ten_tthc,linh_vuc,thoi_han_ngay,le_phi,thanh_phan_ho_so,nguon,ghi_chu\n"
        "1.000001,Thủ tục thử,Hộ tịch,1,Miễn,Tờ khai (1 bản chính),,\n"
        "1.000002,,Hộ tịch,abc,Miễn,Tờ khai (1 bản chính),,\n",
        encoding="utf-8",
    )
    result = run(
        initialised, "admin", "import-catalog", str(bad), "--as", "quantri", stdin="matkhau123\n"
    )
    assert result.returncode == 1
    assert "Dòng 3" in result.stderr


def test_units_lists_post_2025_provinces(tmp_path):
    result = run(tmp_path, "admin", "units")
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 34 and lines[0] == "01\tThành phố Hà Nội"


def test_bad_settings_file_names_the_key(tmp_path):
    (tmp_path / "cfg").mkdir()
    (tmp_path / "cfg" / "config.toml").write_text('[printing]\npaper_size = "B5"\n')
    result = run(tmp_path, "admin", "check")
    assert result.returncode == 1
    assert "printing.paper_size" in result.stderr and "config.toml" in result.stderr
