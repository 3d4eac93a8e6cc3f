"""Decree 13/2023: the logs never carry a citizen's name, id number, phone or address."""

from __future__ import annotations

import logging

import pytest
from dossier_fixtures import citizen, complete_intake, make_counter

from counter_app.services.dossier_queries import DossierFilter
from counter_app.services.errors import ServiceError
from db.engine import Database
from db.migrate import migrate

NAME = "Hoàng Thị Quỳnh Như"
ID_NUMBER = "012190054321"
PHONE = "0987654321"
ADDRESS = "Bản Huổi Luông, xã Phong Thổ"
SECRETS = (NAME, ID_NUMBER, PHONE, ADDRESS, "Hoang Thi Quynh Nhu", "Quỳnh Như")


def _everything_logged(caplog: pytest.LogCaptureFixture) -> str:
    lines = []
    for record in caplog.records:
        lines.append(record.getMessage())
        if record.exc_info and record.exc_info[1] is not None:
            lines.append(str(record.exc_info[1]))
    return "\n".join(lines)


def test_a_dossier_s_whole_life_logs_no_citizen_data(
    sqlite_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    db = Database(sqlite_url)
    migrate(db)
    caplog.set_level(logging.DEBUG)
    c = make_counter(db)
    person = citizen(full_name=NAME, id_number=ID_NUMBER, phone=PHONE, address=ADDRESS, gender="Nữ")
    received = c.intake.accept(c.clerk, complete_intake(c, applicant=person))
    c.intake.request_supplement(
        c.clerk, complete_intake(c, applicant=person, reasons="Thiếu tờ khai")
    )
    found = c.queries.search(DossierFilter(query=NAME))
    assert received.id in [row.id for row in found]
    assert c.intake.find_applicants(ID_NUMBER)[0].full_name == NAME
    assert c.intake.find_applicants(PHONE)
    # Refusals: the wrong id number typed by the clerk must not reach the log either.
    with pytest.raises(ServiceError):
        c.intake.accept(
            c.clerk, complete_intake(c, applicant=citizen(full_name=NAME, id_number="01219005432X"))
        )
    logged = _everything_logged(caplog)
    assert caplog.records, "the workflow logs something: the check has something to read"
    assert received.code in logged or str(received.id) in logged
    for secret in SECRETS:
        assert secret not in logged, f"{secret!r} reached the log"


def test_a_database_error_s_text_carries_no_parameters(sqlite_url: str) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    db = Database(sqlite_url)
    migrate(db)
    with pytest.raises(IntegrityError) as caught, db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (id_number TEXT UNIQUE)"))
        conn.execute(text("INSERT INTO t VALUES (:n)"), {"n": ID_NUMBER})
        conn.execute(text("INSERT INTO t VALUES (:n)"), {"n": ID_NUMBER})
    assert "UNIQUE" in str(caught.value) and ID_NUMBER not in str(caught.value)
