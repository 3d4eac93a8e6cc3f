"""Synthetic but realistic dossiers in bulk, for benchmarks (fast raw inserts, no services)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, time, timedelta

from sqlalchemy import insert, select

from counter_app.domain.dossier_code import make_code
from counter_app.domain.text import fold
from db.engine import Database
from db.models import Applicant, Dossier, Procedure

SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Lò",
    "Hà",
    "Sùng",
    "Giàng",
]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Ngọc", "Minh", "Thanh", "Quốc", "Xuân", "Thu", "Kim"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiếu",
    "Hoa",
    "Hùng",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Minh",
    "Nam",
    "Ngọc",
    "Nhung",
    "Phúc",
    "Phương",
    "Quân",
    "Quỳnh",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thắng",
    "Thủy",
    "Trang",
    "Trung",
    "Tuấn",
    "Vân",
    "Việt",
    "Yến",
    "Ánh",
    "Páo",
    "Chứ",
]


def person(rng: random.Random) -> tuple[str, str, str]:
    """A name, a 12-digit id number and a phone number."""
    name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    number = f"0{rng.randint(1, 96):02d}{rng.randint(0, 3)}{rng.randint(0, 99):02d}"
    number += f"{rng.randint(0, 999999):06d}"
    phone = f"09{rng.randint(0, 99_999_999):08d}"
    return name, number, phone


def dossier_rows(
    count: int,
    agency: str,
    procedures: list[tuple[str, str, str]],
    applicant_id: int,
    start: datetime,
    seed: int = 7,
) -> Iterator[dict[str, object]]:
    """`count` received dossiers spread over the days before `start`, 300 a day."""
    rng = random.Random(seed)
    for i in range(count):
        day_index, seq = divmod(i, 300)
        day = start.date() - timedelta(days=day_index)
        received = datetime.combine(day, time(7, 0)) + timedelta(minutes=rng.randint(0, 600))
        name, number, phone = person(rng)
        code = make_code(agency, received.date(), seq + 1)
        proc_code, proc_name, field = procedures[i % len(procedures)]
        yield {
            "code": code,
            "status": rng.choice((2, 4, 4, 9, 10, 10, 10)),
            "channel": 1,
            "applicant_id": applicant_id,
            "applicant_kind": 1,
            "applicant_name": name,
            "applicant_id_number": number,
            "applicant_address": "",
            "applicant_phone": phone,
            "applicant_email": "",
            "submitter_name": "",
            "procedure_code": proc_code,
            "procedure_name": proc_name,
            "field": field,
            "processing_days": "3",
            "processing_text": "",
            "summary": proc_name,
            "sets_count": 1,
            "received_at": received,
            "due_at": received + timedelta(days=3),
            "original_due_at": None,
            "apology_used": False,
            "clock_started_at": received,
            "delivery": 0,
            "postal_address": "",
            "handling_unit": "",
            "book_year": None,
            "book_number": None,
            "fee_total": 0,
            "decision_note": "",
            "result_ready_at": None,
            "returned_at": None,
            "return_tracking": "",
            "received_by_id": None,
            "received_by_name": "Cán bộ",
            "station": "BENCH",
            "search_text": fold(f"{code} {name} {number} {phone}"),
            "created_at": received,
            "updated_at": received,
        }


def fill(db: Database, count: int, agency: str, batch: int = 20_000) -> None:
    """Insert `count` dossiers (plus one shared applicant row) as fast as the driver allows."""
    now = datetime(2026, 11, 20, 8, 0)
    with db.write() as session:
        procedures = [
            tuple(r)
            for r in session.execute(select(Procedure.code, Procedure.name, Procedure.field))
        ]
        applicant = Applicant(full_name="Người nộp mẫu", created_at=now, updated_at=now)
        session.add(applicant)
        session.flush()
        applicant_id = applicant.id
    rows: list[dict[str, object]] = []
    for row in dossier_rows(count, agency, procedures, applicant_id, now):  # type: ignore[arg-type]
        rows.append(row)
        if len(rows) == batch:
            with db.write() as session:
                session.execute(insert(Dossier), rows)
            rows = []
    if rows:
        with db.write() as session:
            session.execute(insert(Dossier), rows)
