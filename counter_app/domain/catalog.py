"""The procedure catalogue as plain data: specs, the text conventions of the researched
catalogue (processing times, papers, fees) and the CSV / JSON files an admin imports."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict, dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from counter_app.domain.text import fold, normalize

CATALOG_FORMAT = "mot-cua-catalog"
CATALOG_VERSION = 1
#: Office hours one known provincial system counts as a working day (07:00–11:30, 13:30–17:00).
WORKING_HOURS_PER_DAY = 8
#: "Trong ngày": the value the researched catalogue itself uses for same-day procedures.
SAME_DAY = Decimal("0.5")
MAX_DAYS = Decimal(999)
# Column sizes of db.models.catalog, checked here so SQLite refuses what PostgreSQL would.
MAX_CODE, MAX_NAME, MAX_FIELD, MAX_PROCESSING_TEXT = 30, 500, 200, 200
MAX_FEE = 2_000_000_000  # an SQL INTEGER
MAX_COUNT = 999

REQUIRED_COLUMNS = (
    "ma_tthc",
    "ten_tthc",
    "linh_vuc",
    "thoi_han_ngay",
    "le_phi",
    "thanh_phan_ho_so",
)
OPTIONAL_COLUMNS = ("nguon", "ghi_chu", "lien_thong_phi_dia_gioi", "le_phi_so_tien")

# National codes are "1.001193"; provinces append their own groups ("1.000656.000.00.00.H12").
_CODE = re.compile(r"[0-9]\.[0-9]{6}(?:\.[0-9A-Z]{1,5}){0,5}")
_TIME = re.compile(
    r"(?:(?:khong qua|toi da|trong vong|trong)\s*)?"
    r"(?P<num>[0-9]{1,6}(?:[.,][0-9]{1,6})?|[0-9]{1,6}/[0-9]{1,6})"
    r"\s*(?P<unit>ngay lam viec|ngay|gio lam viec|gio)?(?:\s+ke tu\b.*)?"
)
_SAME_DAY_TEXTS = frozenset(
    {"trong ngay", "ngay trong ngay", "trong ngay lam viec", "trong ngay tiep nhan"}
)
_COUNT = re.compile(
    r"(?:(?P<n>[0-9]{1,3})\s+)?(?P<kind>ban chinh|ban goc|ban sao|ban photo|bo)"
    r"(?P<each>\s+moi loai)?"
)
_EITHER = re.compile(r"(?:(?P<n>[0-9]{1,3})\s+)?ban (?:chinh|goc|sao|photo)\b.*\bhoac\b.*\bban\b.*")
_PORTAL_PREFIX = re.compile(r"cong ghi(?: so luong)?\s*:?\s*")
# Matched with accents: "nêu rõ" (state) and "nếu" (if) fold alike.
_STARTS_CONDITION = re.compile(r"(?:nếu|khi|chỉ khi|trường hợp|tùy|tuỳ)\b")
_CONDITION = re.compile(r"\b(?:nếu|khi|trường hợp|t(?:ùy|uỳ) (?:trường hợp|đối tượng|theo))\b")
_NOT_CONDITION = re.compile(r"\bnếu\b[^;]*?\bthì\b|\b(?:trước|sau) khi\b|\bkhi (?:nộp|đến|nhận)\b")
_PAPER_NOUN = re.compile(
    r"\b(?:giay|van ban|ho so|don|to khai|bien ban|mot trong|chung tu|hop dong|trich luc|ban sao"
    r"|ban chinh)\b"
)
_AMOUNT = re.compile(
    r"(?<![0-9.,])([0-9]{1,3}(?:[.,][0-9]{3}){1,3}|[0-9]{1,10})\s*(?:dong|vnd|d)\b"
)
_FEE_VARIES = re.compile(r"hdnd|theo muc|theo quy dinh|chua xac nhan|khong co thong tin")
_FEE_FREE = re.compile(r"(?:mien|khong)\b(?! co\b| ro\b| xac\b)")
_AMOUNT_CELL = re.compile(r"-?(?:[0-9]{1,3}(?:[., ][0-9]{3})+|[0-9]{1,10})")
_TRUE = frozenset({"1", "x", "co", "true", "yes", "dung", "phi dia gioi"})
_FALSE = frozenset({"", "0", "khong", "false", "no", "sai"})


@dataclass(frozen=True)
class PaperSpec:
    """One paper of a dossier: originals and copies handed in, always needed or only shown."""

    name: str
    originals: int = 0
    copies: int = 0
    required: bool = True
    present_only: bool = False


@dataclass(frozen=True)
class ProcedureSpec:
    """A procedure as a catalogue file describes it, before it is stored."""

    code: str
    name: str
    field: str
    processing_days: Decimal
    processing_text: str = ""
    fee_amount: int | None = None
    fee_text: str = ""
    boundary_free: bool = False
    papers: tuple[PaperSpec, ...] = ()
    source: str = ""
    note: str = ""


class CatalogFormatError(ValueError):
    """A catalogue file has faults; `problems` lists every (line or item number, message)."""

    def __init__(self, problems: list[tuple[int, str]], unit: str = "Dòng") -> None:
        self.problems = list(problems)
        self.unit = unit
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """The problems as "Dòng N: …" (or "Mục N: …") lines for the user."""
        return [f"{self.unit} {n}: {msg}" if n > 0 else msg for n, msg in self.problems]


def parse_processing_time(text: str) -> Decimal:
    """Working days of a processing time such as "3", "1/2 ngày", "0,25 ngày", "04 giờ"."""
    folded = fold(text)
    if not folded:
        raise ValueError("Chưa có thời hạn giải quyết.")
    if folded in _SAME_DAY_TEXTS:
        return SAME_DAY
    match = _TIME.fullmatch(folded)
    if match is None:
        raise ValueError(
            f"Không hiểu thời hạn giải quyết “{normalize(text)[:80]}” (viết như “3”, "
            "“03 ngày làm việc”, “1/2 ngày”, “0,25 ngày”, “04 giờ” hoặc “Trong ngày”)."
        )
    num = match["num"]
    if "/" in num:
        top, bottom = num.split("/")
        if int(bottom) == 0:
            raise ValueError(f"Thời hạn giải quyết “{normalize(text)}” chia cho 0.")
        value = Decimal(top) / Decimal(bottom)
    else:
        value = Decimal(num.replace(",", "."))
    if (match["unit"] or "").startswith("gio"):
        value /= WORKING_HOURS_PER_DAY
    if value > MAX_DAYS:
        raise ValueError(f"Thời hạn giải quyết {normalize(text)} quá dài (tối đa {MAX_DAYS} ngày).")
    value = value.quantize(Decimal("0.001"), ROUND_HALF_UP)
    if value <= 0:
        raise ValueError("Thời hạn giải quyết phải lớn hơn 0.")
    return value


def _trailing_group(text: str) -> tuple[str, str | None]:
    """Split "name (inner)" into name and inner when the text ends with a parenthesis."""
    if not text.endswith(")"):
        return text, None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            depth -= 1
            if depth == 0:
                return text[:i].rstrip(), text[i + 1 : -1]
    return text, None


def _read_quantities(inner: str) -> tuple[int, int, bool, list[str]] | None:
    """Originals, copies, "xuất trình" and leftover remarks of "(1 bản chính; …)", or None."""
    originals = copies = 0
    present = found = False
    remarks: list[str] = []
    for clause in inner.split(";"):
        parts = [p.strip() for p in clause.split(",")]
        for i, part in enumerate(parts):
            folded = fold(part)
            if i == 0:
                folded = (
                    _PORTAL_PREFIX.sub("", folded, count=1) if folded.startswith("cong") else folded
                )
            count, either = _COUNT.fullmatch(folded), _EITHER.fullmatch(folded)
            if folded == "xuat trinh":
                present = True
            elif count:
                number = int(count["n"] or 1)
                if count["kind"] in ("ban sao", "ban photo"):
                    copies += number
                else:
                    originals += number
                if count["each"]:
                    remarks.append("mỗi loại")
            elif either:
                copies += int(either["n"] or 1)
                remarks.append(", ".join(parts[i:]))
                found = True
                break
            else:
                if part:
                    remarks.append(", ".join(parts[i:]))
                break
            found = True
    return (originals, copies, present, remarks) if found else None


def _first_clause_parts(text: str) -> tuple[str, list[str]]:
    """The first "; "-clause of text: what lies outside parentheses, and each group inside."""
    outside: list[str] = []
    groups: list[str] = []
    depth = 0
    for ch in text:
        if ch == ";" and depth == 0:
            break
        if ch == "(":
            depth += 1
            if depth == 1:
                groups.append("")
                continue
        elif ch == ")" and depth > 0:
            depth -= 1
            if depth == 0:
                continue
        if depth:
            groups[-1] += ch
        else:
            outside.append(ch)
    return "".join(outside), groups


def _is_conditional(main: str, remarks: list[str]) -> bool:
    """True when a paper is only needed in some cases ("nếu …", "trường hợp …", "khi …")."""
    lower = main.lower()
    if _STARTS_CONDITION.match(lower) or any(_STARTS_CONDITION.match(r.lower()) for r in remarks):
        return True
    label, colon, _rest = main.partition(":")
    folded_label = fold(label)
    # "Thuê, mượn, ở nhờ: hợp đồng …" names a case; "Giấy tờ tùy thân: …" names a paper.
    if (
        colon
        and len(label.split()) <= 8
        and not _PAPER_NOUN.search(folded_label)
        and not folded_label.startswith("xuat trinh")
    ):
        return True
    # Only the first clause decides: "…; nếu bằng tiếng nước ngoài thì kèm bản dịch" adds a paper.
    outside, groups = _first_clause_parts(_NOT_CONDITION.sub(" ", lower))
    return bool(_CONDITION.search(outside)) or any(
        _STARTS_CONDITION.match(g.strip()) for g in groups
    )


def parse_paper(text: str) -> PaperSpec:
    """Read one paper of the CSV, e.g. "Tờ khai … (1 bản chính)" or "… — xuất trình …"."""
    clean = normalize(text)
    main, inner = _trailing_group(clean)
    quantities = _read_quantities(inner) if inner is not None else None
    remarks: list[str] = []
    if quantities is None:
        main, originals, copies, present = clean, 0, 0, False
    else:
        originals, copies, present, remarks = quantities
    present = present or "xuat trinh" in fold(clean)
    if originals == copies == 0:
        start = fold(main)
        if present or (start.startswith(("ban chinh ", "ban goc ")) and " hoac " not in start[:25]):
            originals = 1
        elif start.startswith(("ban sao ", "ban chinh hoac ban sao ")):
            copies = 1
    name = (main or clean) + (f" ({'; '.join(remarks)})" if remarks else "")
    return PaperSpec(
        name=name,
        originals=originals,
        copies=copies,
        required=not _is_conditional(main, remarks),
        present_only=present,
    )


def fee_amount_from_text(text: str) -> int | None:
    """The fee in đồng when the text states one fixed figure ("Miễn" → 0), else None."""
    folded = fold(text)
    if not folded or _FEE_VARIES.search(folded):
        return None
    amounts = {int(re.sub(r"[.,]", "", m)) for m in _AMOUNT.findall(folded)}
    if len(amounts) == 1:
        return amounts.pop()
    if not amounts and _FEE_FREE.match(folded):
        return 0
    return None


def spec_problems(spec: ProcedureSpec) -> list[str]:
    """What is wrong with a spec, in Vietnamese; empty when it can be stored."""
    problems: list[str] = []
    if not spec.code:
        problems.append("Thiếu mã thủ tục.")
    elif len(spec.code) > MAX_CODE or not _CODE.fullmatch(spec.code):
        problems.append(
            f"Mã thủ tục “{spec.code[:40]}” không đúng dạng (mã quốc gia như 1.001193 hoặc "
            "2.000794; mã của tỉnh như 1.000656.000.00.00.H12)."
        )
    for value, label, limit in (
        (spec.name, "tên thủ tục", MAX_NAME),
        (spec.field, "lĩnh vực", MAX_FIELD),
    ):
        if not value:
            problems.append(f"Thiếu {label}.")
        elif len(value) > limit:
            problems.append(f"{label.capitalize()} dài quá {limit} ký tự.")
    days = spec.processing_days
    if not days.is_finite() or days <= 0 or days > MAX_DAYS:
        problems.append(f"Thời hạn giải quyết phải lớn hơn 0 và không quá {MAX_DAYS} ngày.")
    elif days != days.quantize(Decimal("0.001")):
        problems.append("Thời hạn giải quyết chỉ được có tối đa 3 chữ số thập phân.")
    if len(spec.processing_text) > MAX_PROCESSING_TEXT:
        problems.append(f"Ghi chú thời hạn dài quá {MAX_PROCESSING_TEXT} ký tự.")
    if spec.fee_amount is not None and spec.fee_amount < 0:
        problems.append(f"Lệ phí không được âm ({spec.fee_amount} đồng).")
    elif spec.fee_amount is not None and spec.fee_amount > MAX_FEE:
        problems.append(f"Lệ phí {spec.fee_amount} đồng lớn bất thường.")
    for number, paper in enumerate(spec.papers, start=1):
        if not paper.name:
            problems.append(f"Giấy tờ thứ {number} chưa có tên.")
        if not (0 <= paper.originals <= MAX_COUNT and 0 <= paper.copies <= MAX_COUNT):
            problems.append(f"Số bản của giấy tờ thứ {number} phải từ 0 đến {MAX_COUNT}.")
    return problems


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
