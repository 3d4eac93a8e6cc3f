"""Cycles are collected on the GUI thread from a timer, never by a worker thread."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject

from counter_app.ui.gc_guard import MainThreadCollector


class _Cycle(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.me = self


def test_collector_turns_automatic_collection_off_and_collects_on_its_timer(qtbot) -> None:
    gc.enable()  # the test session runs with it off (tests/conftest.py): start as Python does
    holder = QObject()
    try:
        collector = MainThreadCollector(holder, interval_ms=50)
        assert not gc.isenabled()
        assert collector.timer.isActive() and collector.timer.interval() == 50
        _Cycle()  # unreachable, freed only by the cycle collector
        qtbot.waitUntil(
            lambda: not any(isinstance(o, _Cycle) for o in gc.get_objects()), timeout=2000
        )
    finally:
        holder.deleteLater()
        gc.disable()
