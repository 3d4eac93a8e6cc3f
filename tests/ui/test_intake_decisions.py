"""Intake decisions other than a clean acceptance: Mẫu 02, Mẫu 03, problems, files, printing."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import type_text
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy.exc import OperationalError
from test_intake_helpers import (
    QR,
    make_page,
    pdf_text,
    pick_procedure,
    scan,
    spy_forms,
)

from counter_app.domain.dossier_status import DossierStatus
from counter_app.domain.intake import AttachmentFile
from counter_app.services.dossier_queries import DossierFilter
from counter_app.ui.intake.page import IntakePage
from counter_app.ui.widgets.pdf_preview import PdfPreviewDialog


@pytest.fixture
def intake(office, qtbot) -> IntakePage:
    """The intake page signed in as the clerk."""
    return make_page(office, qtbot)


def _ready(page: IntakePage, query: str = "khai sinh") -> None:
    scan(page.applicant.id_number, QR)
    pick_procedure(page, query)


def _count(page: IntakePage) -> int:
    return page.ctx.dossiers.count(DossierFilter())


def test_accept_with_missing_papers_lists_them_and_keeps_the_data(intake: IntakePage) -> None:
    page = intake
    _ready(page)
    page.papers.set_ticked(0, True)
    QTest.keyClick(page.papers.table, Qt.Key.Key_F9)
    problems = page.problems.problems()
    assert len(problems) == 1 and "chưa đủ giấy tờ bắt buộc" in problems[0]
    assert "Giấy chứng sinh" in problems[0]
    assert page.problems.isVisible() and page.decided is None and _count(page) == 0
    assert page.applicant.full_name.text() == "Nguyễn Văn An" and page.papers.is_ticked(0)
    page.papers.tick_all_required()
    page.decide("accept")  # fixed and retried
    assert page.decided is not None and not page.problems.isVisible()
    page.preview.close()


def test_supplement_request_lists_missing_papers(intake: IntakePage, monkeypatch, tmp_path):
    page = intake
    rendered = spy_forms(page.ctx, monkeypatch)
    _ready(page)
    detail = page.procedure.detail
    page.papers.set_ticked(0, True)
    page.papers.set_problem(0, "Tờ khai chưa ký")
    page.papers.set_ticked(len(detail.papers) - 2, True)  # the identity paper, shown
    assert page.papers.missing() == [detail.papers[0].name, detail.papers[1].name]
    assert "2 giấy tờ thiếu hoặc chưa hợp lệ" in page.papers.tally.text()
    QTest.keyClick(page.applicant.phone, Qt.Key.Key_F10)
    assert page.decided is not None, page.problems.problems()
    saved = page.ctx.dossiers.get(page.decided.id)
    assert saved.status == DossierStatus.YEU_CAU_BO_SUNG
    assert saved.code is None and saved.row.due_at is None
    assert saved.papers[0].received and saved.papers[0].problem == "Tờ khai chưa ký"
    assert not saved.papers[1].received
    assert "Mẫu 02" in page.result.heading.text()
    assert "2 giấy tờ cần bổ sung" in page.result.facts.text()
    assert "Mẫu 02" in page.preview.windowTitle()
    assert rendered == ["SUPPLEMENT"]
    assert page.preview.paper == "A4"  # Mẫu 02 is an A4 notice
    text = pdf_text(page.preview.pdf_bytes, tmp_path)
    assert "Tờ khai chưa ký" in text and "Giấy chứng sinh" in text
    page.preview.close()


def test_supplement_needs_something_missing(intake: IntakePage) -> None:
    page = intake
    _ready(page)
    page.papers.tick_all_required()
    page.decide("supplement")
    assert any("bỏ dấu giấy tờ còn thiếu" in p for p in page.problems.problems())
    assert QApplication.focusWidget() is page.decision.reasons
    assert page.decided is None and _count(page) == 0
    type_text(page.decision.reasons, "Bổ sung giấy xác nhận tình trạng hôn nhân")
    page.decide("supplement")
    assert page.decided is not None
    assert page.ctx.dossiers.get(page.decided.id).decision_note.startswith("Bổ sung giấy")
    page.preview.close()


def test_refusal_needs_a_reason(intake: IntakePage, messages) -> None:
    page = intake
    _ready(page)
    QTest.keyClick(page.applicant.phone, Qt.Key.Key_F11)
    assert page.problems.problems() == ["Cần ghi rõ lý do từ chối tiếp nhận hồ sơ."]
    assert QApplication.focusWidget() is page.decision.reasons
    assert page.decided is None and _count(page) == 0
    type_text(page.decision.reasons, "Thủ tục không thuộc thẩm quyền của xã")
    page.decision.buttons["refuse"].click()
    assert page.decided is not None
    saved = page.ctx.dossiers.get(page.decided.id)
    assert saved.status == DossierStatus.KHONG_DUOC_TIEP_NHAN
    assert saved.decision_note == "Thủ tục không thuộc thẩm quyền của xã"
    assert "Mẫu 03" in page.result.heading.text()
    assert "Mẫu 03" in page.preview.windowTitle()
    page.preview.close()
    assert messages.shown == []


def test_database_error_is_shown_in_the_problem_panel(intake: IntakePage, monkeypatch) -> None:
    page = intake
    _ready(page)
    page.papers.tick_all_required()

    def locked(*_args: object) -> None:
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(page.ctx.intake, "accept", locked)
    page.decide("accept")
    problems = page.problems.problems()
    assert len(problems) == 1 and problems[0]
    assert page.decided is None and page.decision.buttons["accept"].isEnabled()
    assert page.applicant.full_name.text() == "Nguyễn Văn An"


def test_no_procedure_lists_every_problem_at_once(intake: IntakePage) -> None:
    page = intake
    page.decide("accept")
    listed = page.problems.problems()
    assert "Chưa chọn thủ tục hành chính." in listed
    assert "Cần nhập họ và tên người nộp." in listed
    assert QApplication.focusWidget() is page.procedure.search


def _png(path: Path) -> Path:
    Image.new("RGB", (40, 30), "white").save(path, "PNG")
    return path


def test_bad_attachment_gives_a_message(intake: IntakePage, tmp_path, messages) -> None:
    box = intake.attachments
    fake = tmp_path / "giay-chung-sinh.jpg"
    fake.write_text("đây là văn bản, không phải ảnh", encoding="utf-8")
    box.add_paths([fake])
    assert box.chosen == []
    assert box.problems.problems() == [
        "Tệp “giay-chung-sinh.jpg” không phải ảnh JPG/PNG hay PDF hợp lệ."
    ]
    box.add_paths([tmp_path / "khong-co.pdf"])
    assert "Không tìm thấy tệp" in box.problems.problems()[0]
    assert messages.shown == []


def test_attachments_are_listed_and_passed_to_the_service(
    intake: IntakePage, tmp_path, monkeypatch
) -> None:
    page, box = intake, intake.attachments
    _ready(page)
    scan_png = _png(tmp_path / "to-khai.png")
    box.ask_files = lambda: [scan_png]  # type: ignore[method-assign]
    box.add_button.click()
    assert len(box.chosen) == 1
    assert box.list.item(0).text().startswith("to-khai.png · ")
    assert "MB" in box.list.item(0).text()
    box.paper.setCurrentIndex(1)
    box.paper.activated.emit(1)
    assert box.chosen[0].paper_position == 1 and "giấy tờ 1" in box.list.item(0).text()
    box.add_paths([scan_png])  # the same file twice
    assert len(box.chosen) == 1 and "đã có trong danh sách" in box.problems.problems()[0]

    # Drag-and-drop onto the page adds to the list too.
    other = _png(tmp_path / "cccd.png")
    Image.new("RGB", (41, 30), "gray").save(other, "PNG")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.dropEvent(drop)
    assert [c.path for c in box.chosen] == [scan_png, other]

    submitted = []
    real = page.ctx.intake.accept
    monkeypatch.setattr(page.ctx.intake, "accept", lambda p, i: submitted.append(i) or real(p, i))
    page.papers.tick_all_required()
    page.decide("accept")
    assert page.decided is not None, page.problems.problems()
    assert submitted[0].attachments == (
        AttachmentFile(scan_png, 1),
        AttachmentFile(other, None),
    )
    stored = page.ctx.dossiers.get(page.decided.id).attachments
    assert [(a.filename, a.paper_position) for a in stored] == [
        ("to-khai.png", 1),
        ("cccd.png", None),
    ]
    page.preview.close()


def test_failed_print_leaves_the_dossier_saved(intake: IntakePage, tmp_path, messages) -> None:
    page = intake
    _ready(page)
    page.papers.tick_all_required()
    page.decide("accept")
    preview = page.preview
    assert isinstance(preview, PdfPreviewDialog)

    def printer() -> QPrinter:
        p = preview.printer()
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(tmp_path / "printed.pdf"))
        return p

    def broken(_printer: QPrinter) -> None:
        raise OSError("spooler stopped")

    preview.ask_printer = printer  # type: ignore[method-assign]
    preview.print_pages = broken  # type: ignore[method-assign]
    assert preview.print_() is False
    assert messages.texts() and messages.texts()[0].startswith("Chưa in được")
    assert preview.isVisible() and preview.problems.isVisible()
    saved = page.ctx.dossiers.get(page.decided.id)
    assert saved.status == DossierStatus.DUOC_TIEP_NHAN
    del preview.print_pages  # the printer is back: print again from the same preview
    assert preview.print_() is True
    assert (tmp_path / "printed.pdf").stat().st_size > 0
    assert not preview.problems.isVisible()
    preview.close()


def test_form_render_failure_keeps_the_dossier(intake: IntakePage, monkeypatch, messages):
    page = intake

    def broken(*_args: object) -> bytes:
        raise RuntimeError("renderer broke")

    monkeypatch.setattr(page.ctx.forms, "render", broken)
    _ready(page)
    page.papers.tick_all_required()
    page.decide("accept")
    assert page.decided is not None and page.preview is None
    assert "Hồ sơ đã được lưu" in messages.texts()[0]
    assert page.result.print_form.isEnabled()
    assert _count(page) == 1
    monkeypatch.undo()
    page.result.print_form.click()  # the form can be made again later
    assert page.preview is not None and page.preview.document.pageCount() >= 1
    page.preview.close()
