"""Export buttons of a report page: the save dialog, a percentage bar while the file is made."""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from counter_app.ui import errors, texts
from counter_app.ui.workers import Pool, TaskSignals, run_task
from printers.progress import Progress, part

log = logging.getLogger(__name__)

SUFFIXES = {"pdf": ".pdf", "xlsx": ".xlsx"}
FILTERS = {"pdf": "PDF (*.pdf)", "xlsx": "Excel (*.xlsx)"}
#: The share of the bar that making the bytes takes; writing the file takes the rest.
RENDER_SHARE = 0.95


class ExportFailed(RuntimeError):
    """The file could not be written; the message is for the user."""


@dataclass(frozen=True)
class ExportJob:
    """One file to make: the suggested name (no suffix), its kind, and how to render it."""

    name: str
    kind: str
    render: Callable[[Progress], bytes]


def with_suffix(path: Path, kind: str) -> Path:
    """The path ending in the kind's suffix (a name typed without it gets it)."""
    suffix = SUFFIXES[kind]
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def write_file(path: Path, data: bytes) -> Path:
    """Write the bytes; ExportFailed with a Vietnamese reason when the file cannot be."""
    try:
        path.write_bytes(data)
    except OSError as exc:
        log.warning("report export to %s failed: %s", path.suffix, exc.strerror or exc)
        if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EBUSY):
            # Windows refuses to overwrite a workbook that Excel has open: the usual case.
            raise ExportFailed(texts.RATINGS_EXPORT_LOCKED.format(name=path.name)) from exc
        code = errno.errorcode.get(exc.errno or 0, "")
        reason = texts.RATINGS_WRITE_REASONS.get(code) or exc.strerror or str(exc)
        raise ExportFailed(
            texts.RATINGS_EXPORT_FAILED.format(name=path.name, reason=reason)
        ) from exc
    return path


class _Moves(QObject):
    """Carries the worker's progress to the GUI thread (a queued signal)."""

    moved = Signal(int)


class ExportBar(QWidget):
    """Buttons that each export one file; while one runs, a bar shows how far it has gone."""

    exported = Signal(object)

    def __init__(
        self, pool: Pool | None = None, title: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.pool, self.title = pool, title or texts.EXPORT_SAVE_TITLE
        self.buttons: list[QPushButton] = []
        self._tasks: set[TaskSignals] = set()
        self._moves = _Moves(self)
        self.status = QLabel()
        self.status.setProperty("role", "subtle")
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setFormat("%p%")
        self.bar.setFixedWidth(140)
        self.bar.hide()
        self._moves.moved.connect(self.bar.setValue)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.status, 1)
        self.row.addWidget(self.bar)

    def add_button(
        self, text: str, job: Callable[[], ExportJob | None], primary: bool = False
    ) -> QPushButton:
        """A button that exports what `job` describes (None: nothing to export now)."""
        button = QPushButton(text)
        button.setProperty("primary", primary)
        button.clicked.connect(lambda: self.run(job()))
        self.row.addWidget(button)
        self.buttons.append(button)
        return button

    def ask_save_path(self, name: str, kind: str) -> Path | None:
        """The system save dialog in Documents, suggesting `name`; None when cancelled."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.title, str(Path(folder) / (name + SUFFIXES[kind])), FILTERS[kind]
        )
        return with_suffix(Path(chosen), kind) if chosen else None

    @property
    def running(self) -> bool:
        """Whether a file is being made now."""
        return bool(self._tasks)

    def run(self, job: ExportJob | None) -> None:
        """Ask where, then render and write on a worker; say where the file went."""
        if job is None or self.running:
            return
        path = self.ask_save_path(job.name, job.kind)
        if path is None:
            return
        moved = self._moves.moved
        render = job.render

        def percent(fraction: float) -> None:
            moved.emit(round(fraction * 100))

        def work() -> Path:
            written = write_file(path, render(part(percent, 0.0, RENDER_SHARE)))
            moved.emit(100)
            return written

        self._set_running(True)
        box: list[TaskSignals] = []
        finished = False

        def settle(handler: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(result: Any) -> None:
                nonlocal finished
                finished = True
                self._tasks.difference_update(box)
                self._set_running(False)
                handler(result)

            return call

        signals = run_task(self.pool, work, settle(self._done), settle(self._failed))
        if not finished:
            box.append(signals)
            self._tasks.add(signals)

    def _set_running(self, running: bool) -> None:
        for button in self.buttons:
            button.setEnabled(not running)
        self.bar.setVisible(running)
        if running:
            self.bar.setValue(0)
            self.status.setText(texts.RATINGS_EXPORTING)

    def _done(self, path: Path) -> None:
        message = texts.RATINGS_EXPORTED.format(path=path)
        self.status.setText(message)
        self.exported.emit(path)
        errors.show_info(self, message)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText("")
        if isinstance(exc, ExportFailed):
            errors.present(self, texts.ERROR_TITLE, str(exc))
        else:
            errors.show_error(self, exc)
