"""Settings: defaults, the TOML file, environment overrides and clear messages for mistakes."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.paths import AppDirs
from counter_app.settings import (
    Settings,
    SettingsError,
    load_settings,
    parse_settings,
    save_settings,
)


def _dirs(tmp_path: Path) -> AppDirs:
    return AppDirs(tmp_path / "cfg", tmp_path / "data")


def _write(dirs: AppDirs, text: str) -> None:
    dirs.config_dir.mkdir(parents=True, exist_ok=True)
    dirs.config_file.write_text(text, encoding="utf-8")


def test_missing_file_and_folder_give_defaults(tmp_path):
    settings = load_settings(_dirs(tmp_path), environ={})
    assert settings.printing.paper_size == "A5"
    assert settings.security.max_failed_logins == 5
    assert settings.database_url(_dirs(tmp_path)).endswith("data/counter.sqlite3")


def test_file_values_are_read_and_typed(tmp_path):
    dirs = _dirs(tmp_path)
    _write(
        dirs,
        """
[database]
url = "postgresql+psycopg://motcua@10.0.0.5/motcua"
[security]
lockout_minutes = 30
[calendar]
office_hours = [["07:30", "11:30"], ["13:00", "16:30"]]
extra_working_days = ["2026-01-10"]
[printing]
paper_size = "A4"
""",
    )
    settings = load_settings(dirs, environ={})
    assert settings.database.url.startswith("postgresql+psycopg://")
    assert settings.security.lockout_minutes == 30
    assert settings.calendar.office_hours == (("07:30", "11:30"), ("13:00", "16:30"))
    assert settings.calendar.extra_working_days == ("2026-01-10",)
    assert settings.printing.paper_size == "A4"


def test_environment_overrides_the_file(tmp_path):
    dirs = _dirs(tmp_path)
    _write(dirs, '[station]\nname = "QUAY-1"\ncounter = 1\n')
    env = {"MOTCUA_STATION__COUNTER": "4", "MOTCUA_PRINTING__PAPER_SIZE": "A4"}
    settings = load_settings(dirs, environ=env)
    assert settings.station.name == "QUAY-1"
    assert settings.station.counter == 4
    assert settings.printing.paper_size == "A4"


@pytest.mark.parametrize(
    ("text", "key", "fragment"),
    [
        ('[security]\nlockout_minutes = "mười"\n', "security.lockout_minutes", "số nguyên"),
        ('[printing]\npaper_size = "A3"\n', "printing.paper_size", "A5, A4"),
        ("[security]\nmin_password_length = 4\n", "security.min_password_length", "tối thiểu 8"),
        ("[security]\nfoo = 1\n", "security.foo", "không có mục này"),
        ('[databse]\nurl = ""\n', "databse", "không có nhóm này"),
        ('[calendar]\noffice_hours = [["07:00"]]\n', "calendar.office_hours", "đúng 2 mốc"),
        ("[database\nurl = 1\n", "(cú pháp TOML)", ""),
        ('[calendar]\nextra_holidays = ["30/4/2027"]\n', "calendar.extra_holidays", "NĂM-THÁNG"),
        ('[calendar]\noffice_hours = [["11:00", "08:00"]]\n', "calendar.office_hours", ""),
    ],
)
def test_bad_file_names_file_key_and_problem(tmp_path, text, key, fragment):
    dirs = _dirs(tmp_path)
    _write(dirs, text)
    with pytest.raises(SettingsError) as caught:
        load_settings(dirs, environ={})
    message = str(caught.value)
    assert str(dirs.config_file) in message
    assert f"'{key}'" in message
    assert fragment in message


def test_bad_environment_value_is_named(tmp_path):
    with pytest.raises(SettingsError, match=r"biến môi trường.*station\.counter"):
        load_settings(_dirs(tmp_path), environ={"MOTCUA_STATION__COUNTER": "hai"})


def test_not_utf8_file_is_explained(tmp_path):
    dirs = _dirs(tmp_path)
    dirs.config_dir.mkdir(parents=True)
    dirs.config_file.write_bytes(b'[station]\nname = "Qu\xe2y"\n')
    with pytest.raises(SettingsError, match="UTF-8"):
        load_settings(dirs, environ={})


def test_saved_settings_read_back_equal(tmp_path):
    dirs = _dirs(tmp_path)
    original = parse_settings(
        {"station": {"name": 'Quầy "một"', "counter": 2}, "backup": {"folder": "E:\\saoluu"}},
        "test",
        environ={},
    )
    save_settings(original, dirs)
    assert load_settings(dirs, environ={}) == original
    assert isinstance(original, Settings)


def test_rating_section_scale_reasons_and_limits(tmp_path):
    dirs = _dirs(tmp_path)
    _write(
        dirs,
        """
[rating]
scale = "three"
reasons = ["Chờ lâu", " Chờ  lâu ", "Thái độ chưa tốt"]
ask_seconds = 30
""",
    )
    rating = load_settings(dirs, environ={}).rating
    assert rating.scale == "three" and rating.ask_seconds == 30
    assert rating.reasons == ("Chờ lâu", "Thái độ chưa tốt")
    env = {"MOTCUA_RATING__REASONS": "Chờ lâu,Hướng dẫn chưa rõ"}
    assert load_settings(dirs, environ=env).rating.reasons == ("Chờ lâu", "Hướng dẫn chưa rõ")


@pytest.mark.parametrize(
    "text, fragment",
    [
        ('scale = "seven"', "five, three"),
        ("reasons = []", "ít nhất một lý do"),
        ('reasons = ["' + "x" * 81 + '"]', "dài quá"),
        ("ask_seconds = 3", "rating.ask_seconds"),
    ],
)
def test_bad_rating_settings_are_explained(tmp_path, text, fragment):
    dirs = _dirs(tmp_path)
    _write(dirs, "[rating]\n" + text + "\n")
    with pytest.raises(SettingsError, match=fragment):
        load_settings(dirs, environ={})
