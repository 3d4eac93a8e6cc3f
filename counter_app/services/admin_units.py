"""Provinces and communes after the July 2025 reorganisation (34 provinces, 3,321 communes)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from vietnam_provinces import Province, Ward

from counter_app.domain.text import fold


@dataclass(frozen=True)
class AdminUnit:
    """A province or commune: code (as a string, zero-padded) and Vietnamese name."""

    code: str
    name: str


@cache
def provinces() -> tuple[AdminUnit, ...]:
    """All provinces, in official code order."""
    return tuple(
        AdminUnit(f"{int(p.code):02d}", p.name)
        for p in sorted(Province.iter_all(), key=lambda p: int(p.code))
    )


@cache
def _wards_by_province() -> dict[str, tuple[AdminUnit, ...]]:
    grouped: dict[str, list[AdminUnit]] = {}
    for ward in Ward.iter_all():
        unit = AdminUnit(f"{int(ward.code):05d}", ward.name)
        grouped.setdefault(f"{int(ward.province_code):02d}", []).append(unit)
    return {
        code: tuple(sorted(units, key=lambda u: fold(u.name))) for code, units in grouped.items()
    }


def communes(province_code: str) -> tuple[AdminUnit, ...]:
    """The communes and wards of a province, in alphabetical order."""
    return _wards_by_province().get(province_code, ())


def province(code: str) -> AdminUnit | None:
    """The province with this code, or None."""
    return next((p for p in provinces() if p.code == code), None)


def commune(province_code: str, code: str) -> AdminUnit | None:
    """The commune with this code in the province, or None."""
    return next((c for c in communes(province_code) if c.code == code), None)
