"""Attachments: the content-addressed file store and attaching files to dossiers."""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import stat
import struct
import unicodedata
import zlib
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfWriter
from reportlab.pdfgen import canvas
from sqlalchemy import select

from counter_app.clock import FrozenClock
from counter_app.domain.roles import Role
from counter_app.services import attachment_store as store_module
from counter_app.services import attachments as attachments_module
from counter_app.services.attachment_store import AttachmentStore, format_size
from counter_app.services.attachments import AttachmentService
from counter_app.services.errors import NotFound, PermissionDenied, ServiceError, ValidationError
from counter_app.services.principal import Principal
from db.models import Applicant, Attachment, AuditEntry, Dossier, DossierPaper

MIB = 1024 * 1024


def write_png(path: Path, size: tuple[int, int] = (320, 200), color: str = "white") -> Path:
    Image.new("RGB", size, color).save(path, "PNG")
    return path


def write_jpeg(path: Path, size: tuple[int, int] = (640, 480), color: str = "navy") -> Path:
    Image.new("RGB", size, color).save(path, "JPEG", quality=90)
    return path


def write_pdf(path: Path, pages: int) -> Path:
    pdf = canvas.Canvas(str(path))
    for number in range(1, pages + 1):
        pdf.drawString(72, 760, f"Page {number} of {pages}")
        pdf.showPage()
    pdf.save()
    return path


def write_encrypted_pdf(path: Path, user_password: str) -> Path:
    writer = PdfWriter()
    for _ in range(2):
        writer.add_blank_page(595, 842)
    writer.encrypt(user_password=user_password, owner_password="chu-so-huu", algorithm="RC4-128")
    with open(path, "wb") as f:
        writer.write(f)
    return path


def truncate(path: Path, keep: float = 0.5) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def stored_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.fixture
def store(tmp_path: Path) -> AttachmentStore:
    return AttachmentStore(tmp_path / "data" / "attachments")


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "Máy quét"
    folder.mkdir()
    return folder


# --- inspecting files -------------------------------------------------------------------------


def test_inspect_png(store, files):
    path = write_png(files / "Ảnh chân dung.png")
    facts = store.inspect(path)
    assert facts.media_type == "image/png"
    assert facts.pages == 1
    assert facts.size_bytes == path.stat().st_size
    assert facts.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert facts.filename == "Ảnh chân dung.png"


def test_inspect_jpeg(store, files):
    facts = store.inspect(write_jpeg(files / "CCCD mặt trước.jpg"))
    assert (facts.media_type, facts.pages, facts.filename) == (
        "image/jpeg",
        1,
        "CCCD mặt trước.jpg",
    )


@pytest.mark.parametrize("pages", [1, 3, 12])
def test_inspect_pdf_counts_pages(store, files, pages):
    facts = store.inspect(write_pdf(files / "Giấy khai sinh.pdf", pages))
    assert facts.media_type == "application/pdf"
    assert facts.pages == pages


def test_content_decides_the_kind_and_the_extension_follows(store, files):
    facts = store.inspect(write_png(files / "scan.jpg"))
    assert facts.media_type == "image/png"
    assert facts.filename == "scan.png"
    assert store.inspect(write_pdf(files / "tai-lieu", 2)).filename == "tai-lieu.pdf"


def test_nfd_file_name_is_stored_in_nfc(store, files):
    name = unicodedata.normalize("NFD", "Nguyễn Thị Hằng - Sổ hộ khẩu.pdf")
    facts = store.inspect(write_pdf(files / name, 1))
    assert facts.filename == unicodedata.normalize("NFC", name)
    assert unicodedata.is_normalized("NFC", facts.filename)


def test_fifty_megabyte_file_is_refused_from_its_size_without_reading_it(store, files, monkeypatch):
    path = files / "ho-so-lon.pdf"
    with open(path, "wb") as f:
        f.write(b"%PDF-1.7\n")
        f.truncate(50 * MIB)  # sparse: no 50 MB written to the test disk

    def no_open(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(store_module, "open", no_open, raising=False)
    with pytest.raises(ValidationError) as refused:
        store.store(path)
    assert str(refused.value).startswith(
        "Tệp “ho-so-lon.pdf” dung lượng 50 MB, vượt giới hạn 20 MB."
    )
    assert stored_files(store.root) == []


def test_size_limit_is_configurable_and_exact(tmp_path, files):
    path = files / "anh.png"
    write_png(path)
    size = path.stat().st_size
    assert AttachmentStore(tmp_path / "a", max_bytes=size).inspect(path).size_bytes == size
    with pytest.raises(ValidationError, match="vượt giới hạn"):
        AttachmentStore(tmp_path / "b", max_bytes=size - 1).inspect(path)


def test_text_file_renamed_jpg_is_refused_naming_the_file(store, files):
    path = files / "abc.jpg"
    path.write_text("Đây là văn bản, không phải ảnh.\n", encoding="utf-8")
    with pytest.raises(ValidationError) as refused:
        store.store(path)
    assert str(refused.value) == "Tệp “abc.jpg” không phải ảnh JPG/PNG hay PDF hợp lệ."
    assert stored_files(store.root) == []


def test_tiff_is_recognised_and_refused_with_advice(store, files):
    path = files / "trang1.tif"
    Image.new("L", (50, 50)).save(path, "TIFF")
    with pytest.raises(ValidationError, match="là ảnh TIFF; chỉ nhận ảnh JPG/PNG hoặc tệp PDF"):
        store.inspect(path)


def test_empty_file_is_refused(store, files):
    path = files / "trong.pdf"
    path.touch()
    with pytest.raises(ValidationError) as refused:
        store.inspect(path)
    assert str(refused.value).startswith("Tệp “trong.pdf” rỗng (0 byte)")


@pytest.mark.parametrize(
    ("make", "name", "keep"),
    [
        (write_png, "anh-cat.png", 0.5),
        (write_png, "thieu-iend.png", 0.99),
        (write_jpeg, "anh-cat.jpg", 0.6),
        (write_jpeg, "thieu-eoi.jpg", 0.998),
        (lambda p: write_pdf(p, 3), "ho-so-cat.pdf", 0.5),
        (lambda p: write_pdf(p, 3), "thieu-eof.pdf", 0.995),
    ],
)
def test_truncated_files_are_refused_as_corrupt(store, files, make, name, keep):
    path = truncate(make(files / name), keep)
    with pytest.raises(ValidationError) as refused:
        store.store(path)
    assert str(refused.value).startswith(f"Tệp “{name}” bị hỏng hoặc không đầy đủ")
    assert stored_files(store.root) == []


def test_pdf_header_with_garbage_is_refused(store, files):
    path = files / "gia.pdf"
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(4000))
    with pytest.raises(ValidationError, match="bị hỏng"):
        store.inspect(path)


def test_image_with_too_many_pixels_is_refused(store, files):
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", 30000, 30000, 1, 0, 0, 0, 0)  # 900 megapixels, 1 bit
    path = files / "bom.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b""))
    with pytest.raises(ValidationError, match="điểm ảnh quá lớn"):
        store.inspect(path)


def test_pdf_with_only_an_owner_password_is_accepted(store, files):
    facts = store.inspect(write_encrypted_pdf(files / "han-che-in.pdf", user_password=""))
    assert facts.pages == 2


def test_pdf_needing_a_password_is_refused_clearly(store, files):
    with pytest.raises(ValidationError) as refused:
        store.inspect(write_encrypted_pdf(files / "mat-khau.pdf", user_password="123456"))
    assert str(refused.value).startswith("Tệp PDF “mat-khau.pdf” có mật khẩu hoặc bị mã hóa.")


def test_missing_path_is_refused(store, files):
    with pytest.raises(ValidationError) as refused:
        store.inspect(files / "da-xoa.pdf")
    assert str(refused.value).startswith("Không tìm thấy tệp “da-xoa.pdf”")


def test_folder_is_refused(store, files):
    (files / "Hồ sơ 1").mkdir()
    with pytest.raises(ValidationError, match="không phải là một tệp"):
        store.inspect(files / "Hồ sơ 1")


def test_unreadable_file_is_refused(store, files, monkeypatch):
    path = write_png(files / "khoa.png")

    def locked(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(store_module, "open", locked, raising=False)
    with pytest.raises(ValidationError) as refused:
        store.inspect(path)
    assert str(refused.value).startswith("Không đọc được tệp “khoa.png”")


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="needs POSIX, not root")
def test_file_without_read_permission_is_refused(store, files):
    path = write_png(files / "khong-quyen.png")
    path.chmod(0)
    with pytest.raises(ValidationError, match="Không đọc được tệp “khong-quyen"):
        store.inspect(path)


def test_logs_name_files_by_hash_and_size_only(store, files, caplog):
    caplog.set_level(logging.DEBUG)
    facts = store.store(write_png(files / "CCCD Nguyễn Văn An.png"))
    bad = files / "Giấy tờ Trần Thị Bình.jpg"
    bad.write_text("không phải ảnh", encoding="utf-8")
    with pytest.raises(ValidationError):
        store.store(bad)
    assert facts.sha256 in caplog.text
    for fragment in ("Nguyễn", "Trần", "CCCD", "Máy quét", str(files)):
        assert fragment not in caplog.text


# --- storing ----------------------------------------------------------------------------------


def test_store_writes_by_hash_with_user_only_permissions(store, files):
    path = write_pdf(files / "don.pdf", 2)
    facts = store.store(path)
    target = store.root / facts.sha256[:2] / facts.sha256[2:4] / facts.sha256
    assert store.open_path(facts.sha256) == target
    assert target.read_bytes() == path.read_bytes()
    assert stored_files(store.root) == [target]  # no temporary file left behind
    if os.name != "nt":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        for folder in (store.root, target.parent.parent, target.parent):
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_existing_lax_folder_is_tightened(store, files):
    store.root.mkdir(parents=True, mode=0o755)
    store.root.chmod(0o755)
    store.store(write_png(files / "a.png"))
    if os.name != "nt":
        assert stat.S_IMODE(store.root.stat().st_mode) == 0o700


def test_same_content_twice_is_stored_once(store, files):
    first = store.store(write_jpeg(files / "mat-truoc.jpg"))
    copy = files / "ban-sao.jpg"
    copy.write_bytes((files / "mat-truoc.jpg").read_bytes())
    second = store.store(copy)
    again = store.store(files / "mat-truoc.jpg")
    assert first.sha256 == second.sha256 == again.sha256
    assert second.filename == "ban-sao.jpg"
    assert len(stored_files(store.root)) == 1


def test_damaged_stored_copy_is_replaced_on_next_store(store, files):
    path = write_png(files / "a.png")
    facts = store.store(path)
    store.open_path(facts.sha256).write_bytes(b"hong")
    assert store.verify(facts.sha256) is False
    store.store(path)
    assert store.verify(facts.sha256) is True


def test_failed_write_leaves_nothing_behind(store, files, monkeypatch):
    def disk_full(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module.os, "replace", disk_full)
    with pytest.raises(ServiceError, match="Ổ đĩa đã đầy"):
        store.store(write_png(files / "a.png"))
    assert stored_files(store.root) == []


def test_write_that_reads_back_wrong_is_not_renamed_into_place(store, files, monkeypatch):
    monkeypatch.setattr(store_module, "_file_sha256", lambda path: "0" * 64)
    with pytest.raises(ServiceError, match="không khớp bản gốc"):
        store.store(write_png(files / "a.png"))
    assert stored_files(store.root) == []


def test_verify_rehashes_the_file_on_disk(store, files):
    facts = store.store(write_png(files / "a.png"))
    assert store.verify(facts.sha256) is True
    path = store.open_path(facts.sha256)
    path.write_bytes(path.read_bytes()[:-1] + b"\x00")
    assert store.verify(facts.sha256) is False
    assert store.verify("f" * 64) is False
    assert store.verify("../etc/passwd") is False


def test_open_path_of_unknown_hash_is_not_found(store):
    with pytest.raises(NotFound, match="Không tìm thấy tệp đính kèm"):
        store.open_path("a" * 64)


@pytest.mark.parametrize(
    "bad",
    [
        "../../../etc/passwd",
        "..",
        "",
        "/etc/passwd",
        "ab/../../" + "a" * 55,
        "A" * 64,
        "a" * 63,
        "a" * 65,
        "a" * 64 + "\n",
        "a" * 63 + "\x00",
        "a" * 62 + "/.",
        "０" * 64,  # full-width digits
        "g" * 64,
    ],
)
def test_open_path_refuses_anything_but_a_sha256(store, bad):
    with pytest.raises(NotFound):
        store.open_path(bad)


def test_delete(store, files):
    facts = store.store(write_png(files / "a.png"))
    assert store.delete(facts.sha256) is True
    assert store.delete(facts.sha256) is False
    with pytest.raises(NotFound):
        store.open_path(facts.sha256)


@pytest.mark.parametrize(
    ("size", "round_up", "text"),
    [
        (50 * MIB, True, "50 MB"),
        (int(52.4 * MIB), True, "52,4 MB"),
        (20 * MIB + 1, True, "20,1 MB"),
        (20 * MIB, False, "20 MB"),
        (20 * MIB - 1, False, "19,9 MB"),
        (1500 * MIB, True, "1.500 MB"),
    ],
)
def test_format_size(size, round_up, text):
    assert format_size(size, round_up=round_up) == text


# --- attaching to dossiers (SQLite and PostgreSQL) --------------------------------------------

NOW = datetime(2026, 11, 23, 8, 30)
CLERK = Principal(None, "canbo1", "Trần Thị Bình", Role.CLERK, "QUAY-1")


def add_dossier(db, name: str = "Nguyễn Văn An", papers: int = 2) -> int:
    with db.write() as session:
        applicant = Applicant(full_name=name, created_at=NOW, updated_at=NOW)
        session.add(applicant)
        session.flush()
        dossier = Dossier(
            status=1,
            applicant_id=applicant.id,
            applicant_name=name,
            procedure_code="1.001193",
            procedure_name="Đăng ký khai sinh",
            field="Hộ tịch",
            processing_days="0",
            received_at=NOW,
            created_at=NOW,
            updated_at=NOW,
        )
        session.add(dossier)
        session.flush()
        for position in range(1, papers + 1):
            session.add(
                DossierPaper(dossier_id=dossier.id, position=position, name=f"Giấy {position}")
            )
        return dossier.id


@pytest.fixture
def service(migrated_db, store) -> AttachmentService:
    return AttachmentService(migrated_db, store, FrozenClock(NOW))


@pytest.fixture
def dossier_id(migrated_db) -> int:
    return add_dossier(migrated_db)


def audit_lines(db, action: str) -> list[AuditEntry]:
    with db.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def attachment_count(db) -> int:
    with db.read() as session:
        return len(session.scalars(select(Attachment.id)).all())


def test_attach_records_the_file_and_an_audit_line(service, store, migrated_db, files, dossier_id):
    path = write_pdf(files / "Tờ khai khai sinh.pdf", 2)
    info = service.attach(CLERK, dossier_id, path, paper_position=1)
    assert (info.dossier_id, info.paper_position, info.pages) == (dossier_id, 1, 2)
    assert info.filename == "Tờ khai khai sinh.pdf"
    assert info.media_type == "application/pdf"
    assert info.size_bytes == path.stat().st_size
    assert (info.added_at, info.added_by) == (NOW, "canbo1")
    assert store.verify(info.sha256)
    assert service.list_for(dossier_id) == [info]
    [line] = audit_lines(migrated_db, "dossier.attach")
    assert (line.entity_type, line.entity_id, line.username) == (
        "dossier",
        str(dossier_id),
        "canbo1",
    )
    assert line.details["attachment_id"] == info.id
    assert line.details["sha256"] == info.sha256
    assert line.details["pages"] == 2


def test_list_is_in_the_order_added(service, files, dossier_id):
    first = service.attach(CLERK, dossier_id, write_png(files / "b.png"))
    second = service.attach(CLERK, dossier_id, write_jpeg(files / "a.jpg"), paper_position=2)
    assert [a.id for a in service.list_for(dossier_id)] == [first.id, second.id]


def test_list_for_unknown_dossier_is_not_found(service):
    with pytest.raises(NotFound):
        service.list_for(999_999)


@pytest.mark.parametrize("role", [Role.CLERK, Role.SUPERVISOR, Role.ADMIN])
def test_people_at_the_counter_may_attach(service, files, dossier_id, role):
    principal = Principal(None, "nguoi", "Người", role, "QUAY-1")
    assert service.attach(principal, dossier_id, write_png(files / "a.png")).id


def test_device_may_not_attach_and_nothing_is_stored(service, store, files, dossier_id):
    kiosk = Principal(None, "kiosk1", "Kiosk", Role.DEVICE, "KIOSK")
    with pytest.raises(PermissionDenied):
        service.attach(kiosk, dossier_id, write_png(files / "a.png"))
    with pytest.raises(PermissionDenied):
        service.attach(None, dossier_id, write_png(files / "a.png"))
    assert stored_files(store.root) == []


def test_bad_file_adds_no_row_and_no_audit(service, migrated_db, files, dossier_id):
    path = files / "abc.jpg"
    path.write_bytes(b"MZ\x90\x00 not an image")
    with pytest.raises(ValidationError, match="không phải ảnh JPG/PNG hay PDF hợp lệ"):
        service.attach(CLERK, dossier_id, path)
    assert attachment_count(migrated_db) == 0
    assert audit_lines(migrated_db, "dossier.attach") == []


def test_unknown_dossier_or_paper_is_refused(service, migrated_db, files, dossier_id):
    path = write_png(files / "a.png")
    with pytest.raises(NotFound, match="Không tìm thấy hồ sơ số 999999"):
        service.attach(CLERK, 999_999, path)
    with pytest.raises(ValidationError, match="không có thành phần hồ sơ số 7"):
        service.attach(CLERK, dossier_id, path, paper_position=7)
    assert attachment_count(migrated_db) == 0


def test_same_file_for_the_same_paper_twice_is_refused(service, files, dossier_id):
    path = write_png(files / "CCCD.png")
    service.attach(CLERK, dossier_id, path, paper_position=1)
    copy = files / "CCCD (1).png"
    copy.write_bytes(path.read_bytes())
    with pytest.raises(ValidationError) as refused:
        service.attach(CLERK, dossier_id, copy, paper_position=1)
    assert str(refused.value) == (
        "Tệp “CCCD (1).png” đã được đính kèm vào hồ sơ này (cùng nội dung với “CCCD.png”)."
    )
    service.attach(CLERK, dossier_id, path)  # unassigned is another slot
    with pytest.raises(ValidationError, match="đã được đính kèm"):
        service.attach(CLERK, dossier_id, path)
    service.attach(CLERK, dossier_id, path, paper_position=2)  # one scan of two papers
    assert len(service.list_for(dossier_id)) == 3


def test_same_file_on_two_dossiers_is_stored_once(service, store, migrated_db, files, dossier_id):
    other = add_dossier(migrated_db, "Lê Thị Cúc")
    path = write_pdf(files / "giay-xac-nhan.pdf", 1)
    a = service.attach(CLERK, dossier_id, path)
    b = service.attach(CLERK, other, path)
    assert a.sha256 == b.sha256 and a.id != b.id
    assert len(stored_files(store.root)) == 1


def test_failed_database_write_keeps_the_stored_file_and_adds_no_row(
    service, store, migrated_db, files, dossier_id, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(attachments_module.audit, "record", broken)
    path = write_png(files / "a.png")
    with pytest.raises(RuntimeError):
        service.attach(CLERK, dossier_id, path)
    assert attachment_count(migrated_db) == 0  # the row went with the failed audit line
    assert store.verify(hashlib.sha256(path.read_bytes()).hexdigest())
    monkeypatch.undo()
    assert service.attach(CLERK, dossier_id, path).id  # and attaching again just works


def test_remove_deletes_row_and_unreferenced_file(service, store, migrated_db, files, dossier_id):
    info = service.attach(CLERK, dossier_id, write_png(files / "nham-nguoi.png"))
    service.remove(CLERK, info.id)
    assert service.list_for(dossier_id) == []
    assert not store.verify(info.sha256)
    assert stored_files(store.root) == []
    [line] = audit_lines(migrated_db, "dossier.detach")
    assert line.entity_id == str(dossier_id)
    assert line.details["attachment_id"] == info.id
    assert line.details["file_deleted"] is True


def test_remove_keeps_a_file_another_dossier_uses(service, store, migrated_db, files, dossier_id):
    other = add_dossier(migrated_db, "Lê Thị Cúc")
    path = write_png(files / "chung.png")
    a = service.attach(CLERK, dossier_id, path)
    b = service.attach(CLERK, other, path)
    service.remove(CLERK, a.id)
    assert store.verify(a.sha256)
    assert service.list_for(other) == [b]
    [line] = audit_lines(migrated_db, "dossier.detach")
    assert line.details["file_deleted"] is False


def test_remove_unknown_or_by_a_device_is_refused(service, files, dossier_id):
    info = service.attach(CLERK, dossier_id, write_png(files / "a.png"))
    with pytest.raises(NotFound, match="Không tìm thấy tệp đính kèm số 424242"):
        service.remove(CLERK, 424_242)
    with pytest.raises(PermissionDenied):
        service.remove(Principal(None, "k", "Kiosk", Role.DEVICE, "KIOSK"), info.id)
    assert service.list_for(dossier_id) == [info]


def test_add_joins_the_callers_transaction(service, store, migrated_db, files, dossier_id):
    facts = store.store(write_pdf(files / "to-khai.pdf", 1))
    with pytest.raises(RuntimeError), migrated_db.write() as session:
        service.add(session, CLERK, dossier_id, facts, paper_position=2)
        raise RuntimeError("intake failed later in the same transaction")
    assert attachment_count(migrated_db) == 0
    assert audit_lines(migrated_db, "dossier.attach") == []
    with migrated_db.write() as session:
        info = service.add(session, CLERK, dossier_id, facts, paper_position=2)
    assert service.list_for(dossier_id) == [info]


def test_half_written_files_left_by_a_power_cut_are_swept(tmp_path: Path) -> None:
    import os
    import time

    from counter_app.services.attachment_store import AttachmentStore

    store = AttachmentStore(tmp_path / "store")
    folder = tmp_path / "store" / "ab" / "cd"
    folder.mkdir(parents=True)
    old, fresh, whole = folder / ".x1.part", folder / ".x2.part", folder / ("ab" + "c" * 62)
    for path in (old, fresh, whole):
        path.write_bytes(b"scan")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    os.utime(whole, (an_hour_ago, an_hour_ago))
    assert store.sweep_partials() == 1
    assert not old.exists() and fresh.exists() and whole.exists()
    assert AttachmentStore(tmp_path / "missing").sweep_partials() == 0
