"""The sync outbox: every committed change of a dossier or rating leaves exactly one operation."""

from __future__ import annotations

import json
import uuid

import pytest
from dossier_fixtures import AGENCY, complete_intake, make_counter
from PIL import Image
from sqlalchemy import select

from counter_app.domain.intake import PaperCheck
from counter_app.domain.rating import DISSATISFIED
from counter_app.domain.roles import Role
from counter_app.services.accounts import AccountService
from counter_app.services.errors import ValidationError
from counter_app.services.queue import QueueService
from counter_app.services.rating import RatingInput, RatingService
from counter_app.settings import RatingSettings, SecuritySettings
from db.models import SyncOutbox


@pytest.fixture
def counter(migrated_db):
    return make_counter(migrated_db)


def ops(db, **where) -> list[SyncOutbox]:
    with db.read() as session:
        query = select(SyncOutbox).filter_by(**where).order_by(SyncOutbox.id)
        return list(session.scalars(query))


def test_intake_and_each_later_change_add_one_frozen_operation(counter):
    received = counter.intake.accept(counter.clerk, complete_intake(counter))
    first = ops(counter.db)
    assert [(o.kind, o.code, o.seq, o.state) for o in first] == [
        ("dossier", received.code, 1, "pending")
    ]
    data = json.loads(first[0].payload)
    assert data["MaHoSo"] == received.code and data["TrangThaiHoSo"] == 2
    assert data["ChuHoSo"] == "Nguyễn Văn An" and data["NgayTiepNhan"] == "20261116083000"
    assert data["QuaTrinhXuLy"][0]["NguoiXuLy"] == "Lê Thị Hồng"
    counter.clock.advance(hours=1)
    counter.lifecycle.transfer(counter.clerk, received.id, "UBND Phường Ba Đình")
    later = ops(counter.db)
    assert [o.seq for o in later] == [1, 2]
    assert later[0].payload == first[0].payload  # queued payloads never change
    assert json.loads(later[1].payload)["TrangThaiHoSo"] == 4
    assert len({o.op_id for o in later}) == 2


def test_failed_change_leaves_no_operation(counter):
    intake = complete_intake(counter)
    papers = (PaperCheck(1, False), *intake.papers[1:])
    with pytest.raises(ValidationError):
        counter.intake.accept(counter.clerk, complete_intake(counter, papers=papers))
    assert ops(counter.db) == []
    received = counter.intake.accept(counter.clerk, intake)
    with pytest.raises(ValidationError):  # another commune's unit: refused, nothing written
        counter.lifecycle.transfer(counter.clerk, received.id, "UBND xã Khác")
    assert [o.seq for o in ops(counter.db)] == [1]


def test_attachments_change_the_dossier_and_their_file_waits_for_the_send(counter, tmp_path):
    received = counter.intake.accept(counter.clerk, complete_intake(counter))
    image = tmp_path / "cccd.png"
    Image.new("RGB", (40, 30), "white").save(image)
    info = counter.attachments.attach(counter.clerk, received.id, image, paper_position=1)
    second = json.loads(ops(counter.db)[-1].payload)
    cited = second["TaiLieuNop"][0]["TepDinhKem"][0]
    assert cited["SHA256"] == info.sha256 and cited["KichThuoc"] == info.size_bytes
    counter.attachments.remove(counter.clerk, info.id)
    assert [o.seq for o in ops(counter.db)] == [1, 2, 3]
    assert "TepDinhKem" not in json.loads(ops(counter.db)[-1].payload)["TaiLieuNop"][0]
    # Operation 2 still cites the file and is not sent yet: the file must stay.
    assert counter.attachments.store.verify(info.sha256)


def test_a_rating_travels_without_the_citizen(counter):
    queue = QueueService(counter.db, counter.clock)
    area = queue.ensure_default_areas(counter.admin)[0]
    accounts = AccountService(counter.db, SecuritySettings(), "QUAY-1", counter.clock)
    accounts.create_user(counter.admin, "danhgia1", "Màn hình quầy 1", Role.DEVICE, "thietbi123")
    screen = accounts.sign_in("danhgia1", "thietbi123")
    received = counter.intake.accept(counter.clerk, complete_intake(counter))
    queue.issue(screen, area.id)
    queue.call_next(counter.clerk, 1)
    done = queue.finish(counter.clerk, 1, dossier_id=received.id)
    ratings = RatingService(counter.db, RatingSettings(), counter.clock)
    ratings.submit(
        screen,
        RatingInput(f"ticket:{done.id}", DISSATISFIED, uuid.uuid4().hex, ("Trả kết quả trễ hẹn",)),
    )
    [rating_op] = ops(counter.db, kind="rating")
    data = json.loads(rating_op.payload)
    assert data["MaDanhGia"] == f"{AGENCY}:ticket:{done.id}"
    assert data["MaHoSo"] == received.code and data["MaQuay"] == 1
    assert (data["MucDo"], data["Diem"], data["LyDo"]) == (DISSATISFIED, 2, ["Trả kết quả trễ hẹn"])
    assert "Nguyễn Văn An" not in rating_op.payload and "001090012345" not in rating_op.payload
