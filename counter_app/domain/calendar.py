"""Working calendar of a Vietnamese public office: working days, office hours and deadlines."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal
from fractions import Fraction
from functools import cache
from types import MappingProxyType
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

DEFAULT_OFFICE_HOURS: tuple[tuple[str, str], ...] = (("07:00", "11:30"), ("13:30", "17:00"))

VN_TZ: tzinfo
try:
    VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
except ZoneInfoNotFoundError:
    # Windows without the tzdata package; Vietnam has kept UTC+7 without DST since 1975.
    VN_TZ = timezone(timedelta(hours=7), "Asia/Ho_Chi_Minh")

EXTRA_HOLIDAY_NAME = "Ngày nghỉ theo lịch điều chỉnh"

_HHMM = re.compile(r"([0-9]{1,2}):([0-9]{2})")


@cache
def _public_holidays(year: int) -> tuple[Mapping[date, str], frozenset[date]]:
    """Vietnamese public holidays of a year with their names, and its swapped working Saturdays."""
    calendar = holidays.country_holidays("VN", years=year, language="vi")
    names = {day: unicodedata.normalize("NFC", name) for day, name in calendar.items()}
    # The library moves a day off next to a holiday and records the Saturday worked in exchange;
    # honouring only the first half would lose a working day.
    swapped = frozenset(d for d in getattr(calendar, "weekend_workdays", ()) if d.year == year)
    return MappingProxyType(names), swapped


def _to_local(dt: datetime) -> datetime:
    if dt.tzinfo is None or dt.utcoffset() is None:
        return dt
    return dt.astimezone(VN_TZ).replace(tzinfo=None)


def _like(result: datetime, original: datetime) -> datetime:
    if original.tzinfo is None or original.utcoffset() is None:
        return result
    return result.replace(tzinfo=VN_TZ)


def _as_date(d: date) -> date:
    return _to_local(d).date() if isinstance(d, datetime) else d


def _parse_time(value: str | time) -> time:
    if isinstance(value, time):
        return value.replace(tzinfo=None)
    match = _HHMM.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError(f"Giờ làm việc “{value}” không hợp lệ: cần dạng HH:MM, ví dụ 07:30.")
    return time(int(match[1]), int(match[2]))


def _parse_office_hours(
    office_hours: Iterable[tuple[str | time, str | time]],
) -> tuple[tuple[time, time], ...]:
    parsed: list[tuple[time, time]] = []
    for pair in office_hours:
        if len(pair) != 2:
            raise ValueError(
                "Mỗi khoảng giờ làm việc cần đúng một giờ bắt đầu và một giờ kết thúc."
            )
        start, end = _parse_time(pair[0]), _parse_time(pair[1])
        if start >= end:
            raise ValueError(
                f"Khoảng giờ làm việc {start:%H:%M}–{end:%H:%M}: "
                f"giờ bắt đầu phải sớm hơn giờ kết thúc."
            )
        if parsed and start < parsed[-1][1]:
            before = parsed[-1]
            raise ValueError(
                f"Các khoảng giờ làm việc phải theo thứ tự tăng dần và không chồng lên nhau: "
                f"{before[0]:%H:%M}–{before[1]:%H:%M} rồi đến {start:%H:%M}–{end:%H:%M}."
            )
        parsed.append((start, end))
    if not parsed:
        raise ValueError("Cần ít nhất một khoảng giờ làm việc.")
    return tuple(parsed)


def _to_fraction(value: float | Fraction | Decimal) -> Fraction:
    if isinstance(value, Fraction):
        amount = value
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"Số ngày làm việc “{value}” không hợp lệ.")
        amount = Fraction(value)
    elif isinstance(value, int):
        amount = Fraction(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"Số ngày làm việc “{value}” không hợp lệ.")
        # Through the shortest repr, so that 0.1 day is a tenth of a day, not 0.1000000000000000055…
        amount = Fraction(repr(value))
    else:
        raise TypeError(f"Số ngày làm việc phải là một số, nhận được {type(value).__name__}.")
    if amount < 0:
        raise ValueError(f"Số ngày làm việc không được âm, nhận được {value}.")
    return amount


class WorkCalendar:
    """Working days (weekends, public holidays, overrides) and office hours of one office."""

    def __init__(
        self,
        office_hours: Iterable[tuple[str | time, str | time]] = DEFAULT_OFFICE_HOURS,
        extra_holidays: Iterable[date] = (),
        extra_working_days: Iterable[date] = (),
    ) -> None:
        self._hours = _parse_office_hours(office_hours)
        self._extra_holidays = frozenset(_as_date(d) for d in extra_holidays)
        self._extra_working_days = frozenset(_as_date(d) for d in extra_working_days)
        clash = sorted(self._extra_holidays & self._extra_working_days)
        if clash:
            raise ValueError(
                f"Ngày {clash[0]:%d/%m/%Y} vừa được khai là ngày nghỉ vừa là ngày làm việc."
            )
        self._day_length = sum(
            (
                datetime.combine(date.min, end) - datetime.combine(date.min, start)
                for start, end in self._hours
            ),
            timedelta(),
        )

    @property
    def office_hours(self) -> tuple[tuple[time, time], ...]:
        """Office hours of a working day as (opening, closing) pairs in order."""
        return self._hours

    @property
    def day_length(self) -> timedelta:
        """Office time in one working day (8 hours with the default hours)."""
        return self._day_length

    @property
    def extra_holidays(self) -> frozenset[date]:
        """Days declared off on top of the public holidays."""
        return self._extra_holidays

    @property
    def extra_working_days(self) -> frozenset[date]:
        """Days declared working whatever the weekend or holiday rules say."""
        return self._extra_working_days

    def is_working_day(self, d: date) -> bool:
        """Tell whether the office works on this day."""
        d = _as_date(d)
        if d in self._extra_working_days:
            return True
        if d in self._extra_holidays:
            return False
        names, swapped = _public_holidays(d.year)
        if d in names:
            return False
        return d in swapped or d.weekday() < 5

    def holiday_name(self, d: date) -> str | None:
        """Vietnamese name of the holiday that closes the office on this day, if any."""
        d = _as_date(d)
        if d in self._extra_working_days:
            return None
        name = _public_holidays(d.year)[0].get(d)
        if d in self._extra_holidays:
            return name or EXTRA_HOLIDAY_NAME
        return name

    def next_opening(self, dt: datetime) -> datetime:
        """The moment itself if the office is open then, else the next opening."""
        return _like(self._slot(_to_local(dt))[0], dt)

    def due(self, received_at: datetime, working_days: float | Fraction | Decimal) -> datetime:
        """The moment working_days of office time counted from received_at are used up."""
        remaining = self._office_time(working_days)
        start, end = self._slot(_to_local(received_at))
        # `>` rather than `>=`: time used up exactly at a closing ends there, not next opening.
        while remaining > end - start:
            remaining -= end - start
            start, end = self._slot(end)
        return _like(start + remaining, received_at)

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Office time from start to end; negative when end comes first."""
        begin, finish = _to_local(start), _to_local(end)
        if finish < begin:
            return -self.working_time_between(end, start)
        total = timedelta()
        slot_start, slot_end = self._slot(begin)
        while slot_start < finish:
            total += min(slot_end, finish) - slot_start
            slot_start, slot_end = self._slot(slot_end)
        return total

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day after d (before it when n < 0); for n = 0, d or the next one."""
        d = _as_date(d)
        if n == 0:
            return d if self.is_working_day(d) else self._next_working_day(d)
        step = timedelta(days=1 if n > 0 else -1)
        remaining = abs(n)
        while remaining:
            d += step
            if self.is_working_day(d):
                remaining -= 1
        return d

    def _office_time(self, working_days: float | Fraction | Decimal) -> timedelta:
        day_us = self._day_length // timedelta(microseconds=1)
        return timedelta(microseconds=round(_to_fraction(working_days) * day_us))

    def _next_working_day(self, d: date) -> date:
        d += timedelta(days=1)
        while not self.is_working_day(d):
            d += timedelta(days=1)
        return d

    def _slot(self, dt: datetime) -> tuple[datetime, datetime]:
        """From dt (or the next opening) to the end of that stretch of office hours."""
        day = dt.date()
        if self.is_working_day(day):
            for opening, closing in self._hours:
                closes_at = datetime.combine(day, closing)
                if dt < closes_at:
                    return max(dt, datetime.combine(day, opening)), closes_at
        day = self._next_working_day(day)
        opening, closing = self._hours[0]
        return datetime.combine(day, opening), datetime.combine(day, closing)
