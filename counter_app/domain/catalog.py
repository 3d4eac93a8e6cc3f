"""The procedure catalogue as plain data: specs and the text conventions of the researched
catalogue (processing times, papers, fees). The CSV / JSON files live in catalog_files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from counter_app.domain.text import fold, normalize

#: Office hours one known provincial system counts as a working day (07:00–11:30, 13:30–17:00).
WORKING_HOURS_PER_DAY = 8
#: "Trong ngày": the value the researched catalogue itself uses for same-day procedures.
SAME_DAY = Decimal("0.5")
MAX_DAYS = Decimal(999)
# Column sizes of db.models.catalog, checked here so SQLite refuses what PostgreSQL would.
MAX_CODE, MAX_NAME, MAX_FIELD, MAX_PROCESSING_TEXT = 30, 500, 200, 200
MAX_FEE = 2_000_000_000  # an SQL INTEGER
MAX_COUNT = 999

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
