"""In the clerk window the panel is always there and F5–F8 work whatever page has the focus."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget

from counter_app.domain.roles import Role
from counter_app.services.principal import Principal
from counter_app.ui.calling.panel import CallingPanel
from counter_app.ui.main_window import MainWindow
from counter_app.ui.workers import InlinePool

KIOSK = Principal(None, "kiosk", "Kiosk", Role.DEVICE, "K")


@pytest.fixture
def window(office, qtbot) -> Iterator[MainWindow]:
    office.ctx.queue.ensure_default_areas(office.admin)
    made = MainWindow(office.ctx, office.clerk)
    qtbot.addWidget(made)
    assert made.calling is not None
    made.calling.panel.pool = InlinePool()
    made.calling.panel.set_counter(2)
    made.resize(1366, 740)
    made.show()
    made.activateWindow()
    qtbot.waitExposed(made)
    yield made
    made.close()


def panel_of(window: MainWindow) -> CallingPanel:
    assert window.calling is not None
    return window.calling.panel


def press(window: MainWindow, key: Qt.Key) -> None:
    target = QApplication.focusWidget() or window
    QTest.keyClick(target, key)
    QApplication.processEvents()


def test_the_panel_is_docked_fixed_on_top(window: MainWindow) -> None:
    dock = window.calling
    assert dock is not None and dock.isVisible()
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.TopDockWidgetArea
    assert dock.features() == QDockWidget.DockWidgetFeature.NoDockWidgetFeatures
    panel = panel_of(window)
    assert panel.buttons["next"].toolTip().endswith("F5")
    assert panel.buttons["finish"].text() == "Xong (F8)"


def test_function_keys_call_recall_skip_and_finish(window: MainWindow, office) -> None:
    queue = office.ctx.queue
    area = queue.areas()[0]
    first = queue.issue(KIOSK, area.id)
    second = queue.issue(KIOSK, area.id)
    window.show_page("Danh mục thủ tục")  # any page: the keys belong to the window
    panel = panel_of(window)
    press(window, Qt.Key.Key_F5)
    assert panel.ticket.text() == "A001"
    press(window, Qt.Key.Key_F6)
    assert queue.current(2).call_count == 2
    press(window, Qt.Key.Key_F7)
    assert queue.find_scanned(first.qr_data).status == "no_show"
    press(window, Qt.Key.Key_F5)
    assert panel.ticket.text() == "A002"
    press(window, Qt.Key.Key_F8)
    assert queue.find_scanned(second.qr_data).status == "done"
    assert panel.ticket.text() == "—"


def test_window_close_stops_the_watcher(office, qtbot) -> None:
    window = MainWindow(office.ctx, office.clerk)
    qtbot.addWidget(window)
    window.show()
    panel = panel_of(window)
    assert panel.bridge.running
    window.close()
    assert not panel.bridge.running
