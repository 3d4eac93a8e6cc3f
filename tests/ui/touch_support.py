"""Touches, pinches, long presses and right clicks for the lock-down tests (no tests here)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit, QWidget


def open_menus() -> list[QWidget]:
    """Context menus or other pop-ups showing now."""
    menus = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    popup = QApplication.activePopupWidget()
    return menus + ([popup] if popup is not None and popup not in menus else [])


def close_menus() -> None:
    """Close any pop-up a failing test left open."""
    for menu in open_menus():
        menu.close()


def touch_screen() -> QPointingDevice:
    """A touch screen, as a kiosk has."""
    return QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)


def swipe(device: QPointingDevice, widget: QWidget, start: QPoint, end: QPoint) -> None:
    """One finger down at start, dragged to end in steps, lifted."""
    window = widget.window()
    a, b = widget.mapTo(window, start), widget.mapTo(window, end)
    QTest.touchEvent(window, device).press(0, a, window).commit()
    for step in range(1, 9):
        point = a + (b - a) * step / 8
        QTest.touchEvent(window, device).move(0, point, window).commit()
        QTest.qWait(5)
    QTest.touchEvent(window, device).release(0, b, window).commit()
    QApplication.processEvents()


def pinch(device: QPointingDevice, widget: QWidget, outward: bool) -> None:
    """Two fingers spreading apart (zoom in) or closing together (zoom out) over the centre."""
    window = widget.window()
    centre = widget.mapTo(window, widget.rect().center())
    near, far = 20, min(widget.width(), widget.height()) // 3
    spans = range(near, far, 20) if outward else range(far, near, -20)
    first = True
    for span in spans:
        left, right = centre - QPoint(span, 0), centre + QPoint(span, 0)
        sequence = QTest.touchEvent(window, device)
        if first:
            sequence.press(0, left, window).press(1, right, window).commit()
            first = False
        else:
            sequence.move(0, left, window).move(1, right, window).commit()
        QTest.qWait(5)
    sequence = QTest.touchEvent(window, device)
    sequence.release(0, left, window).release(1, right, window).commit()
    QApplication.processEvents()


def long_press(device: QPointingDevice, widget: QWidget, ms: int = 1200) -> None:
    """One finger held still on the widget's centre, then lifted."""
    window = widget.window()
    point = widget.mapTo(window, widget.rect().center())
    QTest.touchEvent(window, device).press(0, point, window).commit()
    QTest.qWait(ms)
    QTest.touchEvent(window, device).stationary(0).commit()
    QTest.touchEvent(window, device).release(0, point, window).commit()
    QApplication.processEvents()


def right_click(widget: QWidget) -> None:
    """A mouse's right button on the widget, through the window as the system sends it."""
    window = widget.window()
    point = widget.mapTo(window, widget.rect().center())
    QTest.mouseClick(
        window.windowHandle(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, point
    )
    QApplication.processEvents()


def menu_probe(parent: QWidget) -> QPlainTextEdit:
    """A read-only text box that would offer Copy / Select all, as a careless change might add."""
    probe = QPlainTextEdit("Ô trống", parent)
    probe.setReadOnly(True)
    probe.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
    probe.setGeometry(100, 100, 240, 120)
    probe.show()
    probe.raise_()
    return probe
