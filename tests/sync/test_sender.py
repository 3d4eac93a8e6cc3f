"""The sender against the real reference server: exactly once, through faults, both ways."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from dossier_fixtures import AGENCY, complete_intake, make_counter
from PIL import Image
from sqlalchemy import select, update

from counter_app.clock import vietnam_now
from counter_app.services.sync_status import FAILED, NOT_SENT, SYNCED, SyncStatusService
from counter_app.settings import SyncSettings
from counter_app.sync import state
from counter_app.sync.http_adapter import HttpProvincialAdapter
from counter_app.sync.sender import SyncSender
from db.engine import Database
from db.migrate import migrate
from db.models import Dossier, SyncOutbox

SETTINGS = SyncSettings(url="http://127.0.0.1", read_timeout_s=3, pull_seconds=5)


@pytest.fixture
def provincial(start_provincial, tmp_path):
    """A province of this test's own: the offices' dossier codes repeat from test to test."""
    return start_provincial(f"sqlite:///{tmp_path / 'province.sqlite3'}")


@pytest.fixture
def office(sqlite_url, provincial):
    db = Database(sqlite_url)
    migrate(db)
    counter = make_counter(db)
    token = provincial.token(AGENCY)
    with db.write() as session:
        state.put(session, state.TOKEN, token)
    counter.adapter = HttpProvincialAdapter(provincial.base_url, token, read_timeout=3.0)
    counter.sender = SyncSender(
        db, counter.adapter, counter.attachments.store, SETTINGS, counter.clock, "MAY-1"
    )
    counter.status = SyncStatusService(db, provincial.base_url, counter.clock)
    yield counter
    counter.adapter.close()
    db.dispose()


def outbox(db) -> list[SyncOutbox]:
    with db.read() as session:
        return list(session.scalars(select(SyncOutbox).order_by(SyncOutbox.id)))


def stored(provincial, code: str) -> dict:
    reply = provincial.ops("GET", f"/_ops/dossiers/{code}")
    reply.raise_for_status()
    return reply.json()


def test_every_change_reaches_the_province_once_with_identical_content(office, provincial):
    received = [office.intake.accept(office.clerk, complete_intake(office)) for _ in range(3)]
    office.clock.advance(minutes=5)
    office.lifecycle.transfer(office.clerk, received[0].id, "UBND Phường Ba Đình")
    assert office.status.for_dossiers([received[0].id])[received[0].id].label == NOT_SENT
    report = office.sender.run_once()
    assert (report.sent, report.error) == (4, "")
    assert office.sender.run_once(now_please=True).sent == 0
    assert {op.state for op in outbox(office.db)} == {"done"}
    for detail in received:
        latest = [op for op in outbox(office.db) if op.dossier_id == detail.id][-1]
        with provincial.client(office.adapter.token) as client:
            reply = client.get(f"/api/v1/dossiers/{detail.code}")
        assert reply.content == latest.payload.encode("utf-8")
    assert {s.label for s in office.status.for_dossiers([r.id for r in received]).values()} == {
        SYNCED
    }
    overview = office.status.overview()
    assert overview.pending == 0 and overview.last_success == office.clock()


def test_files_go_before_the_dossier_that_cites_them(office, provincial, tmp_path):
    received = office.intake.accept(office.clerk, complete_intake(office))
    image = tmp_path / "giay-chung-sinh.png"
    Image.new("RGB", (300, 200), "white").save(image)
    info = office.attachments.attach(office.clerk, received.id, image, paper_position=1)
    report = office.sender.run_once()
    assert report.files == 1 and report.sent == 2
    held = provincial.ops("GET", f"/_ops/attachments/{info.sha256}")
    assert held.status_code == 200
    data = json.loads(outbox(office.db)[-1].payload)
    assert data["TaiLieuNop"][0]["TepDinhKem"][0]["SHA256"] == info.sha256


def test_503_backs_off_and_gui_ngay_overrides(office, provincial):
    office.intake.accept(office.clerk, complete_intake(office))
    provincial.faults(fail_503=5)
    report = office.sender.run_once()
    assert report.error and report.sent == 0
    assert report.waiting_until is not None and report.waiting_until >= office.clock()
    early = office.sender.run_once()  # before the backoff ends: nothing is tried
    assert early.sent == 0 and early.waiting_until == report.waiting_until
    provincial.ops("DELETE", "/_ops/faults").raise_for_status()
    assert office.sender.run_once(now_please=True).sent == 1
    assert office.status.overview().next_attempt is None


def test_429_waits_at_least_retry_after(office, provincial):
    office.intake.accept(office.clerk, complete_intake(office))
    provincial.faults(throttle_429=1, retry_after=120)
    report = office.sender.run_once()
    assert report.waiting_until is not None
    assert report.waiting_until >= office.clock() + timedelta(seconds=120)
    waiting = office.sender.run_once()
    assert waiting.sent == 0 and waiting.waiting_until == report.waiting_until


@pytest.mark.parametrize("fault", ["drop_after_commit", "truncate", "truncate_json", "slow"])
def test_unknown_outcome_is_resent_and_applied_once(office, provincial, fault):
    received = office.intake.accept(office.clerk, complete_intake(office))
    values = {fault: 1, "match": "/api/v1/batch"}
    if fault == "slow":
        values["slow_seconds"] = 5
    provincial.faults(**values)
    first = office.sender.run_once()
    assert first.error and first.sent == 0
    assert [op.state for op in outbox(office.db)] == ["sending"]
    again = office.sender.run_once(now_please=True)
    assert again.duplicates + again.sent == 1 and again.error == ""
    assert len(stored(provincial, received.code)["ops"]) == 1


def test_captive_portal_is_no_connection(office, provincial):
    office.intake.accept(office.clerk, complete_intake(office))
    provincial.faults(captive=3)
    report = office.sender.run_once()
    assert report.error and report.sent == 0
    assert [op.state for op in outbox(office.db)] == ["pending"]


def test_refused_token_pauses_until_the_admin_enters_a_new_one(office, provincial):
    office.intake.accept(office.clerk, complete_intake(office))
    provincial.ops("POST", f"/_ops/offices/{AGENCY}/revoke").raise_for_status()
    report = office.sender.run_once()
    assert report.paused and "mã truy cập" in report.error.lower()
    assert office.status.overview().token_refused
    assert office.sender.run_once(now_please=True).paused  # nothing goes until a new token
    new_token = provincial.token(AGENCY)
    office.status.set_token(office.admin, new_token)
    office.adapter.token = new_token
    assert office.sender.run_once().sent == 1
    assert not office.status.overview().token_refused


def test_a_bad_item_is_set_aside_and_the_others_go(office, provincial):
    good = office.intake.accept(office.clerk, complete_intake(office))
    bad = office.intake.accept(office.clerk, complete_intake(office))
    with office.db.write() as session:  # a payload the province cannot accept
        session.execute(
            update(SyncOutbox)
            .where(SyncOutbox.dossier_id == bad.id)
            .values(
                payload=outbox(office.db)[1].payload.replace(
                    '"TrangThaiHoSo":2', '"TrangThaiHoSo":99'
                )
            )
        )
    report = office.sender.run_once()
    assert (report.sent, report.set_aside) == (1, 1)
    states = office.status.for_dossiers([good.id, bad.id])
    assert states[good.id].label == SYNCED
    assert states[bad.id].label == FAILED and states[bad.id].reason
    assert office.status.overview().set_aside == 1


def test_changes_made_upstream_come_back_down(office, provincial):
    received = office.intake.accept(office.clerk, complete_intake(office))
    office.sender.run_once()
    provincial.ops(
        "POST",
        f"/_ops/dossiers/{received.code}/move",
        json={
            "action": "processing",
            "NguoiXuLy": "Phạm Thị Dung",
            "PhongBanXuLy": "Phòng Tư pháp",
        },
    ).raise_for_status()
    report = office.sender.run_once(now_please=True)
    assert report.pulled == 1
    with office.db.read() as session:
        dossier = session.get(Dossier, received.id)
        assert dossier.status == 4
    detail = office.queries.get(received.id)
    assert detail.events[-1].actor_name == "Phạm Thị Dung"
    # The local change goes back up as the next snapshot, so both sides agree.
    office.sender.run_once(now_please=True)
    held = stored(provincial, received.code)
    assert held["status"] == 4 and held["data"]["TrangThaiHoSo"] == 4
    assert held["data"]["QuaTrinhXuLy"][-1]["NguoiXuLy"] == "Phạm Thị Dung"
    assert office.sender.run_once(now_please=True).pulled == 0  # applied once only


def test_province_restored_from_an_older_snapshot_gets_everything_back(office, provincial):
    first = office.intake.accept(office.clerk, complete_intake(office))
    office.sender.run_once()
    snap = provincial.ops("POST", "/_ops/snapshots").json()["snapshot_id"]
    second = office.intake.accept(office.clerk, complete_intake(office))
    office.lifecycle.transfer(office.clerk, first.id, "UBND Phường Ba Đình")
    office.sender.run_once(now_please=True)
    provincial.ops("POST", f"/_ops/snapshots/{snap}/restore").raise_for_status()
    report = office.sender.run_once(now_please=True)
    assert report.reconciled
    for detail in (first, second):
        latest = [op for op in outbox(office.db) if op.dossier_id == detail.id][-1]
        with provincial.client(office.adapter.token) as client:
            assert client.get(f"/api/v1/dossiers/{detail.code}").content == latest.payload.encode()


def test_one_sender_at_a_time(office):
    other = SyncSender(
        office.db, office.adapter, office.attachments.store, SETTINGS, office.clock, "MAY-2"
    )
    assert office.sender.run_once().not_holder is False
    assert other.run_once().not_holder is True
    office.sender.stop()
    assert other.run_once().not_holder is False


def test_clock_skew_is_reported(office, provincial):
    office.clock.at = vietnam_now()
    office.sender.run_once()
    assert not office.status.overview().skew_warning
    provincial.faults(clock_offset=900)
    office.clock.at = vietnam_now()
    office.sender.run_once(now_please=True)
    overview = office.status.overview()
    assert overview.skew_warning and overview.skew >= timedelta(minutes=14)


def test_a_failed_push_after_reconciling_does_not_reconcile_again(office, provincial):
    office.intake.accept(office.clerk, complete_intake(office))
    snap = provincial.ops("POST", "/_ops/snapshots").json()["snapshot_id"]
    office.sender.run_once()
    provincial.ops("POST", f"/_ops/snapshots/{snap}/restore").raise_for_status()
    provincial.faults(fail_503=1, match="/api/v1/batch")
    first = office.sender.run_once(now_please=True)
    assert first.reconciled and first.error
    again = office.sender.run_once(now_please=True)
    assert again.sent == 1 and not again.reconciled


def test_an_unanswered_op_the_province_holds_is_not_copied_by_reconciling(office, provincial):
    received = office.intake.accept(office.clerk, complete_intake(office))
    office.sender.run_once()
    office.lifecycle.transfer(office.clerk, received.id, "UBND Phường Ba Đình")
    provincial.faults(drop_after_commit=1, match="/api/v1/batch")
    assert office.sender.run_once(now_please=True).error
    assert [op.state for op in outbox(office.db)] == ["done", "sending"]
    snap = provincial.ops("POST", "/_ops/snapshots").json()["snapshot_id"]
    provincial.ops("POST", f"/_ops/snapshots/{snap}/restore").raise_for_status()
    report = office.sender.run_once(now_please=True)
    assert report.reconciled and not report.error
    assert [op.state for op in outbox(office.db)] == ["done", "done"]


def test_a_file_the_province_refuses_is_set_aside_and_the_rest_goes(office, provincial, tmp_path):
    first = office.intake.accept(office.clerk, complete_intake(office))
    other = office.intake.accept(office.clerk, complete_intake(office))
    image = tmp_path / "giay-to.png"
    Image.new("RGB", (300, 200), "white").save(image)
    info = office.attachments.attach(office.clerk, first.id, image, paper_position=1)
    stored_file = office.attachments.store.open_path(info.sha256)
    stored_file.chmod(0o600)
    stored_file.write_bytes(stored_file.read_bytes()[:-1] + b"\0")  # damaged on this disk
    report = office.sender.run_once()
    assert report.set_aside == 1 and report.error == ""
    states = office.status.for_dossiers([first.id, other.id])
    assert states[other.id].label == SYNCED and states[first.id].label == FAILED


def test_gui_ngay_does_not_override_the_provinces_retry_after(office, provincial):
    office.intake.accept(office.clerk, complete_intake(office))
    provincial.faults(throttle_429=1, retry_after=120)
    report = office.sender.run_once()
    assert report.waiting_until is not None
    pressed = office.sender.run_once(now_please=True)
    assert pressed.sent == 0 and pressed.waiting_until == report.waiting_until
    office.clock.advance(seconds=121)
    assert office.sender.run_once(now_please=True).sent == 1
