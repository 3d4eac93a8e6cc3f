"""Intake forms with hostile fields: a Vietnamese refusal with nothing stored, or clean rows."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date

import pytest
from dossier_fixtures import Counter, citizen, complete_intake, make_counter
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from stored_rows import count, row_problems
from strategies import (
    UNICODE_DIGITS,
    hostile,
    hostile_text,
    is_clean,
    is_vietnamese_message,
    long_text,
    vietnamese_text,
)

from counter_app.domain.intake import (
    AT_COUNTER,
    BY_POST,
    ORGANISATION,
    ApplicantInput,
    IntakeInput,
    PaperCheck,
    applicant_problems,
    clean_applicant,
    intake_problems,
)
from counter_app.domain.text import normalize
from counter_app.services.errors import NotFound, ValidationError
from db.engine import Database
from db.migrate import migrate
from db.models import Applicant, Dossier, DossierEvent, DossierPaper, FeeReceipt

TODAY = date(2026, 11, 16)
APPLICANT_FIELDS = (
    "full_name",
    "id_number",
    "old_id_number",
    "gender",
    "address",
    "phone",
    "email",
    "tax_code",
    "representative",
)
#: The column each cleaned applicant field is stored in, and its size.
LIMITS = {
    "full_name": 200,
    "id_number": 12,
    "old_id_number": 12,
    "gender": 3,
    "address": 300,
    "phone": 20,
    "email": 120,
    "tax_code": 14,
    "representative": 200,
}
ORGANISATION_BASE = ApplicantInput(
    full_name="Hợp tác xã Chè Tân Uyên",
    kind=ORGANISATION,
    tax_code="6200123456",
    representative="Lò Thị Mai",
)
field_value = st.one_of(
    hostile,
    st.sampled_from(UNICODE_DIGITS).map(lambda d: "091234567" + d),
    st.sampled_from(["0912345678", "001090012345", "123456789", "6200123456-001", "a@b.vn"]),
    long_text(13),
)


@st.composite
def applicants(draw: st.DrawFn) -> ApplicantInput:
    """A sound citizen or organisation with one to three fields replaced by hostile text."""
    base = draw(st.sampled_from([citizen(), ORGANISATION_BASE]))
    names = draw(st.lists(st.sampled_from(APPLICANT_FIELDS), min_size=1, max_size=3, unique=True))
    return dataclasses.replace(base, **{name: draw(field_value) for name in names})


#: Free-text fields (names, addresses) with short hostile text: mostly accepted, stored clean.
short_text = hostile_text.map(lambda s: s[:60])
named_text = st.tuples(short_text, vietnamese_text, short_text).map("".join)
free_text_applicants = st.builds(
    lambda base, name, address: dataclasses.replace(base, full_name=name, address=address),
    st.sampled_from([citizen(), ORGANISATION_BASE]),
    named_text,
    named_text,
)


@settings(max_examples=200, deadline=None)
@given(applicants())
def test_applicant_check_refuses_in_vietnamese_or_passes_clean_fields(a: ApplicantInput) -> None:
    """Found by this test: a citizen's tax code, an old CMND number, a long e-mail and other
    unchecked fields went to the database as typed (SQL text, 10,000 letters, NUL)."""
    problems = applicant_problems(a, TODAY)
    assert all(is_vietnamese_message(p) for p in problems), problems
    if problems:
        return
    clean = clean_applicant(a)
    for name, limit in LIMITS.items():
        value = getattr(clean, name)
        assert is_clean(value) and len(value) <= limit, (name, value[:80])
    assert clean.full_name == normalize(a.full_name)
    assert clean.address == normalize(a.address)
    for code in (clean.id_number, clean.old_id_number, clean.tax_code, clean.phone.lstrip("+")):
        digits = code.replace("-", "")
        assert not code or (digits.isascii() and digits.isdigit()), code


@settings(max_examples=150, deadline=None)
@given(
    submitter=hostile,
    summary=hostile,
    postal=hostile,
    method=hostile,
    delivery=st.sampled_from([AT_COUNTER, BY_POST, 7]),
    fee=st.sampled_from([0, 8000, -1, 2**40]),
)
def test_intake_check_refuses_in_vietnamese(
    submitter: str, summary: str, postal: str, method: str, delivery: int, fee: int
) -> None:
    intake = IntakeInput(
        applicant=citizen(),
        procedure_code="1.001193",
        submitter_name=submitter,
        summary=summary,
        postal_address=postal,
        fee_method=method,
        delivery=delivery,
        fee_amount=fee,
    )
    problems = intake_problems(intake, TODAY)
    assert all(is_vietnamese_message(p) for p in problems), problems
    if not problems:
        assert len(normalize(submitter)) <= 200 and len(normalize(summary)) <= 500
        assert len(normalize(postal)) <= 300 and len(normalize(method)) <= 30
        assert delivery in (AT_COUNTER, BY_POST) and 0 <= fee <= 2_000_000_000


@pytest.fixture
def counter(sqlite_url: str) -> Iterator[Counter]:
    db = Database(sqlite_url)
    migrate(db)
    try:
        yield make_counter(db)
    finally:
        db.dispose()


def _stored(db: Database) -> tuple[int, ...]:
    with db.read() as session:
        models = (Applicant, Dossier, DossierPaper, DossierEvent, FeeReceipt)
        return tuple(count(session, model) for model in models)


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    applicant=st.one_of(free_text_applicants, free_text_applicants, applicants()),
    decision=st.sampled_from(["accept", "refuse"]),
    text=st.one_of(named_text, named_text, named_text, hostile),
    fee=st.sampled_from([0, 15000]),
    delivery=st.sampled_from([AT_COUNTER, BY_POST]),
)
def test_intake_stores_clean_text_or_nothing(
    counter: Counter, applicant: ApplicantInput, decision: str, text: str, fee: int, delivery: int
) -> None:
    """One database for all examples: each either adds one clean dossier or adds nothing."""
    intake = complete_intake(
        counter,
        applicant=applicant,
        submitter_name=text,
        summary=text,
        postal_address=text,
        reasons=text,
        fee_amount=fee,
        fee_method=text[:20],
        delivery=delivery,
    )
    if decision == "refuse":  # a paper's problem would stop an acceptance
        intake = dataclasses.replace(intake, papers=(PaperCheck(1, False, text),))
    before = _stored(counter.db)
    try:
        detail = getattr(counter.intake, decision)(counter.clerk, intake)
    except ValidationError as exc:
        assert exc.problems and all(is_vietnamese_message(p) for p in exc.problems), exc.problems
        assert _stored(counter.db) == before
        event("refused")
        return
    event("stored")
    with counter.db.read() as session:
        dossier = session.get(Dossier, detail.id)
        assert dossier is not None
        rows = [dossier, session.get(Applicant, dossier.applicant_id)]
        rows += session.scalars(select(DossierPaper).where(DossierPaper.dossier_id == dossier.id))
        rows += session.scalars(select(DossierEvent).where(DossierEvent.dossier_id == dossier.id))
        rows += session.scalars(select(FeeReceipt).where(FeeReceipt.dossier_id == dossier.id))
        problems = [p for row in rows for p in row_problems(row)]
        assert not problems, problems
        clean = clean_applicant(applicant)
        assert dossier.applicant_name == clean.full_name
        assert dossier.applicant_address == clean.address
        assert dossier.summary == (normalize(text) or dossier.procedure_name)
        assert dossier.postal_address == normalize(text)


ROWS_POSTGRESQL_WOULD_REFUSE = [
    citizen(old_id_number="0123\x00456789"),  # NUL: PostgreSQL refuses the statement
    citizen(tax_code="'; DROP TABLE dossier;--"),  # 24 characters into String(14)
    citizen(email="a@b.vn" + "x" * 200),
    dataclasses.replace(ORGANISATION_BASE, id_number="0010900123456789", representative="A" * 300),
]


def test_what_postgresql_would_refuse_is_refused_first(migrated_db: Database) -> None:
    """On both databases: a Vietnamese refusal and nothing stored, never a database error."""
    counter = make_counter(migrated_db)
    for applicant in ROWS_POSTGRESQL_WOULD_REFUSE:
        with pytest.raises(ValidationError) as refused:
            counter.intake.accept(counter.clerk, complete_intake(counter, applicant=applicant))
        assert all(is_vietnamese_message(p) for p in refused.value.problems)
    with pytest.raises(ValidationError):
        counter.intake.accept(counter.clerk, complete_intake(counter, summary="Đơn " * 200))
    with pytest.raises(NotFound):
        counter.intake.accept(counter.clerk, complete_intake(counter, procedure_code="1.0\x00"))
    assert counter.intake.find_applicants("0912\x00345678") == []
    assert _stored(migrated_db) == (0, 0, 0, 0, 0)
