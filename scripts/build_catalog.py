"""Regenerate the shipped procedure catalogue from the researched CSV.

Usage (from the repository root)::

    .venv/bin/python scripts/build_catalog.py [CSV] [--out JSON]

CSV defaults to ``resources/catalog/procedures-commune.csv``, the repository's copy of the
researched reference table (copy a newer reference over it, then run this); JSON defaults to
``resources/catalog/procedures.json``. The rows go through the same strict reader an admin's
import uses, after the explicit decisions below (each one also written into the procedure's
note): rows without a national code or without a processing time are left out and listed under
"excluded" in the output; boundary-free (phi địa giới) marks are set only where the law lets
anyone ask any competent office.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import sys
from pathlib import Path

from counter_app.domain.catalog import CatalogFormatError
from counter_app.domain.catalog_files import (
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    read_catalog_csv,
    write_catalog_json,
)
from counter_app.domain.text import normalize

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CSV = REPO / "resources" / "catalog" / "procedures-commune.csv"
DEFAULT_OUT = REPO / "resources" / "catalog" / "procedures.json"
MARK = "[Danh mục phần mềm]"

#: Processing times read from the row's own note where the time column was left empty.
TIME_FROM_NOTE = {
    "2.000913": (
        "Không quá 02 ngày làm việc",
        "thời hạn để trống trong bảng nghiên cứu; lấy “không quá 02 ngày làm việc” như ghi chú "
        "gợi ý (quy tắc chung của chứng thực giao dịch) — cần đối chiếu quyết định công bố của "
        "tỉnh.",
    ),
}

#: Certifying a copy or a signature does not depend on where the applicant lives
#: (Nghị định 23/2015/NĐ-CP), so any commune counter in the province may take the dossier.
BOUNDARY_FREE = {
    "2.000815": "chứng thực bản sao từ bản chính không phụ thuộc nơi cư trú (NĐ 23/2015/NĐ-CP)",
    "2.000884": "chứng thực chữ ký không phụ thuộc nơi cư trú (NĐ 23/2015/NĐ-CP)",
}


def _with_note(note: str, addition: str) -> str:
    return f"{note} {MARK} {addition}".strip()


def prepare_rows(rows: list[dict[str, str]]) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Apply the decisions above; return the rows to ship and the rows left out (with why)."""
    kept: list[dict[str, str]] = []
    excluded: list[dict[str, str]] = []
    for source in rows:
        row = {k: v for k, v in source.items() if k in REQUIRED_COLUMNS + OPTIONAL_COLUMNS}
        code = normalize(row.get("ma_tthc", ""))
        has_time = bool(normalize(row.get("thoi_han_ngay", "")))
        reason = ""
        if not code:
            reason = "chưa có mã TTHC quốc gia trong nguồn"
        elif not has_time and code in TIME_FROM_NOTE:
            row["thoi_han_ngay"], why = TIME_FROM_NOTE[code]
            row["ghi_chu"] = _with_note(row.get("ghi_chu", ""), f"Thời hạn: {why}")
        elif not has_time:
            reason = "thời hạn giải quyết chưa xác nhận (để trống trong bảng nghiên cứu)"
        if reason:
            excluded.append(
                {"ma_tthc": code, "ten_tthc": normalize(row["ten_tthc"]), "ly_do": reason}
            )
            continue
        flag = BOUNDARY_FREE.get(code)
        row["lien_thong_phi_dia_gioi"] = "có" if flag else "không"
        if flag:
            row["ghi_chu"] = _with_note(row.get("ghi_chu", ""), f"Phi địa giới: {flag}.")
        kept.append(row)
    return kept, excluded


def build(csv_path: Path) -> str:
    """The catalogue JSON text for the CSV at csv_path."""
    raw = csv_path.read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    kept, excluded = prepare_rows(rows)
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=[*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS])
    writer.writeheader()
    writer.writerows(kept)
    specs = read_catalog_csv(out.getvalue())
    digest = hashlib.sha256(raw).hexdigest()[:16]
    resolved = csv_path.resolve()
    shown = resolved.relative_to(REPO) if resolved.is_relative_to(REPO) else csv_path.name
    origin = f"{shown.as_posix() if isinstance(shown, Path) else shown} (sha256 {digest}…)"
    origin += " qua scripts/build_catalog.py"
    return write_catalog_json(specs, origin, excluded=excluded)


def main(argv: list[str] | None = None) -> int:
    """Command line entry: write the JSON, print a one-line summary."""
    parser = argparse.ArgumentParser(description="Dựng danh mục thủ tục kèm phần mềm từ tệp CSV.")
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    try:
        text = build(args.csv)
    except CatalogFormatError as exc:
        print("\n".join(exc.lines()), file=sys.stderr)
        return 1
    args.out.write_text(text, encoding="utf-8", newline="\n")
    print(f"Đã ghi {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
