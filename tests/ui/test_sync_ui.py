"""What clerks and admins see of the provincial sync: per dossier, the status bar, the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from test_dossier_support import build_counter

from counter_app.paths import AppDirs
from counter_app.services.sync_status import NOT_SENT, SYNCED
from counter_app.ui import texts
from counter_app.ui.dossiers.list_page import DossiersPage
from counter_app.ui.main_window import MainWindow
from counter_app.ui.sync import page as sync_page
from counter_app.ui.sync.bridge import SyncBridge
from counter_app.ui.sync.indicator import SyncIndicator
from counter_app.ui.sync.page import SyncPage

OFFICE_CODE = "000.00.06.H56"


@pytest.fixture
def provincial(start_provincial, tmp_path):
    return start_provincial(f"sqlite:///{tmp_path / 'province.sqlite3'}")


@pytest.fixture
def app_dirs(tmp_path: Path, provincial) -> AppDirs:
    """An installation whose settings point at the test's province."""
    dirs = AppDirs(tmp_path / "cfg", tmp_path / "data")
    dirs.config_dir.mkdir(parents=True)
    dirs.config_file.write_text(
        f'[sync]\nurl = "{provincial.base_url}"\nread_timeout_s = 5\n', encoding="utf-8"
    )
    return dirs


def column_texts(model, column: int) -> list[str]:
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_dossier_list_shows_each_dossiers_sync_state(office, clock, qtbot, provincial):
    counter = build_counter(office.ctx, office.clerk, clock)
    page = DossiersPage(counter.ctx, counter.clerk)
    qtbot.addWidget(page)
    page.refresh()
    sync_column = page.model.columnCount() - 1
    assert page.model.headerData(sync_column, Qt.Orientation.Horizontal) == texts.SYNC_COLUMN
    assert set(column_texts(page.model, sync_column)) >= {NOT_SENT}
    office.ctx.sync_status.set_token(office.admin, provincial.token(OFFICE_CODE))
    sender = office.ctx.sync_sender_factory()()
    assert sender is not None and sender.run_once().error == ""
    page.refresh()
    shown = dict(
        zip(column_texts(page.model, 0), column_texts(page.model, sync_column), strict=True)
    )
    assert shown[counter.later.code] == SYNCED and shown[counter.overdue.code] == SYNCED
    assert texts.SYNC_NOT_RECEIVED in shown.values()  # the refused dossier has no code


def test_admin_enters_the_token_and_sending_starts(office, qtbot, monkeypatch, provincial):
    ctx = office.ctx
    bridge = SyncBridge(ctx)
    bridge.runner.idle_seconds = 0.2
    page = SyncPage(ctx, office.admin, bridge=bridge)
    qtbot.addWidget(page)
    page.refresh()
    assert texts.SYNC_NOT_CONFIGURED in page.headline.text()
    token = provincial.token(OFFICE_CODE)
    monkeypatch.setattr(sync_page.QInputDialog, "getText", lambda *a, **k: (token, True))
    bridge.start()
    try:
        page.ask_token()
        assert ctx.sync_status.token(office.admin) == token
        qtbot.waitUntil(lambda: ctx.sync_status.overview().last_success is not None, timeout=15000)
        page.refresh()
        assert page.headline.text().startswith(texts.SYNC_STATUS_OK)
        # The test's clock stands a week before the server's: the page warns about it.
        assert "Đồng hồ máy lệch" in page.headline.text()
    finally:
        bridge.stop()
    supervisor_page = SyncPage(ctx, office.supervisor)
    qtbot.addWidget(supervisor_page)
    assert not supervisor_page.token.isVisibleTo(supervisor_page)


def test_refused_token_shows_in_the_status_bar(office, qtbot, provincial):
    ctx = office.ctx
    ctx.sync_status.set_token(office.admin, "x" * 32)  # not a token the province issued
    sender = ctx.sync_sender_factory()()
    assert sender is not None and sender.run_once().paused
    indicator = SyncIndicator(ctx, None)
    qtbot.addWidget(indicator)
    qtbot.waitUntil(lambda: indicator.label.text() == texts.SYNC_STATUS_TOKEN, timeout=5000)
    assert indicator.label.property("role") == "warning"


def test_clerks_do_not_get_the_sync_page(office, qtbot):
    clerk_window = MainWindow(office.ctx, office.clerk)
    qtbot.addWidget(clerk_window)
    assert texts.PAGE_SYNC not in clerk_window.pages
    admin_window = MainWindow(office.ctx, office.admin)
    qtbot.addWidget(admin_window)
    assert texts.PAGE_SYNC in admin_window.pages
