"""The export bar: a save dialog, a percentage while the file is made, the outcome said."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from counter_app.ui.widgets.export_bar import ExportBar, ExportJob, with_suffix
from counter_app.ui.workers import InlinePool
from printers.progress import Progress, part, pdf_callback
from printers.reports.ratings_pdf import render_ratings_pdf
from printers.reports.ratings_xlsx import render_ratings_xlsx
from printers.reports.samples import ratings_report


def _bar(qtbot, pool=None) -> ExportBar:
    bar = ExportBar(pool or InlinePool())
    qtbot.addWidget(bar)
    return bar


def test_the_bar_climbs_with_the_render_and_ends_at_100(qtbot, tmp_path: Path, messages) -> None:
    bar = _bar(qtbot)
    seen: list[int] = []
    bar.bar.valueChanged.connect(seen.append)
    enabled_while_rendering: list[bool] = []

    def render(progress: Progress) -> bytes:
        for fraction in (0.25, 0.5, 1.0):
            enabled_while_rendering.append(button.isEnabled())
            progress(fraction)
        return b"%PDF-1.4 fake body"

    button = bar.add_button("Xuất PDF", lambda: ExportJob("bao-cao", "pdf", render))
    bar.ask_save_path = lambda name, kind: tmp_path / f"{name}.pdf"  # type: ignore[method-assign]
    button.click()
    assert seen == [0, 24, 48, 95, 100]
    assert enabled_while_rendering == [False, False, False]
    assert (tmp_path / "bao-cao.pdf").read_bytes() == b"%PDF-1.4 fake body"
    assert button.isEnabled() and bar.bar.isHidden()
    assert messages.texts()[-1] == f"Đã lưu báo cáo: {tmp_path / 'bao-cao.pdf'}"


def test_a_cancelled_dialog_or_no_job_does_nothing(qtbot, messages) -> None:
    bar = _bar(qtbot)
    rendered: list[str] = []
    bar.add_button("Xuất", lambda: ExportJob("x", "xlsx", lambda _p: rendered.append("x") or b""))
    bar.ask_save_path = lambda name, kind: None  # type: ignore[method-assign]
    bar.buttons[0].click()
    bar.run(None)
    assert rendered == [] and messages.texts() == []


def test_a_failing_render_is_reported_and_the_buttons_come_back(qtbot, tmp_path, messages) -> None:
    bar = _bar(qtbot)

    def render(_progress: Progress) -> bytes:
        raise RuntimeError("hỏng")

    bar.add_button("Xuất", lambda: ExportJob("x", "pdf", render))
    bar.ask_save_path = lambda name, kind: tmp_path / "x.pdf"  # type: ignore[method-assign]
    bar.buttons[0].click()
    assert messages.texts(), "the user is told"
    assert bar.buttons[0].isEnabled() and not (tmp_path / "x.pdf").exists()


def test_on_a_real_worker_thread_the_window_stays_free(qtbot, tmp_path: Path, messages) -> None:
    bar = _bar(qtbot, QThreadPool.globalInstance())
    data = ratings_report()
    bar.add_button("PDF", lambda: ExportJob("r", "pdf", lambda p: render_ratings_pdf(data, p)))
    bar.ask_save_path = lambda name, kind: tmp_path / "r.pdf"  # type: ignore[method-assign]
    seen: list[int] = []
    bar.bar.valueChanged.connect(seen.append)
    with qtbot.waitSignal(bar.exported, timeout=20_000):
        bar.buttons[0].click()
        assert bar.running and not bar.buttons[0].isEnabled()
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert seen[-1] == 100 and seen == sorted(seen) and len(seen) > 3


def test_renderers_tell_progress_up_to_the_end() -> None:
    data = ratings_report()
    for render in (render_ratings_pdf, render_ratings_xlsx):
        fractions: list[float] = []
        render(data, fractions.append)
        assert fractions == sorted(fractions) and 0 < fractions[-1] <= 1.0


def test_progress_parts_and_the_pdf_callback() -> None:
    told: list[float] = []
    step = part(told.append, 0.3, 0.9)
    step(0.0), step(0.5), step(2.0)
    assert told == pytest.approx([0.3, 0.6, 0.9])
    callback = pdf_callback(told.append)
    assert callback is not None and pdf_callback(None) is None
    callback("SIZE_EST", 4), callback("PROGRESS", 1), callback("FINISHED", 0)
    assert told[-2:] == [0.25, 1.0]


def test_a_name_typed_without_its_suffix_gets_it() -> None:
    assert with_suffix(Path("/d/bao-cao"), "xlsx") == Path("/d/bao-cao.xlsx")
    assert with_suffix(Path("/d/BAO.PDF"), "pdf") == Path("/d/BAO.PDF")
