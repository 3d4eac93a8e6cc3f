"""The sync sender as a program of its own, for the crash tests and the soak (and its helpers).

    python tests/sync/sender_process.py --db URL --files DIR --url BASE [--token T] [--rounds N]
    python tests/sync/sender_process.py --db URL --files DIR --make N

Sending builds the services and a SyncSender (small batches, so that crash points fall in the
middle of a backlog; the real clock) and runs ``run_once(now_please=True)`` until no operation
waits, printing a one-line JSON summary per round. The token defaults to the one stored in the
database. With ``MOTCUA_CRASH_AT=<point>`` the process SIGKILLs itself at that point, after
letting it pass ``--crash-skip`` times. Exit status: 0 when drained, 1 otherwise.

``--make N`` receives N varied dossiers through the intake service of an office set up by
``dossier_fixtures.make_counter``; with ``MOTCUA_CRASH_AT=after_outbox_commit`` it dies
right after the commit of dossier ``--crash-skip`` + 1.

The helpers (an office on an existing database, varied citizens and intakes, noise images, a
sender, a drain loop) are shared with tests/sync/test_sync_crashes.py and the bench scripts.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for _path in (ROOT, ROOT / "tests", ROOT / "tests" / "sync"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import httpx  # noqa: E402
from dossier_fixtures import Counter  # noqa: E402
from PIL import Image  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from counter_app.clock import Clock, vietnam_now  # noqa: E402
from counter_app.domain.calendar import WorkCalendar  # noqa: E402
from counter_app.domain.intake import (  # noqa: E402
    ApplicantInput,
    AttachmentFile,
    IntakeInput,
    PaperCheck,
)
from counter_app.services.accounts import AccountService  # noqa: E402
from counter_app.services.attachment_store import AttachmentStore  # noqa: E402
from counter_app.services.attachments import AttachmentService  # noqa: E402
from counter_app.services.catalog import CatalogService  # noqa: E402
from counter_app.services.dossier_lifecycle import LifecycleService  # noqa: E402
from counter_app.services.dossier_queries import DossierQueries  # noqa: E402
from counter_app.services.intake import IntakeService  # noqa: E402
from counter_app.settings import SecuritySettings, SyncSettings  # noqa: E402
from counter_app.sync import state  # noqa: E402
from counter_app.sync.http_adapter import HttpProvincialAdapter  # noqa: E402
from counter_app.sync.sender import CRASH_ENV, SyncReport, SyncSender, crash_point  # noqa: E402
from db.engine import Database  # noqa: E402
from db.models import Office, SyncOutbox  # noqa: E402

#: Where a maker process dies right after a dossier and its outbox operation committed.
AFTER_OUTBOX_COMMIT = "after_outbox_commit"
HOLDER = "MAY-DONG-BO"
#: Small batches and a short backoff: crash points fall mid-backlog, retries come soon.
CRASH_SETTINGS = SyncSettings(
    url="http://127.0.0.1",
    batch_items=5,
    read_timeout_s=5,
    pull_seconds=0,
    max_backoff_seconds=1,
)

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
SURNAMES += ("Dương", "Lý", "Lò", "Hà", "Sùng", "Giàng", "Tòng", "Lường", "Vàng", "Tẩn")
MALE = ("Văn", "Hữu", "Đức", "Minh", "Quốc", "Xuân", "A", "Seo", "Công", "Thành")
FEMALE = ("Thị", "Ngọc", "Thu", "Kim", "Thanh", "Hồng", "Mỹ", "Diệu", "Bích", "Lan")
GIVEN_MALE = ("An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Khánh", "Long", "Nam")
GIVEN_MALE += ("Phúc", "Quân", "Sơn", "Thắng", "Trung", "Tuấn", "Việt", "Páo", "Chứ", "Dình")
GIVEN_FEMALE = ("Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Nhung")
GIVEN_FEMALE += ("Phương", "Quỳnh", "Thảo", "Thủy", "Trang", "Vân", "Yến", "Ánh", "Sua", "Mỷ")
VILLAGES = ("Bản Nậm Xe", "Bản Huổi Luông", "Bản Pa So", "Bản Khổng Lào", "Bản Mường So")
VILLAGES += ("Bản Nà Củng", "Bản Vàng Pheo", "Bản Lả Mào", "Tổ dân phố số 3", "Bản Lán Đăng")
PROVINCES = ("001", "010", "011", "012", "014", "015", "017", "019", "022", "025", "036", "079")
MOBILE = ("091", "094", "098", "097", "086", "088", "032", "035", "038", "070", "079", "083")
SUBMITTERS = ("", "", "", "", "Người được ủy quyền", "Con trai", "Con gái", "Vợ", "Chồng")


def citizen(rng: random.Random) -> ApplicantInput:
    """A citizen with a consistent 12-digit personal number (province, gender, birth year)."""
    female = rng.random() < 0.5
    birth = date(rng.randint(1945, 2006), rng.randint(1, 12), rng.randint(1, 28))
    middle = rng.choice(FEMALE if female else MALE)
    given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
    name = f"{rng.choice(SURNAMES)} {middle} {given}"
    century = 2 if birth.year >= 2000 else 0
    number = f"{rng.choice(PROVINCES)}{century + female}{birth.year % 100:02d}"
    number += f"{rng.randint(0, 999_999):06d}"
    address = f"{rng.choice(VILLAGES)}, xã Phong Thổ, tỉnh Lai Châu"
    if rng.random() < 0.3:
        address = f"Số {rng.randint(1, 250)}, {address}"
    phone = f"{rng.choice(MOBILE)}{rng.randint(0, 9_999_999):07d}"
    email = f"{given.lower()}{rng.randint(10, 9999)}@gmail.com" if rng.random() < 0.15 else ""
    return ApplicantInput(
        full_name=name,
        id_number=number,
        birth_date=birth,
        gender="Nữ" if female else "Nam",
        address=address,
        phone=phone if rng.random() < 0.9 else "",
        email=email.encode("ascii", "ignore").decode(),
    )


def varied_intake(
    counter: Counter, rng: random.Random, scans: tuple[Path, ...] = ()
) -> IntakeInput:
    """A complete intake of a random shipped procedure, with varied citizen, fee and counts.

    Each scan digitises one of the procedure's papers (or none, when it has no papers).
    """
    procedures = _procedure_codes(counter)
    detail = counter.catalog.get(rng.choice(procedures))
    papers = tuple(PaperCheck(i, True) for i, _ in enumerate(detail.papers, start=1))
    files = tuple(
        AttachmentFile(scan, rng.randint(1, len(papers)) if papers else None) for scan in scans
    )
    return IntakeInput(
        applicant=citizen(rng),
        procedure_code=detail.code,
        papers=papers,
        submitter_name=rng.choice(SUBMITTERS),
        sets_count=rng.choice((1, 1, 1, 1, 2)),
        summary=rng.choice(("", "", detail.name, f"{detail.name} cho con")),
        fee_amount=rng.choice((0, 0, 0, 5000, 8000, 10000, 15000, 20000)),
        attachments=files,
    )


_PROCEDURES: dict[int, list[str]] = {}


def _procedure_codes(counter: Counter) -> list[str]:
    key = id(counter.catalog)
    if key not in _PROCEDURES:
        _PROCEDURES[key] = sorted(p.code for p in counter.catalog.search("") if p.active)
    return _PROCEDURES[key]


def noise_png(path: Path, rng: random.Random, side: int = 64) -> Path:
    """A PNG of random pixels (unique content; about 3·side² bytes, noise does not compress)."""
    pixels = rng.randbytes(side * side * 3)
    Image.frombytes("RGB", (side, side), pixels).save(path, format="PNG", compress_level=1)
    return path


def office_on(db: Database, files_dir: Path, clock: Clock = vietnam_now) -> Counter:
    """The services of an office already set up by ``make_counter`` (its admin and clerk)."""
    security = SecuritySettings()
    accounts = AccountService(db, security, "QUAY-1", clock)
    admin = accounts.sign_in("quantri", "matkhau123")
    clerk = accounts.sign_in("canbo1", "canbo1234")
    calendar = WorkCalendar()
    attachments = AttachmentService(db, AttachmentStore(files_dir), clock)
    return Counter(
        db,
        clock,  # type: ignore[arg-type]  # the real clock, where tests use a FrozenClock
        calendar,
        clerk,
        admin,
        IntakeService(db, calendar, clock, attachments),
        LifecycleService(db, calendar, clock),
        DossierQueries(db, clock, calendar),
        CatalogService(db, clock),
        attachments,
    )


def own_unit(db: Database) -> str:
    """The office's own commune as a handling unit (a transfer any procedure allows)."""
    with db.read() as session:
        office = session.scalars(select(Office)).one()
        return f"Công chức Tư pháp - Hộ tịch UBND {office.commune_name}"


def outstanding(db: Database) -> int:
    """Operations not yet acknowledged by the province (pending, or sent without an answer)."""
    with db.read() as session:
        query = select(func.count()).where(SyncOutbox.state.in_(("pending", "sending")))
        return session.scalar(query) or 0


def counting_crash(skip: int) -> Callable[[str], None]:
    """The sender's crash hook: the point named in the environment passes `skip` times first."""
    seen = {"hits": 0}

    def crash(name: str) -> None:
        if os.environ.get(CRASH_ENV) != name:
            return
        seen["hits"] += 1
        if seen["hits"] > skip:
            crash_point(name)

    return crash


def open_sender(
    db: Database,
    files_dir: Path,
    url: str,
    token: str,
    settings: SyncSettings = CRASH_SETTINGS,
    *,
    holder: str = HOLDER,
    crash: Callable[[str], None] = crash_point,
    clock: Clock = vietnam_now,
    transport: httpx.BaseTransport | None = None,
) -> tuple[SyncSender, HttpProvincialAdapter]:
    """A SyncSender over HTTP to `url`, reading files from `files_dir`; close the adapter after."""
    adapter = HttpProvincialAdapter(
        url,
        token,
        connect_timeout=settings.connect_timeout_s,
        read_timeout=settings.read_timeout_s,
        transport=transport,
    )
    store = AttachmentStore(files_dir)
    return SyncSender(db, adapter, store, settings, clock, holder, crash), adapter


def round_summary(
    number: int, report: SyncReport, left: int, adapter: HttpProvincialAdapter
) -> dict:
    """One round as a JSON-ready dict (what the program prints per round)."""
    return {
        "round": number,
        "sent": report.sent,
        "duplicates": report.duplicates,
        "files": report.files,
        "pulled": report.pulled,
        "set_aside": report.set_aside,
        "retry_later": report.retry_later,
        "reconciled": report.reconciled,
        "not_holder": report.not_holder,
        "paused": report.paused,
        "error": report.error,
        "outstanding": left,
        "bytes_sent": adapter.bytes_sent,
        "bytes_received": adapter.bytes_received,
    }


def drain(
    sender: SyncSender,
    adapter: HttpProvincialAdapter,
    db: Database,
    *,
    rounds: int = 500,
    pause: float = 0.2,
    max_wait: float = 5.0,
    deadline: float | None = None,
    on_round: Callable[[dict], None] = lambda summary: None,
) -> bool:
    """Run rounds until nothing waits and a round pulled nothing; False if rounds ran out.

    Each round is a "Gửi ngay" (``now_please``), but after a failed round the loop waits out
    the sender's backoff or the province's Retry-After (at most `max_wait` seconds).
    """
    for number in range(1, rounds + 1):
        if deadline is not None and time.monotonic() > deadline:
            return False
        report = sender.run_once(now_please=True)
        left = outstanding(db)
        on_round(round_summary(number, report, left, adapter))
        if report.paused:
            return False
        if not report.error and left == 0 and report.pulled == 0:
            return True
        wait = pause if report.error or report.not_holder else 0.0
        if report.waiting_until is not None:  # the backoff, or the province's Retry-After
            left_s = (report.waiting_until - sender.clock()).total_seconds()
            wait = max(wait, min(left_s, max_wait))
        if left and not report.error and report.sent + report.duplicates == 0:
            wait = max(wait, pause)  # only operations whose retry time has not come yet
        time.sleep(wait)
    return False


def make_dossiers(counter: Counter, count: int, rng: random.Random, crash_skip: int) -> None:
    """Receive `count` dossiers, printing each code once its transaction committed."""
    for i in range(count):
        detail = counter.intake.accept(counter.clerk, varied_intake(counter, rng))
        if os.environ.get(CRASH_ENV) == AFTER_OUTBOX_COMMIT and i >= crash_skip:
            crash_point(AFTER_OUTBOX_COMMIT)
        print(json.dumps({"made": detail.code}), flush=True)


def _print_json(summary: dict) -> None:
    print(json.dumps(summary, ensure_ascii=False), flush=True)


def main(argv: list[str] | None = None) -> int:
    """Run the sender (or the dossier maker) against one office database."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the office database URL")
    parser.add_argument("--files", required=True, type=Path, help="the attachment folder")
    parser.add_argument("--url", help="the province's base URL")
    parser.add_argument("--token", help="default: the token stored in the database")
    parser.add_argument("--rounds", type=int, default=500)
    parser.add_argument("--batch-items", type=int, default=CRASH_SETTINGS.batch_items)
    parser.add_argument("--read-timeout", type=int, default=CRASH_SETTINGS.read_timeout_s)
    parser.add_argument("--crash-skip", type=int, default=0, help="passes before the crash")
    parser.add_argument("--make", type=int, default=0, help="receive N dossiers, do not send")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    db = Database(args.db)
    try:
        if args.make:
            counter = office_on(db, args.files)
            make_dossiers(counter, args.make, random.Random(args.seed), args.crash_skip)
            return 0
        if not args.url:
            parser.error("--url is needed to send")
        token = args.token
        if token is None:
            with db.read() as session:
                token = state.get(session, state.TOKEN)
        settings = SyncSettings(
            url=args.url,
            batch_items=args.batch_items,
            read_timeout_s=args.read_timeout,
            pull_seconds=0,
            max_backoff_seconds=CRASH_SETTINGS.max_backoff_seconds,
        )
        crash = counting_crash(args.crash_skip)
        sender, adapter = open_sender(db, args.files, args.url, token, settings, crash=crash)
        try:
            drained = drain(sender, adapter, db, rounds=args.rounds, on_round=_print_json)
            sender.stop()
        finally:
            adapter.close()
        return 0 if drained else 1
    finally:
        db.dispose()


if __name__ == "__main__":
    sys.exit(main())
