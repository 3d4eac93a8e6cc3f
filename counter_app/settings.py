"""Typed settings read from a TOML file, overridable by environment variables.

The file is `config.toml` in the platform config folder. Any key can be overridden by an
environment variable `MOTCUA_<SECTION>__<KEY>`, e.g. `MOTCUA_DATABASE__URL`.
"""

from __future__ import annotations

import dataclasses
import os
import re
import socket
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

from counter_app.domain.rating import (
    DEFAULT_REASONS,
    MAX_REASON_LENGTH,
    MAX_REASONS,
    clean_reasons,
)
from counter_app.paths import AppDirs, app_dirs

ENV_PREFIX = "MOTCUA_"


class SettingsError(ValueError):
    """A settings file or variable is wrong; the message names the file, the key and the fault."""

    def __init__(self, source: str, key: str, problem: str) -> None:
        self.source = source
        self.key = key
        self.problem = problem
        super().__init__(f"Cấu hình sai trong {source}, mục '{key}': {problem}")


@dataclass(frozen=True)
class DatabaseSettings:
    """Where the database lives."""

    url: str = ""  # empty: SQLite file in the data folder
    busy_timeout_ms: int = 10000
    connect_timeout_s: int = 5


@dataclass(frozen=True)
class StationSettings:
    """This PC: its name in the audit log and its role in the office."""

    name: str = field(default_factory=socket.gethostname)
    role: str = "clerk"  # clerk | kiosk | display | rating
    counter: int = 0  # the counter number this station serves, 0 when none


@dataclass(frozen=True)
class SecuritySettings:
    """Password and sign-in rules."""

    min_password_length: int = 8
    max_failed_logins: int = 5
    lockout_minutes: int = 15
    idle_lock_minutes: int = 15


@dataclass(frozen=True)
class CalendarSettings:
    """Office hours and calendar overrides (ISO dates)."""

    office_hours: tuple[tuple[str, str], ...] = (("07:00", "11:30"), ("13:30", "17:00"))
    extra_holidays: tuple[str, ...] = ()
    extra_working_days: tuple[str, ...] = ()


@dataclass(frozen=True)
class PrintingSettings:
    """Paper and printer choices."""

    paper_size: str = "A5"  # A5 | A4


@dataclass(frozen=True)
class BackupSettings:
    """Where backups go, how many are kept, how often they are made, when to warn."""

    folder: str = ""  # empty: the data folder's backups/; a set folder must exist (USB plugged)
    keep: int = 30  # newest automatic/manual backups kept, older ones deleted
    auto: bool = True  # this station makes the automatic backup when one is due
    every_hours: int = 24  # an automatic backup is due when the last good one is this old
    warn_after_hours: int = 48  # the clerk window warns when the last good one is older


@dataclass(frozen=True)
class AttachmentSettings:
    """Digitised files: where they are kept and how big one may be."""

    folder: str = ""  # empty: attachments/ in the data folder; several stations: a shared folder
    max_mb: int = 20


@dataclass(frozen=True)
class KioskSettings:
    """The ticket kiosk of this station."""

    printer: str = ""  # tcp://host:9100, usb://0x04b8:0x0e15, cups://name, win://name, file:///…
    paper_mm: int = 80  # 80 or 58
    idle_seconds: int = 45  # back to the start screen after this long untouched


@dataclass(frozen=True)
class DisplaySettings:
    """The display board of this station."""

    voice: str = "auto"  # auto | tts | clips | off
    recent_calls: int = 6


@dataclass(frozen=True)
class RatingSettings:
    """The satisfaction screen: its scale, the reasons offered, how long it waits."""

    scale: str = "five"  # five | three
    reasons: tuple[str, ...] = DEFAULT_REASONS
    ask_seconds: int = 60  # back to idle when nobody answers
    reason_seconds: int = 90  # the reason step keeps the rating when nobody finishes it
    thanks_seconds: int = 5


@dataclass(frozen=True)
class SyncSettings:
    """Sending dossiers to the provincial system (the token is kept in the database)."""

    url: str = ""  # e.g. https://motcua.laichau.gov.vn; empty: no sync
    batch_items: int = 200
    batch_kb: int = 512  # before compression
    connect_timeout_s: int = 5
    read_timeout_s: int = 30
    pull_seconds: int = 60  # how often to ask for changes made upstream
    max_backoff_seconds: int = 900


@dataclass(frozen=True)
class Settings:
    """All settings of one installation."""

    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    station: StationSettings = field(default_factory=StationSettings)
    security: SecuritySettings = field(default_factory=SecuritySettings)
    calendar: CalendarSettings = field(default_factory=CalendarSettings)
    printing: PrintingSettings = field(default_factory=PrintingSettings)
    backup: BackupSettings = field(default_factory=BackupSettings)
    attachments: AttachmentSettings = field(default_factory=AttachmentSettings)
    kiosk: KioskSettings = field(default_factory=KioskSettings)
    display: DisplaySettings = field(default_factory=DisplaySettings)
    rating: RatingSettings = field(default_factory=RatingSettings)
    sync: SyncSettings = field(default_factory=SyncSettings)

    def database_url(self, dirs: AppDirs) -> str:
        """The configured URL, or the default SQLite file in the data folder."""
        if self.database.url:
            return self.database.url
        return f"sqlite:///{dirs.data_dir / 'counter.sqlite3'}"

    def attachments_dir(self, dirs: AppDirs) -> Path:
        """The folder digitised files are stored in, by content hash."""
        return (
            Path(self.attachments.folder)
            if self.attachments.folder
            else dirs.data_dir / "attachments"
        )

    def backup_dir(self, dirs: AppDirs) -> Path:
        """The folder that receives backups."""
        return Path(self.backup.folder) if self.backup.folder else dirs.backup_dir


_CHOICES: dict[str, tuple[str, ...]] = {
    "station.role": ("clerk", "kiosk", "display", "rating"),
    "printing.paper_size": ("A5", "A4"),
    "display.voice": ("auto", "tts", "clips", "off"),
    "rating.scale": ("five", "three"),
}
_MINIMUM: dict[str, int] = {
    "database.busy_timeout_ms": 0,
    "database.connect_timeout_s": 1,
    "station.counter": 0,
    "security.min_password_length": 8,
    "security.max_failed_logins": 1,
    "security.lockout_minutes": 1,
    "security.idle_lock_minutes": 1,
    "backup.keep": 1,
    "backup.every_hours": 1,
    "backup.warn_after_hours": 1,
    "attachments.max_mb": 1,
    "kiosk.idle_seconds": 10,
    "display.recent_calls": 1,
    "rating.ask_seconds": 10,
    "rating.reason_seconds": 10,
    "rating.thanks_seconds": 1,
    "sync.batch_items": 1,
    "sync.batch_kb": 16,
    "sync.connect_timeout_s": 1,
    "sync.read_timeout_s": 1,
    "sync.pull_seconds": 5,
    "sync.max_backoff_seconds": 10,
}

# Every whole-number setting stays below this: seconds become Qt timer milliseconds (a 32-bit
# int), so a mistyped huge value would crash a station instead of being refused here.
MAXIMUM = 1_000_000


def _convert(value: Any, hint: Any, source: str, key: str) -> Any:
    """Check one value against its declared type and return it in that type."""
    origin = get_origin(hint)
    if hint is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("1", "true", "yes", "có"):
            return True
        if isinstance(value, str) and value.strip().lower() in ("0", "false", "no", "không"):
            return False
        raise SettingsError(source, key, f"cần giá trị đúng/sai (true/false), nhận được {value!r}")
    if hint is int:
        if isinstance(value, bool):
            raise SettingsError(source, key, f"cần một số nguyên, nhận được {value!r}")
        if isinstance(value, int):
            return value
        # ASCII digits, few enough for int(): isdigit() also accepts "²" and "٣".
        if isinstance(value, str) and re.fullmatch(r"-?[0-9]{1,18}", value.strip()):
            return int(value.strip())
        raise SettingsError(source, key, f"cần một số nguyên, nhận được {value!r}")
    if hint is str:
        if isinstance(value, str):
            return value
        raise SettingsError(
            source, key, f"cần một chuỗi ký tự trong ngoặc kép, nhận được {value!r}"
        )
    if origin is tuple:
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if not isinstance(value, list | tuple):
            raise SettingsError(source, key, f"cần một danh sách, nhận được {value!r}")
        inner = get_args(hint)[0]
        return tuple(_convert(item, inner, source, key) for item in value)
    raise SettingsError(source, key, "kiểu dữ liệu không được hỗ trợ")  # pragma: no cover


def _convert_pairs(value: Any, source: str, key: str) -> tuple[tuple[str, str], ...]:
    """Time ranges: [["07:00", "11:30"], …] in TOML, "07:00-11:30,13:30-17:00" in a variable."""
    if isinstance(value, str):
        value = [part.strip().split("-") for part in value.split(",") if part.strip()]
    if not isinstance(value, list | tuple):
        raise SettingsError(source, key, f"cần một danh sách, nhận được {value!r}")
    pairs = []
    for pair in value:
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            raise SettingsError(
                source, key, 'mỗi khoảng giờ cần đúng 2 mốc, ví dụ ["07:00", "11:30"]'
            )
        pairs.append((_convert(pair[0], str, source, key), _convert(pair[1], str, source, key)))
    return tuple(pairs)


def _build_section(cls: type, data: Mapping[str, Any], section: str, source: str) -> Any:
    hints = get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    for key in data:
        if key not in names:
            known = ", ".join(sorted(names))
            raise SettingsError(
                source, f"{section}.{key}", f"không có mục này (các mục hợp lệ: {known})"
            )
    values: dict[str, Any] = {}
    for name, raw in data.items():
        full = f"{section}.{name}"
        hint = hints[name]
        if get_origin(hint) is tuple and get_origin(get_args(hint)[0]) is tuple:
            value = _convert_pairs(raw, source, full)
        else:
            value = _convert(raw, hint, source, full)
        if full in _CHOICES and value not in _CHOICES[full]:
            allowed = ", ".join(_CHOICES[full])
            raise SettingsError(
                source, full, f"giá trị {value!r} không hợp lệ (chọn một trong: {allowed})"
            )
        if full in _MINIMUM and value < _MINIMUM[full]:
            raise SettingsError(
                source, full, f"giá trị {value} nhỏ hơn mức tối thiểu {_MINIMUM[full]}"
            )
        if isinstance(value, int) and not isinstance(value, bool) and value > MAXIMUM:
            raise SettingsError(source, full, f"giá trị {value} lớn hơn mức tối đa {MAXIMUM}")
        values[name] = value
    return cls(**values)


def _env_overrides(environ: Mapping[str, str]) -> dict[str, dict[str, str]]:
    overrides: dict[str, dict[str, str]] = {}
    for name, value in environ.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        section, _, key = name[len(ENV_PREFIX) :].lower().partition("__")
        overrides.setdefault(section, {})[key] = value
    return overrides


def parse_settings(
    file_data: Mapping[str, Any], source: str, environ: Mapping[str, str] | None = None
) -> Settings:
    """Build settings from parsed TOML data and environment overrides."""
    env = _env_overrides(os.environ if environ is None else environ)
    sections = {f.name: f.type for f in dataclasses.fields(Settings)}
    hints = get_type_hints(Settings)
    built: dict[str, Any] = {}
    for section in set(file_data) | set(env):
        if section not in sections:
            where = source if section in file_data else "biến môi trường"
            known = ", ".join(sorted(sections))
            raise SettingsError(where, section, f"không có nhóm này (các nhóm hợp lệ: {known})")
    for section in sections:
        from_file = file_data.get(section, {})
        if not isinstance(from_file, Mapping):
            raise SettingsError(source, section, "phải là một nhóm [ten_nhom] chứa các mục")
        cls = hints[section]
        merged = _build_section(cls, from_file, section, source)
        if section in env:
            extra = _build_section(cls, env[section], section, f"biến môi trường {ENV_PREFIX}*")
            changed = {k: getattr(extra, k) for k in env[section]}
            merged = dataclasses.replace(merged, **changed)
        built[section] = merged
    _check_calendar(built["calendar"], source)
    if built["kiosk"].paper_mm not in (58, 80):
        raise SettingsError(source, "kiosk.paper_mm", "khổ giấy máy in vé chỉ là 58 hoặc 80 (mm)")
    built["rating"] = _check_rating(built["rating"], source)
    if built["backup"].warn_after_hours < built["backup"].every_hours:
        raise SettingsError(
            source, "backup.warn_after_hours", "phải lớn hơn hoặc bằng backup.every_hours"
        )
    sync = built["sync"]
    if sync.url and not sync.url.startswith(("http://", "https://")):
        raise SettingsError(source, "sync.url", "địa chỉ phải bắt đầu bằng https:// (hoặc http://)")
    if sync.batch_items > 500:
        raise SettingsError(source, "sync.batch_items", "hệ thống tỉnh nhận tối đa 500 mục mỗi gói")
    return Settings(**built)


def _check_rating(rating: RatingSettings, source: str) -> RatingSettings:
    """Reasons: a short, non-empty list of distinct lines that fit on a button."""
    reasons = clean_reasons(rating.reasons)
    if not reasons:
        raise SettingsError(source, "rating.reasons", "cần ít nhất một lý do để công dân chọn")
    if len(reasons) > MAX_REASONS:
        raise SettingsError(source, "rating.reasons", f"tối đa {MAX_REASONS} lý do")
    long = [r for r in reasons if len(r) > MAX_REASON_LENGTH]
    if long:
        raise SettingsError(
            source, "rating.reasons", f"lý do dài quá {MAX_REASON_LENGTH} ký tự: {long[0]!r}"
        )
    return dataclasses.replace(rating, reasons=reasons)


def _check_calendar(cal: CalendarSettings, source: str) -> None:
    """Dates must be ISO (YYYY-MM-DD) and office hours usable by the working-day calendar."""
    from counter_app.domain.calendar import WorkCalendar

    days: dict[str, list[date]] = {}
    for key in ("extra_holidays", "extra_working_days"):
        days[key] = []
        for value in getattr(cal, key):
            try:
                days[key].append(date.fromisoformat(value))
            except ValueError:
                raise SettingsError(
                    source, f"calendar.{key}", f"ngày {value!r} phải viết dạng NĂM-THÁNG-NGÀY"
                ) from None
    try:
        WorkCalendar(cal.office_hours, days["extra_holidays"], days["extra_working_days"])
    except ValueError as exc:
        raise SettingsError(source, "calendar.office_hours", str(exc)) from None


def load_settings(
    dirs: AppDirs | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Read the settings file (absent file: defaults) and apply environment overrides."""
    dirs = dirs or app_dirs(None if environ is None else dict(environ))
    path = dirs.config_file
    data: dict[str, Any] = {}
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(str(path), "(cú pháp TOML)", str(exc)) from exc
        except UnicodeDecodeError as exc:
            raise SettingsError(str(path), "(mã hóa)", "tệp phải được lưu dạng UTF-8") from exc
        except OSError as exc:
            raise SettingsError(str(path), "(đọc tệp)", exc.strerror or str(exc)) from exc
    return parse_settings(data, str(path), environ)


def render_settings_toml(settings: Settings) -> str:
    """Write settings back as TOML text (used by the setup wizard)."""
    lines: list[str] = []
    for section in dataclasses.fields(settings):
        lines.append(f"[{section.name}]")
        value = getattr(settings, section.name)
        for item in dataclasses.fields(value):
            lines.append(f"{item.name} = {_toml_value(getattr(value, item.name))}")
        lines.append("")
    return "\n".join(lines)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{escaped}"'
    return "[" + ", ".join(_toml_value(v) for v in value) + "]"


def save_settings(settings: Settings, dirs: AppDirs) -> Path:
    """Write the settings file atomically into the config folder."""
    dirs.config_dir.mkdir(parents=True, exist_ok=True)
    target = dirs.config_file
    tmp = target.with_suffix(".toml.tmp")
    tmp.write_text(render_settings_toml(settings), encoding="utf-8")
    os.replace(tmp, target)
    return target
