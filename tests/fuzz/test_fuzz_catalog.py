"""Catalogue import (CSV and JSON) with hostile cells: all refused with Vietnamese lines and
nothing stored, or every procedure stored as clean, NFC text that fits its columns."""

from __future__ import annotations

import csv
import io
import json
import signal
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from stored_rows import row_problems
from strategies import hostile, hostile_text, is_clean, is_vietnamese_message, vietnamese_text

from counter_app.clock import FrozenClock
from counter_app.domain.catalog import CatalogFormatError, ProcedureSpec
from counter_app.domain.catalog_files import (
    CATALOG_FORMAT,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    read_catalog_csv,
    read_catalog_json,
)
from counter_app.domain.roles import Role
from counter_app.domain.text import normalize
from counter_app.services.catalog import CatalogService
from counter_app.services.errors import ValidationError
from counter_app.services.principal import Principal
from db.engine import Database
from db.migrate import migrate
from db.models import Procedure, ProcedurePaper

ADMIN = Principal(None, "quantri", "Quản trị", Role.ADMIN, "MAY-1")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
SOUND_ROW = {
    "ma_tthc": "1.001193",
    "ten_tthc": "Thủ tục đăng ký khai sinh",
    "linh_vuc": "Hộ tịch",
    "thoi_han_ngay": "03 ngày làm việc",
    "le_phi": "Miễn lệ phí",
    "thanh_phan_ho_so": "Tờ khai đăng ký khai sinh (1 bản chính)|Giấy chứng sinh (1 bản chính)",
    "nguon": "",
    "ghi_chu": "",
    "lien_thong_phi_dia_gioi": "",
    "le_phi_so_tien": "",
}
cell = st.one_of(
    hostile_text.map(lambda s: s[:120]),
    st.tuples(hostile_text.map(lambda s: s[:40]), vietnamese_text).map("".join),
    hostile,
)


@st.composite
def rows(draw: st.DrawFn) -> dict[str, str]:
    """A sound row with one to three cells replaced by hostile text."""
    names = draw(st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=3, unique=True))
    return {**SOUND_ROW, **{name: draw(cell) for name in names}}


def csv_text(row_list: list[dict[str, str]]) -> str:
    """The CSV file an admin would import."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(row_list)
    return out.getvalue()


def assert_clean_spec(spec: ProcedureSpec) -> None:
    """Text as stored: clean and within the columns of db.models.catalog."""
    texts = (spec.code, spec.name, spec.field, spec.processing_text, spec.fee_text)
    assert all(is_clean(t) for t in (*texts, spec.source, spec.note))
    assert all(is_clean(p.name) and p.name for p in spec.papers)
    assert len(spec.code) <= 30 and len(spec.name) <= 500 and len(spec.field) <= 200
    assert len(spec.processing_text) <= 200


@settings(max_examples=150, deadline=None)
@given(st.one_of(rows().map(lambda r: csv_text([r])), hostile))
def test_csv_rows_read_clean_or_are_refused_in_vietnamese(text: str) -> None:
    try:
        specs = read_catalog_csv(text)
    except CatalogFormatError as exc:
        assert exc.problems and all(is_vietnamese_message(line) for line in exc.lines())
        return
    for spec in specs:
        assert_clean_spec(spec)


@settings(max_examples=100, deadline=None)
@given(rows())
def test_csv_cells_are_stored_as_their_normalised_text(row: dict[str, str]) -> None:
    try:
        [spec] = read_catalog_csv(csv_text([row]))
    except CatalogFormatError:
        return
    assert spec.name == normalize(row["ten_tthc"]) and spec.field == normalize(row["linh_vuc"])
    assert (spec.fee_text, spec.note) == (normalize(row["le_phi"]), normalize(row["ghi_chu"]))


FAR_NUMBERS = ["1e999999999", "-1e999999999", "1E+400", "1e-999999999", "NaN", "Infinity"]
FAR_NUMBERS += ["1" * 5000]
JSON_NUMBERS = [*FAR_NUMBERS, "-0", "1.5e3", "12.0", "0.0005"]
json_value = st.one_of(
    st.sampled_from(JSON_NUMBERS).map(lambda raw: ("raw", raw)),
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    hostile,
    st.lists(hostile, max_size=3),
)


def json_document(key: str, value: object) -> str:
    """A catalogue file of one procedure whose member `key` is `value` (raw numbers verbatim)."""
    item = {"code": "1.001193", "name": "Khai sinh", "field": "Hộ tịch", "processing_days": 3}
    marker = "\x00VALUE\x00"
    item[key] = marker
    text = json.dumps({"format": CATALOG_FORMAT, "version": 1, "procedures": [item]})
    raw = value[1] if isinstance(value, tuple) else json.dumps(value)
    return text.replace(json.dumps(marker), raw)


def _too_slow(signum: int, frame: object) -> None:
    raise TimeoutError("reading the catalogue took more than 5 s")


@pytest.fixture
def five_seconds() -> Iterator[None]:
    """Fail instead of hanging: int() of a number like 1e999999999 never ends."""
    previous = signal.signal(signal.SIGALRM, _too_slow)
    signal.alarm(5)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("key", ["fee_amount", "processing_days"])
@pytest.mark.parametrize("raw", FAR_NUMBERS)
def test_json_numbers_far_out_of_range_are_refused_quickly(five_seconds, key: str, raw: str):
    """Found by this test: "fee_amount": 1e999999999 hung the import in int()."""
    with pytest.raises(CatalogFormatError) as refused:
        read_catalog_json(json_document(key, ("raw", raw)))
    assert all(is_vietnamese_message(line) for line in refused.value.lines())


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["code", "name", "field", "processing_days", "fee_amount", "papers", "note"]),
    json_value,
)
def test_json_members_read_clean_or_are_refused_in_vietnamese(key: str, value: object) -> None:
    try:
        specs = read_catalog_json(json_document(key, value))
    except CatalogFormatError as exc:
        assert all(is_vietnamese_message(line) for line in exc.lines()), exc.lines()
        return
    for spec in specs:
        assert_clean_spec(spec)


@pytest.fixture
def db(sqlite_url: str) -> Iterator[Database]:
    database = Database(sqlite_url)
    migrate(database)
    try:
        yield database
    finally:
        database.dispose()


def _stored(db: Database) -> list[tuple[object, ...]]:
    with db.read() as session:
        procedures = session.scalars(select(Procedure).order_by(Procedure.code))
        return [
            (p.code, p.name, p.field, p.fee_text, p.note, p.source, [x.name for x in p.papers])
            for p in procedures
        ]


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(rows(), min_size=1, max_size=3))
def test_import_stores_clean_rows_or_nothing(
    db: Database, tmp_path: Path, row_list: list[dict[str, str]]
) -> None:
    """One database for all examples: each import changes the catalogue fully or not at all."""
    for number, row in enumerate(row_list[1:], start=2):  # distinct codes, unless fuzzed
        if row["ma_tthc"] == SOUND_ROW["ma_tthc"]:
            row["ma_tthc"] = f"1.00119{number}"
    path = tmp_path / "danh-muc.csv"
    path.write_text(csv_text(row_list), encoding="utf-8")
    before = _stored(db)
    catalog = CatalogService(db, FrozenClock(datetime(2026, 11, 23, 8, 0)))
    try:
        catalog.import_file(ADMIN, path)
    except ValidationError as exc:
        assert exc.problems and all(is_vietnamese_message(p) for p in exc.problems)
        assert _stored(db) == before
        event("refused")
        return
    event("stored")
    with db.read() as session:
        stored = list(session.scalars(select(Procedure)))
        papers = list(session.scalars(select(ProcedurePaper)))
        problems = [p for row in stored + papers for p in row_problems(row)]
        assert not problems, problems
        by_code = {p.code: p for p in stored}
        for row in row_list:
            procedure = by_code[normalize(row["ma_tthc"]).upper()]
            assert procedure.name == normalize(row["ten_tthc"])
            assert procedure.note == normalize(row["ghi_chu"])


def test_folded_search_columns_fit_even_when_folding_lengthens(
    migrated_db: Database, tmp_path: Path
) -> None:
    """Found by this test: a 400-letter Hangul name folded to 1,200 letters, past String(500)."""
    path = tmp_path / "danh-muc.csv"
    path.write_text(
        csv_text([{**SOUND_ROW, "ten_tthc": "한" * 400, "linh_vuc": "각" * 200}]), encoding="utf-8"
    )
    CatalogService(migrated_db, FrozenClock(datetime(2026, 11, 23, 8, 0))).import_file(ADMIN, path)
    with migrated_db.read() as session:
        [procedure] = session.scalars(select(Procedure))
        assert procedure.name == "한" * 400 and not row_problems(procedure)
        assert procedure.name_folded.startswith("ᄒ")
