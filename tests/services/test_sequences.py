"""Dossier codes: never the same code twice, from any number of stations at once."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ThreadPoolExecutor
from datetime import date

from counter_app.domain.dossier_code import parse_code
from counter_app.services.sequences import allocate_dossier_code, next_value
from db.engine import Database

DAY = date(2026, 11, 23)
AGENCY = "000.00.06.H56"


def test_codes_start_at_one_per_agency_and_day(migrated_db):
    with migrated_db.write() as session:
        first = allocate_dossier_code(session, AGENCY, DAY)
        second = allocate_dossier_code(session, AGENCY, DAY)
        other_day = allocate_dossier_code(session, AGENCY, date(2026, 11, 24))
        other_agency = allocate_dossier_code(session, "000.00.07.H56", DAY)
    assert first == "000.00.06.H56-261123-0001"
    assert second == "000.00.06.H56-261123-0002"
    assert other_day.endswith("-261124-0001")
    assert other_agency == "000.00.07.H56-261123-0001"


def test_rolled_back_transaction_gives_its_number_back(migrated_db):
    try:
        with migrated_db.write() as session:
            allocate_dossier_code(session, AGENCY, DAY)
            raise RuntimeError("printer on fire")
    except RuntimeError:
        pass
    with migrated_db.write() as session:
        assert allocate_dossier_code(session, AGENCY, DAY).endswith("-0001")


def _allocate_many(url: str, count: int) -> list[str]:
    db = Database(url)
    codes = []
    for _ in range(count):
        with db.write() as session:
            codes.append(allocate_dossier_code(session, AGENCY, DAY))
    db.dispose()
    return codes


def test_concurrent_threads_never_share_a_code(migrated_db):
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda _: _allocate_many(migrated_db.url, 25), range(6)))
    codes = [c for batch in results for c in batch]
    assert len(codes) == len(set(codes)) == 150
    assert sorted(parse_code(c)[2] for c in codes) == list(range(1, 151))


def test_concurrent_processes_never_share_a_code(migrated_db):
    migrated_db.dispose()
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(4) as pool:
        results = pool.starmap(_allocate_many, [(migrated_db.url, 20)] * 4)
    codes = [c for batch in results for c in batch]
    assert len(set(codes)) == 80
    assert sorted(parse_code(c)[2] for c in codes) == list(range(1, 81))


def test_generic_sequences_are_independent(migrated_db):
    with migrated_db.write() as session:
        assert next_value(session, "book", "2026") == 1
        assert next_value(session, "book", "2027") == 1
        assert next_value(session, "book", "2026") == 2
