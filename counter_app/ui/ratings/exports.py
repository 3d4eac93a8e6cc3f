"""Saving a report file: where (a save dialog), writing it, and what to say when it fails."""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from counter_app.services.rating_reports import Period
from counter_app.ui import texts

log = logging.getLogger(__name__)

SUFFIXES = {"pdf": ".pdf", "xlsx": ".xlsx"}
FILTERS = {"pdf": "PDF (*.pdf)", "xlsx": "Excel (*.xlsx)"}


class ExportFailed(RuntimeError):
    """The file could not be written; the message is for the user."""


def suggested_name(period: Period, kind: str) -> str:
    """E.g. "Bao-cao-hai-long_20261101-20261130.xlsx"."""
    return texts.RATINGS_FILE_NAME.format(start=period.start, end=period.end) + SUFFIXES[kind]


def ask_save_path(parent: QWidget, period: Period, kind: str) -> Path | None:
    """The system save dialog, in the Documents folder; None when cancelled."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = str(Path(folder) / suggested_name(period, kind))
    name, _ = QFileDialog.getSaveFileName(
        parent, texts.RATINGS_SAVE_TITLE, suggested, FILTERS[kind]
    )
    if not name:
        return None
    path = Path(name)
    return (
        path
        if path.suffix.lower() == SUFFIXES[kind]
        else path.with_name(path.name + SUFFIXES[kind])
    )


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
