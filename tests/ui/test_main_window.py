"""The main window: pages per role, home page facts, status bar, signing out."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy.exc import OperationalError

from counter_app.services import audit
from counter_app.services.principal import Principal
from counter_app.ui import texts
from counter_app.ui.clerk.accounts_page import AccountsPage
from counter_app.ui.main_window import MainWindow

WORK_PAGES = ["Trang chủ", "Tiếp nhận hồ sơ", "Hồ sơ", "Danh mục thủ tục"]
ALL_PAGES = [
    texts.PAGE_DASHBOARD,
    *WORK_PAGES,
    texts.PAGE_RATINGS,
    texts.PAGE_DOSSIER_REPORTS,
    "Tài khoản",
    "Nhật ký",
    "Sao lưu",
    "Xếp hàng, kiosk",
    texts.PAGE_SYNC,
]


@pytest.fixture
def open_window(office, qtbot):
    kept: list[MainWindow] = []  # top-level windows need a Python reference

    def make(principal: Principal) -> MainWindow:
        window = MainWindow(office.ctx, principal)
        kept.append(window)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


def nav_titles(window: MainWindow) -> list[str]:
    return [window.navigation.item(i).text() for i in range(window.navigation.count())]


def test_admin_sees_every_page(open_window, office) -> None:
    window = open_window(office.admin)
    assert nav_titles(window) == ALL_PAGES
    assert window.stack.count() == len(ALL_PAGES)


def test_supervisor_sees_accounts_read_only_and_no_backup(open_window, office) -> None:
    window = open_window(office.supervisor)
    assert nav_titles(window) == [
        texts.PAGE_DASHBOARD,
        *WORK_PAGES,
        texts.PAGE_RATINGS,
        texts.PAGE_DOSSIER_REPORTS,
        "Tài khoản",
        "Nhật ký",
        "Xếp hàng, kiosk",
        texts.PAGE_SYNC,
    ]
    page = window.show_page("Tài khoản")
    assert isinstance(page, AccountsPage)
    assert not page.create_button.isVisible()
    assert not page.toggle_button.isVisible()
    assert page.model.rowCount() == 3


def test_clerk_sees_only_the_work_pages(open_window, office) -> None:
    window = open_window(office.clerk)
    assert nav_titles(window) == WORK_PAGES
    assert "Tài khoản" not in window.pages


def test_home_page_shows_office_user_and_working_day(open_window, office) -> None:
    window = open_window(office.clerk)
    home = window.pages["Trang chủ"]
    assert window.stack.currentWidget() is home
    values = {key: label.text() for key, label in home.values.items()}
    assert values[texts.HOME_OFFICE] == "Trung tâm Phục vụ hành chính công xã Thử Nghiệm"
    assert values[texts.HOME_AREA] == "Phường Ba Đình, Thành phố Hà Nội"
    assert values[texts.HOME_AGENCY_CODE] == "000.00.06.H56"
    assert values[texts.HOME_COUNTERS] == "3 quầy đang mở"
    assert "Lê Thị Hồng" in values[texts.HOME_USER]
    assert "Công chức một cửa" in values[texts.HOME_USER]
    assert values[texts.HOME_TODAY] == "Thứ Hai, ngày 16/11/2026 — ngày làm việc"
    assert values[texts.HOME_NEXT_WORKING] == "Thứ Ba, ngày 17/11/2026"
    assert not home.banner.isVisible()


def test_home_page_on_a_weekend(open_window, office, clock) -> None:
    clock.advance(days=5)  # Saturday 21/11/2026
    home = open_window(office.clerk).pages["Trang chủ"]
    assert home.values[texts.HOME_TODAY].text() == "Thứ Bảy, ngày 21/11/2026 — ngày nghỉ"
    assert home.values[texts.HOME_NEXT_WORKING].text() == "Thứ Hai, ngày 23/11/2026"


def test_home_page_on_a_public_holiday(open_window, office, clock) -> None:
    clock.at = datetime(2026, 9, 2, 8, 0)  # Quốc khánh
    home = open_window(office.clerk).pages["Trang chủ"]
    assert home.values[texts.HOME_TODAY].text().startswith("Thứ Tư, ngày 02/09/2026 — nghỉ lễ: ")


def test_status_bar_names_user_station_and_database(open_window, office) -> None:
    window = open_window(office.admin)
    shown = [label.text() for label in window.status_labels]
    assert shown[0] == "Người dùng: Nguyễn Văn Quản (Quản trị hệ thống)"
    assert shown[1] == f"Máy trạm: {office.ctx.station}"
    assert shown[2] == "Dữ liệu: SQLite (trên máy này)"


def test_sign_out_is_audited_and_announced(open_window, office, qtbot) -> None:
    window = open_window(office.clerk)
    with qtbot.waitSignal(window.closed) as closed, qtbot.waitSignal(window.signed_out):
        window.sign_out_action.trigger()
    assert closed.args == [True]
    assert audit.recent(office.ctx.db, 1)[0].action == "auth.sign_out"


def test_quit_closes_and_signs_out_once(open_window, office, qtbot) -> None:
    window = open_window(office.clerk)
    with qtbot.waitSignal(window.closed) as closed:
        window.quit_action.trigger()
    assert closed.args == [False]
    window.close()
    outs = [a for a in audit.recent(office.ctx.db, 10) if a.action == "auth.sign_out"]
    assert len(outs) == 1


def test_database_failure_on_a_page_is_shown_not_raised(
    open_window, office, messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_actor: Principal) -> list[object]:
        raise OperationalError("SELECT", {}, Exception("database is locked"))

    window = open_window(office.admin)
    monkeypatch.setattr(office.ctx.accounts, "list_users", broken)
    page = window.show_page("Tài khoản")
    assert page.model.rowCount() == 0
    assert messages.texts() and "đang bận" in messages.texts()[0]


def test_next_working_day_names_the_holiday_in_between(open_window, office, clock) -> None:
    clock.at = datetime(2026, 9, 1, 8, 0)  # the day before Quốc khánh
    home = open_window(office.clerk).pages["Trang chủ"]
    following = home.values[texts.HOME_NEXT_WORKING].text()
    assert following.startswith("Thứ")
    assert "sau ngày nghỉ lễ: " in following


def test_a_dossier_saved_at_intake_is_linked_to_the_ticket_served(open_window, office, qtbot):
    from counter_app.domain.roles import Role
    from counter_app.services.principal import Principal

    ctx = office.ctx
    areas = ctx.queue.ensure_default_areas(office.admin)
    kiosk = Principal(None, "kiosk", "Kiosk", Role.DEVICE, "K")
    ticket = ctx.queue.issue(kiosk, areas[0].id)
    ctx.queue.call_next(office.clerk, 1)
    window = open_window(office.clerk)
    panel = window.calling.panel
    panel.set_counter(1)
    qtbot.waitUntil(lambda: panel.current_ticket_id() == ticket.id, timeout=5000)
    ctx.catalog.load_shipped(Principal.system("T"))
    from counter_app.domain.intake import ApplicantInput, IntakeInput, PaperCheck

    detail = ctx.catalog.get("1.001193")
    dossier = ctx.intake.accept(
        office.clerk,
        IntakeInput(
            ApplicantInput("Nguyễn Văn An"),
            "1.001193",
            tuple(PaperCheck(i, True) for i in range(1, len(detail.papers) + 1)),
        ),
    )
    window.pages["Tiếp nhận hồ sơ"].dossier_saved.emit(dossier.id)
    assert ctx.queue.current(1).dossier_id == dossier.id
