"""`counter-app sync`: the provincial sender without a window (a station set aside for it)."""

from __future__ import annotations

import threading

from counter_app.app_context import AppContext
from counter_app.sync.runner import SyncRunner
from counter_app.sync.sender import SyncReport


def report_line(report: SyncReport) -> str:
    """One Vietnamese line about a round."""
    if report.not_holder:
        return "Một máy khác đang gửi; máy này chờ."
    if report.paused:
        return f"Tạm dừng: {report.error or 'tỉnh từ chối mã truy cập'}"
    parts = [
        f"đã gửi {report.sent}",
        f"trùng {report.duplicates}",
        f"tệp {report.files}",
        f"giữ lại {report.set_aside}",
        f"nhận về {report.pulled}",
    ]
    line = "Đồng bộ: " + ", ".join(parts)
    if report.reconciled:
        line += " (đã đối soát lại với tỉnh)"
    if report.error:
        line += f" — lỗi: {report.error}"
    if report.waiting_until is not None:
        line += f" — thử lại lúc {report.waiting_until:%H:%M:%S}"
    return line


def run_sync(ctx: AppContext, once: bool, stop: threading.Event | None = None) -> int:
    """Send now (once) or keep sending until interrupted; returns the exit code."""
    factory = ctx.sync_sender_factory()
    runner: SyncRunner | None = None
    if not ctx.settings.sync.url:
        print("Chưa cấu hình địa chỉ hệ thống tỉnh (mục [sync] url trong tệp cấu hình).")
        return 1
    try:
        if once:
            sender = factory()
            if sender is None:
                print("Chưa có mã truy cập do tỉnh cấp (counter-app admin sync-token).")
                return 1
            report = sender.run_once(now_please=True)
            print(report_line(report), flush=True)
            sender.stop()
            return 1 if report.error or report.paused else 0
        runner = SyncRunner(factory, ctx.clock, ctx.settings.sync.url, _print)
        runner.start()
        (stop or threading.Event()).wait()
        return 0
    except KeyboardInterrupt:
        return 130
    finally:
        if runner is not None:
            runner.stop()
        factory.close()


def _print(report: SyncReport) -> None:
    print(report_line(report), flush=True)
