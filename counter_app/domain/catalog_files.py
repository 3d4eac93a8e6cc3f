"""The catalogue files: the CSV an admin imports (reference columns) and the JSON the app
ships, read strictly with every fault reported at once, and written back."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict
from decimal import Decimal
from typing import Any

from counter_app.domain.catalog import (
    MAX_FEE,
    CatalogFormatError,
    PaperSpec,
    ProcedureSpec,
    fee_amount_from_text,
    parse_paper,
    parse_processing_time,
    spec_problems,
)
from counter_app.domain.text import fold, normalize

CATALOG_FORMAT = "mot-cua-catalog"
CATALOG_VERSION = 1

REQUIRED_COLUMNS = (
    "ma_tthc",
    "ten_tthc",
    "linh_vuc",
    "thoi_han_ngay",
    "le_phi",
    "thanh_phan_ho_so",
)
OPTIONAL_COLUMNS = ("nguon", "ghi_chu", "lien_thong_phi_dia_gioi", "le_phi_so_tien")

_AMOUNT_CELL = re.compile(r"-?(?:[0-9]{1,3}(?:[., ][0-9]{3})+|[0-9]{1,10})")
_TRUE = frozenset({"1", "x", "co", "true", "yes", "dung", "phi dia gioi"})
_FALSE = frozenset({"", "0", "khong", "false", "no", "sai"})


def _parse_flag(text: str) -> bool:
    folded = fold(text)
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise ValueError(f"Cột lien_thong_phi_dia_gioi ghi “{text[:40]}”: hãy ghi “có” hoặc “không”.")


def _parse_amount_cell(text: str) -> int:
    cell = fold(text).removesuffix("dong").removesuffix("d").strip()
    if not _AMOUNT_CELL.fullmatch(cell):
        raise ValueError(f"Số tiền lệ phí “{text[:40]}” không phải số nguyên đồng.")
    return int(re.sub(r"[., ]", "", cell))


def _spec_from_row(cells: dict[str, str]) -> tuple[ProcedureSpec | None, list[str]]:
    problems: list[str] = []
    days = Decimal(1)
    try:
        days = parse_processing_time(cells["thoi_han_ngay"])
    except ValueError as exc:
        problems.append(str(exc))
    fee_amount = fee_amount_from_text(cells["le_phi"])
    boundary_free = False
    try:
        if cells.get("le_phi_so_tien"):
            fee_amount = _parse_amount_cell(cells["le_phi_so_tien"])
        boundary_free = _parse_flag(cells.get("lien_thong_phi_dia_gioi", ""))
    except ValueError as exc:
        problems.append(str(exc))
    spec = ProcedureSpec(
        code=cells["ma_tthc"].upper(),
        name=cells["ten_tthc"],
        field=cells["linh_vuc"],
        processing_days=days,
        processing_text=cells["thoi_han_ngay"],
        fee_amount=fee_amount,
        fee_text=cells["le_phi"],
        boundary_free=boundary_free,
        papers=tuple(parse_paper(p) for p in cells["thanh_phan_ho_so"].split("|") if p.strip()),
        source=cells.get("nguon", ""),
        note=cells.get("ghi_chu", ""),
    )
    problems += spec_problems(spec)
    return (None if problems else spec), problems


def read_catalog_csv(text: str) -> list[ProcedureSpec]:
    """Read a catalogue CSV (reference columns); every faulty row is reported at once."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    try:
        header = [normalize(h).lower() for h in next(reader, [])]
    except csv.Error:
        raise CatalogFormatError([(1, "Không đọc được dòng tiêu đề của tệp CSV.")]) from None
    if not any(header):
        raise CatalogFormatError([(1, "Tệp CSV trống hoặc thiếu dòng tiêu đề.")])
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    unknown = [h for h in header if h not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    header_problems = []
    if missing:
        header_problems.append((1, f"Thiếu cột: {', '.join(missing)}."))
    if unknown:
        allowed = ", ".join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)
        shown = ", ".join(f"“{h[:40]}”" for h in unknown)
        header_problems.append((1, f"Cột không dùng được: {shown} (các cột dùng được: {allowed})."))
    if len(set(header)) != len(header):
        header_problems.append((1, "Có cột bị lặp tên trong dòng tiêu đề."))
    if header_problems:
        raise CatalogFormatError(header_problems)
    problems: list[tuple[int, str]] = []
    specs: list[ProcedureSpec] = []
    first_line: dict[str, int] = {}
    start = reader.line_num + 1
    try:
        for row in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                problems.append(
                    (line, f"Dòng có {len(row)} ô, nhiều hơn {len(header)} cột của tiêu đề.")
                )
                continue
            cells = {
                name: normalize(row[i]) if i < len(row) else "" for i, name in enumerate(header)
            }
            spec, row_problems = _spec_from_row(cells)
            problems += [(line, p) for p in row_problems]
            if spec is not None and spec.code in first_line:
                problems.append(
                    (line, f"Mã thủ tục {spec.code} trùng với dòng {first_line[spec.code]}.")
                )
            elif spec is not None:
                first_line[spec.code] = line
                specs.append(spec)
    except csv.Error:
        problems.append((start, "Tệp CSV hỏng từ dòng này (có thể thiếu dấu ngoặc kép đóng)."))
    if problems:
        raise CatalogFormatError(problems)
    return specs


def _get(item: dict[str, Any], key: str, kind: type | tuple[type, ...], default: Any) -> Any:
    value = item.get(key, default)
    if value is None and default is None:
        return None
    if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
        raise ValueError(f"Trường “{key}” có kiểu không đúng.")
    if not isinstance(value, kind):
        raise ValueError(f"Trường “{key}” có kiểu không đúng.")
    return normalize(value) if isinstance(value, str) else value


def _paper_from_item(raw: object) -> PaperSpec:
    if isinstance(raw, str):
        return parse_paper(raw)
    if not isinstance(raw, dict):
        raise ValueError("Mỗi giấy tờ phải là chuỗi hoặc đối tượng JSON.")
    return PaperSpec(
        name=_get(raw, "name", str, ""),
        originals=_get(raw, "originals", int, 0),
        copies=_get(raw, "copies", int, 0),
        required=_get(raw, "required", bool, True),
        present_only=_get(raw, "present_only", bool, False),
    )


def _spec_from_item(item: object) -> ProcedureSpec:
    if not isinstance(item, dict):
        raise ValueError("Mỗi thủ tục phải là một đối tượng JSON.")
    raw_days = _get(item, "processing_days", (int, Decimal, str), "")
    days = parse_processing_time(raw_days) if isinstance(raw_days, str) else Decimal(raw_days)
    fee_text = _get(item, "fee_text", str, "")
    if "fee_amount" in item:
        fee = _get(item, "fee_amount", (int, Decimal), None)
        if isinstance(fee, Decimal) and not fee.is_finite():
            raise ValueError("Trường “fee_amount” phải là số nguyên đồng.")
        # Before int(): "1e999999999" would take forever to turn into an integer.
        if fee is not None and not -MAX_FEE <= fee <= MAX_FEE:
            raise ValueError(f"Lệ phí “{str(fee)[:20]}” đồng lớn bất thường.")
        if isinstance(fee, Decimal) and fee != fee.to_integral_value():
            raise ValueError("Trường “fee_amount” phải là số nguyên đồng.")
        fee_amount = None if fee is None else int(fee)
    else:
        fee_amount = fee_amount_from_text(fee_text)
    papers = _get(item, "papers", list, [])
    return ProcedureSpec(
        code=_get(item, "code", str, "").upper(),
        name=_get(item, "name", str, ""),
        field=_get(item, "field", str, ""),
        processing_days=days,
        processing_text=_get(item, "processing_text", str, ""),
        fee_amount=fee_amount,
        fee_text=fee_text,
        boundary_free=_get(item, "boundary_free", bool, False),
        papers=tuple(_paper_from_item(p) for p in papers),
        source=_get(item, "source", str, ""),
        note=_get(item, "note", str, ""),
    )


def _reject_constant(name: str) -> None:
    raise ValueError(f"Giá trị {name} không dùng được trong danh mục.")


def read_catalog_json(text: str) -> list[ProcedureSpec]:
    """Read the shipped catalogue format; problems are numbered by item (1 = first)."""
    try:
        data = json.loads(
            text.removeprefix("\ufeff"), parse_float=Decimal, parse_constant=_reject_constant
        )
    except (ValueError, RecursionError) as exc:
        line = getattr(exc, "lineno", 0)
        raise CatalogFormatError([(line, "Tệp JSON hỏng, không đọc được.")]) from None
    if not isinstance(data, dict) or data.get("format") != CATALOG_FORMAT:
        raise CatalogFormatError([(0, f"Tệp JSON không phải danh mục “{CATALOG_FORMAT}”.")])
    if data.get("version") != CATALOG_VERSION or isinstance(data.get("version"), bool):
        raise CatalogFormatError(
            [(0, f"Phiên bản danh mục {str(data.get('version'))[:20]} chưa được hỗ trợ.")]
        )
    items = data.get("procedures")
    if not isinstance(items, list):
        raise CatalogFormatError([(0, "Thiếu danh sách thủ tục (“procedures”).")])
    problems: list[tuple[int, str]] = []
    specs: list[ProcedureSpec] = []
    first_item: dict[str, int] = {}
    for number, item in enumerate(items, start=1):
        try:
            spec = _spec_from_item(item)
        except ValueError as exc:
            problems.append((number, str(exc)))
            continue
        item_problems = spec_problems(spec)
        problems += [(number, p) for p in item_problems]
        if not item_problems and spec.code in first_item:
            problems.append(
                (number, f"Mã thủ tục {spec.code} trùng với mục {first_item[spec.code]}.")
            )
        elif not item_problems:
            first_item[spec.code] = number
            specs.append(spec)
    if problems:
        raise CatalogFormatError(problems, unit="Mục")
    return specs


def _days_json(days: Decimal) -> int | float:
    return int(days) if days == days.to_integral_value() else float(days)


def write_catalog_json(specs: list[ProcedureSpec], generated_from: str, **extra: Any) -> str:
    """The shipped catalogue file for specs (UTF-8 text, one key per line)."""
    procedures = [
        {
            "code": s.code,
            "name": s.name,
            "field": s.field,
            "processing_days": _days_json(s.processing_days),
            "processing_text": s.processing_text,
            "fee_amount": s.fee_amount,
            "fee_text": s.fee_text,
            "boundary_free": s.boundary_free,
            "papers": [asdict(p) for p in s.papers],
            "source": s.source,
            "note": s.note,
        }
        for s in specs
    ]
    document = {
        "format": CATALOG_FORMAT,
        "version": CATALOG_VERSION,
        "generated_from": generated_from,
        **extra,
        "procedures": procedures,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
