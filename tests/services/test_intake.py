"""Intake decisions: receive (Mẫu 01), ask for more (Mẫu 02), refuse (Mẫu 03)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from dossier_fixtures import AGENCY, KHAI_SINH, citizen, complete_intake, make_counter
from sqlalchemy import func, select

from counter_app.domain.dossier_code import parse_code
from counter_app.domain.dossier_status import DossierStatus
from counter_app.domain.intake import BY_POST, ORGANISATION, ApplicantInput, PaperCheck
from counter_app.domain.roles import Role
from counter_app.services.errors import NotFound, PermissionDenied, ValidationError
from counter_app.services.principal import Principal
from db.models import Applicant, AuditEntry, Dossier


@pytest.fixture
def counter(migrated_db):
    return make_counter(migrated_db)


def test_accept_gives_code_due_time_book_number_and_history(counter):
    detail = counter.intake.accept(counter.clerk, complete_intake(counter))
    assert detail.status is DossierStatus.DUOC_TIEP_NHAN
    assert detail.code == f"{AGENCY}-261116-0001"
    assert parse_code(detail.code) == (AGENCY, datetime(2026, 11, 16).date(), 1)
    procedure = counter.catalog.get(KHAI_SINH)
    assert detail.row.due_at == counter.calendar.due(
        datetime(2026, 11, 16, 8, 30), procedure.processing_days
    )
    assert (detail.book_year, detail.book_number) == (2026, 1)
    assert detail.row.applicant_name == "Nguyễn Văn An"
    assert detail.row.applicant_phone == "0912345678"
    assert all(p.received for p in detail.papers)
    assert [e.action for e in detail.events] == ["receive"]
    event = detail.events[0]
    assert event.receiver == "Lê Thị Hồng" and event.giver == "Nguyễn Văn An"
    assert event.to_status is DossierStatus.DUOC_TIEP_NHAN and event.station == "QUAY-1"
    assert detail.received_by_name == "Lê Thị Hồng"


def test_codes_and_book_numbers_follow_each_other(counter):
    first = counter.intake.accept(counter.clerk, complete_intake(counter))
    second = counter.intake.accept(counter.clerk, complete_intake(counter))
    counter.clock.advance(days=1)
    third = counter.intake.accept(counter.clerk, complete_intake(counter))
    assert [first.code[-4:], second.code[-4:]] == ["0001", "0002"]
    assert third.code == f"{AGENCY}-261117-0001"
    assert [d.book_number for d in (first, second, third)] == [1, 2, 3]


def test_book_restarts_each_year(migrated_db):
    counter = make_counter(migrated_db, datetime(2026, 12, 31, 9, 0))
    last = counter.intake.accept(counter.clerk, complete_intake(counter))
    counter.clock.at = datetime(2027, 1, 4, 8, 0)
    first = counter.intake.accept(counter.clerk, complete_intake(counter))
    assert (last.book_year, last.book_number) == (2026, 1)
    assert (first.book_year, first.book_number) == (2027, 1)


def test_missing_required_paper_refuses_accept_and_saves_nothing(counter, migrated_db):
    intake = complete_intake(counter)
    papers = list(intake.papers)
    papers[0] = PaperCheck(1, False)
    with pytest.raises(ValidationError, match="chưa đủ giấy tờ bắt buộc"):
        counter.intake.accept(counter.clerk, complete_intake(counter, papers=tuple(papers)))
    with migrated_db.read() as session:
        assert session.scalar(select(func.count()).select_from(Dossier)) == 0
        assert session.scalar(select(func.count()).select_from(Applicant)) == 0


def test_fee_collected_gets_a_receipt_numbered_per_year(counter):
    detail = counter.intake.accept(counter.clerk, complete_intake(counter, fee_amount=8000))
    assert detail.fee_total == 8000
    assert [(f.year, f.number, f.amount) for f in detail.fees] == [(2026, 1, 8000)]
    second = counter.intake.accept(counter.clerk, complete_intake(counter, fee_amount=8000))
    assert second.fees[0].number == 2
    free = counter.intake.accept(counter.clerk, complete_intake(counter))
    assert free.fees == ()


def test_returning_applicant_is_found_and_reused(counter, migrated_db):
    counter.intake.accept(counter.clerk, complete_intake(counter))
    found = counter.intake.find_applicants("001090012345")
    assert [a.full_name for a in found] == ["Nguyễn Văn An"]
    assert counter.intake.find_applicants("0912345678")[0].id_number == "001090012345"
    moved = citizen(address="Số 5, phường Đoàn Kết")
    counter.intake.accept(counter.clerk, complete_intake(counter, applicant=moved))
    with migrated_db.read() as session:
        rows = session.scalars(select(Applicant)).all()
    assert len(rows) == 1 and rows[0].address == "Số 5, phường Đoàn Kết"


def test_organisation_applicant_needs_tax_code_and_representative(counter):
    org = ApplicantInput(full_name="Hợp tác xã Chè Tân Uyên", kind=ORGANISATION)
    with pytest.raises(ValidationError) as caught:
        counter.intake.accept(counter.clerk, complete_intake(counter, applicant=org))
    text = str(caught.value)
    assert "mã số thuế" in text and "người đại diện" in text
    org = ApplicantInput(
        full_name="Hợp tác xã Chè Tân Uyên",
        kind=ORGANISATION,
        tax_code="6200123456",
        representative="Lò Thị Mai",
    )
    detail = counter.intake.accept(counter.clerk, complete_intake(counter, applicant=org))
    assert detail.row.applicant_id_number == "6200123456"
    assert detail.submitter_name == "Lò Thị Mai"


@pytest.mark.parametrize(
    ("applicant", "fragment"),
    [
        (citizen(id_number="001190012345"), "giới tính"),
        (citizen(id_number="00109001234"), "12 chữ số"),
        (citizen(full_name="   "), "họ và tên"),
        (citizen(phone="12ab"), "Số điện thoại"),
        (citizen(birth_date=datetime(2030, 1, 1).date()), "Ngày sinh"),
        (citizen(gender="X"), "Nam hoặc Nữ"),
    ],
)
def test_bad_applicant_details_are_refused_with_a_reason(counter, applicant, fragment):
    with pytest.raises(ValidationError, match=fragment):
        counter.intake.accept(counter.clerk, complete_intake(counter, applicant=applicant))


def test_nfd_text_is_stored_nfc(counter):
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Đỗ Thị Ngọc Ánh")
    detail = counter.intake.accept(
        counter.clerk, complete_intake(counter, applicant=citizen(full_name=nfd, gender="Nam"))
    )
    assert detail.row.applicant_name == "Đỗ Thị Ngọc Ánh"
    assert unicodedata.is_normalized("NFC", detail.row.applicant_name)


def test_delivery_by_post_needs_an_address(counter):
    with pytest.raises(ValidationError, match="địa chỉ nhận"):
        counter.intake.accept(counter.clerk, complete_intake(counter, delivery=BY_POST))
    detail = counter.intake.accept(
        counter.clerk,
        complete_intake(counter, delivery=BY_POST, postal_address="Bưu điện xã Phong Thổ"),
    )
    assert detail.delivery == BY_POST and detail.postal_address == "Bưu điện xã Phong Thổ"


def test_supplement_request_lists_every_missing_paper_and_has_no_code(counter):
    intake = complete_intake(counter)
    papers = (
        PaperCheck(1, False, "Chưa có tờ khai"),
        PaperCheck(2, True, "Giấy chứng sinh bị tẩy xóa"),
    )
    detail = counter.intake.request_supplement(
        counter.clerk, complete_intake(counter, papers=papers, reasons="Bổ sung giấy tờ")
    )
    assert intake.procedure_code == KHAI_SINH
    assert detail.status is DossierStatus.YEU_CAU_BO_SUNG and detail.code is None
    problems = {p.position: p.problem for p in detail.papers}
    assert problems[1] == "Chưa có tờ khai" and problems[2] == "Giấy chứng sinh bị tẩy xóa"
    with pytest.raises(ValidationError, match="ít nhất một giấy tờ"):
        counter.intake.request_supplement(counter.clerk, complete_intake(counter))


def test_refusal_needs_reasons(counter):
    with pytest.raises(ValidationError, match="lý do từ chối"):
        counter.intake.refuse(counter.clerk, complete_intake(counter))
    detail = counter.intake.refuse(
        counter.clerk, complete_intake(counter, reasons="Không thuộc thẩm quyền của xã")
    )
    assert detail.status is DossierStatus.KHONG_DUOC_TIEP_NHAN
    assert detail.decision_note == "Không thuộc thẩm quyền của xã" and detail.code is None


def test_unknown_procedure_and_wrong_people_are_refused(counter, migrated_db):
    with pytest.raises(NotFound):
        counter.intake.accept(counter.clerk, complete_intake(counter, procedure_code="9.999999"))
    device = Principal(99, "kiosk", "Kiosk", Role.DEVICE, "K")
    with pytest.raises(PermissionDenied):
        counter.intake.accept(device, complete_intake(counter))
    with pytest.raises(PermissionDenied):
        counter.intake.accept(None, complete_intake(counter))  # type: ignore[arg-type]


def test_accept_is_audited(counter, migrated_db):
    detail = counter.intake.accept(counter.clerk, complete_intake(counter))
    with migrated_db.read() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "dossier.receive"))
    assert entry.entity_id == str(detail.id) and entry.username == "canbo1"
    assert Decimal(detail.processing_days) > 0


def _png(path):
    from PIL import Image

    Image.new("RGB", (40, 30), (200, 10, 10)).save(path)
    return path


def test_attachments_are_stored_with_the_dossier(counter, tmp_path):
    from counter_app.domain.intake import AttachmentFile

    scan = _png(tmp_path / "giấy chứng sinh.png")
    detail = counter.intake.accept(
        counter.clerk,
        complete_intake(counter, attachments=(AttachmentFile(scan, 2),)),
    )
    [attached] = detail.attachments
    assert attached.filename == "giấy chứng sinh.png" and attached.paper_position == 2
    assert attached.media_type == "image/png" and attached.pages == 1
    assert counter.attachments.store.open_path(attached.sha256).read_bytes() == scan.read_bytes()


def test_a_bad_attachment_stops_the_intake_and_saves_nothing(counter, tmp_path, migrated_db):
    from counter_app.domain.intake import AttachmentFile

    fake = tmp_path / "anh.jpg"
    fake.write_text("đây không phải ảnh")
    good = _png(tmp_path / "to-khai.png")
    with pytest.raises(ValidationError) as caught:
        counter.intake.accept(
            counter.clerk,
            complete_intake(counter, attachments=(AttachmentFile(good), AttachmentFile(fake))),
        )
    assert "anh.jpg" in str(caught.value)
    with migrated_db.read() as session:
        assert session.scalar(select(func.count()).select_from(Dossier)) == 0


def test_two_clerks_saving_at_the_same_second_get_distinct_codes(counter):
    from concurrent.futures import ThreadPoolExecutor

    intake = complete_intake(counter)
    with ThreadPoolExecutor(max_workers=4) as pool:
        details = list(pool.map(lambda _: counter.intake.accept(counter.clerk, intake), range(8)))
    codes = sorted(d.code for d in details)
    assert codes == [f"{AGENCY}-261116-{n:04d}" for n in range(1, 9)]
    assert sorted(d.book_number for d in details) == list(range(1, 9))


def test_an_unticked_optional_paper_is_not_a_reason_for_mau_02(counter):
    detail = counter.catalog.get(KHAI_SINH)
    papers = tuple(
        PaperCheck(i, p.required and not p.present_only)
        for i, p in enumerate(detail.papers, start=1)
    )
    assert not all(p.received for p in papers)  # some optional papers left unticked
    with pytest.raises(ValidationError, match="ít nhất một giấy tờ"):
        counter.intake.request_supplement(counter.clerk, complete_intake(counter, papers=papers))
