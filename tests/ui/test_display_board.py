"""The display board on a real queue: late start, live calls within a second, voice, notice,
waiting counts, the outage banner and the clock."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from conftest import Office
from sqlalchemy.exc import OperationalError

from counter_app.app_context import AppContext
from counter_app.clock import FrozenClock
from counter_app.domain.roles import Role
from counter_app.services.principal import Principal
from counter_app.services.queue_models import AreaInfo
from counter_app.ui import texts
from counter_app.ui.app_setup import load_app_font
from counter_app.ui.display.board import BoardWindow
from counter_app.ui.workers import InlinePool

KIOSK = Principal(None, "kiosk", "Kiosk", Role.DEVICE, "K")


class RecordingSpeaker:
    """Remembers what the board asked it to say."""

    def __init__(self) -> None:
        self.said: list[tuple[str, int]] = []

    def say_call(self, label: str, counter: int) -> None:
        self.said.append((label, counter))


@dataclass
class Hall:
    ctx: AppContext
    office: Office
    areas: dict[str, AreaInfo]

    def issue(self, prefix: str = "A") -> str:
        return self.ctx.queue.issue(KIOSK, self.areas[prefix].id).label

    def call(self, counter: int) -> str:
        ticket = self.ctx.queue.call_next(self.office.clerk, counter)
        assert ticket is not None
        return ticket.label


@pytest.fixture
def hall(office: Office) -> Hall:
    areas = office.ctx.queue.ensure_default_areas(office.admin)
    return Hall(office.ctx, office, {a.prefix: a for a in areas})


@pytest.fixture
def speaker() -> RecordingSpeaker:
    return RecordingSpeaker()


@pytest.fixture
def make_board(hall: Hall, speaker: RecordingSpeaker, qtbot) -> Iterator:  # type: ignore[no-untyped-def]
    boards: list[BoardWindow] = []

    def make(start: bool = True) -> BoardWindow:
        board = BoardWindow(hall.ctx, speaker, pool=InlinePool(), poll_seconds=0.05)
        qtbot.addWidget(board)
        board.resize(1920, 1080)
        board.show()
        boards.append(board)
        if start:
            board.start()
        return board

    yield make
    for board in boards:
        board.stop()


def serving(board: BoardWindow) -> dict[int, str]:
    return {n: tile.label for n, tile in board.grid.tiles.items()}


def test_a_board_started_late_shows_the_present(hall, make_board, speaker):
    hall.issue("A"), hall.issue("A"), hall.issue("B")
    first = hall.call(2)
    second = hall.call(1)
    board = make_board()
    assert list(board.grid.tiles) == [1, 2, 3]
    assert serving(board) == {1: second, 2: first, 3: ""}
    assert board.grid.tiles[3].shown_number() == texts.NONE
    assert board.side.recent_texts() == [f"{second} → Quầy 1", f"{first} → Quầy 2"]
    assert speaker.said == []  # what happened before the board started is not announced
    assert board.header.office.text() == hall.ctx.office.require().name


def test_a_call_shows_within_a_second_and_is_spoken(hall, make_board, speaker, qtbot):
    board = make_board()
    label = hall.issue("A")
    time.sleep(0.1)  # the watcher is polling now
    clicked = time.monotonic()
    hall.call(2)
    qtbot.waitUntil(lambda: serving(board)[2] == label and bool(speaker.said), timeout=1000)
    assert time.monotonic() - clicked < 1.0
    assert speaker.said == [(label, 2)]
    assert board.grid.flashing == 2 and board.grid.tiles[2].newest
    assert board.side.recent_texts()[0] == f"{label} → Quầy 2"


def test_a_recall_speaks_again_and_blinks_again(hall, make_board, speaker, qtbot):
    board = make_board()
    label = hall.issue("C")
    hall.call(3)
    qtbot.waitUntil(lambda: speaker.said == [(label, 3)], timeout=1000)
    board.grid.highlight(1)  # pretend another counter called meanwhile
    hall.ctx.queue.recall(hall.office.clerk, 3)
    qtbot.waitUntil(lambda: speaker.said == [(label, 3), (label, 3)], timeout=1000)
    assert board.grid.flashing == 3
    assert board.side.recent_texts() == [f"{label} → Quầy 3"]  # one line per number


def test_the_tile_blinks_then_stays_outlined(hall, make_board, qtbot, monkeypatch):
    from counter_app.ui.display import style

    monkeypatch.setattr(style, "FLASH_SECONDS", 1)
    board = make_board()
    board.grid.blink.setInterval(50)
    hall.issue("A")
    hall.call(1)
    qtbot.waitUntil(lambda: board.grid.flashing == 1, timeout=1000)
    tile = board.grid.tiles[1]
    seen = set()
    qtbot.waitUntil(lambda: seen.add(tile.flash) or seen == {True, False}, timeout=1000)
    qtbot.waitUntil(lambda: board.grid.flashing is None, timeout=2000)
    assert not tile.flash and tile.newest


def test_finishing_or_skipping_clears_the_tile(hall, make_board, qtbot):
    board = make_board()
    hall.issue("A"), hall.issue("A")
    hall.call(1)
    hall.call(2)
    qtbot.waitUntil(lambda: all(serving(board)[n] for n in (1, 2)), timeout=1000)
    hall.ctx.queue.finish(hall.office.clerk, 1)
    hall.ctx.queue.skip(hall.office.clerk, 2)
    qtbot.waitUntil(lambda: serving(board) == {1: "", 2: "", 3: ""}, timeout=1000)


def test_waiting_counts_per_area(hall, make_board, qtbot):
    hall.issue("A"), hall.issue("A")
    board = make_board()
    assert board.side.waiting_texts()["Hộ tịch"] == "2"
    assert board.side.waiting_texts()["Chứng thực"] == "0"
    hall.issue("B")
    hall.issue("A")
    qtbot.waitUntil(lambda: board.side.waiting_texts()["Chứng thực"] == "1", timeout=1000)
    assert board.side.waiting_texts()["Hộ tịch"] == "3"
    hall.call(1)  # takes the oldest: an A
    qtbot.waitUntil(lambda: board.side.waiting_texts()["Hộ tịch"] == "2", timeout=1500)


def test_the_notice_appears_scrolls_and_goes(hall, make_board, qtbot):
    board = make_board()
    assert not board.ticker.isVisible()
    notice = "Từ ngày 01/12/2026, Bộ phận Một cửa làm việc cả sáng thứ Bảy."
    hall.ctx.queue.set_notice(hall.office.admin, notice)
    qtbot.waitUntil(lambda: board.ticker.isVisible(), timeout=1000)
    assert board.ticker.notice == notice
    start = board.ticker.offset
    qtbot.waitUntil(lambda: board.ticker.offset < start - 20, timeout=1000)
    hall.ctx.queue.set_notice(hall.office.admin, "")
    qtbot.waitUntil(lambda: not board.ticker.isVisible(), timeout=1000)


def test_the_outage_banner_follows_the_watcher_status(hall, make_board, qtbot):
    board = make_board()
    assert not board.banner.isVisible()
    board.bridge.status.emit(False, "Không kết nối được tới máy chủ cơ sở dữ liệu.")
    qtbot.waitUntil(lambda: board.banner.isVisible(), timeout=1000)
    assert board.banner.text() == texts.DISPLAY_OFFLINE
    label = hall.issue("A")
    hall.call(2)
    board.bridge.status.emit(True, "")
    qtbot.waitUntil(lambda: not board.banner.isVisible(), timeout=1000)
    qtbot.waitUntil(lambda: serving(board)[2] == label, timeout=1000)


def test_a_real_outage_shows_the_banner_then_catches_up(
    hall, make_board, speaker, qtbot, monkeypatch
):
    board = make_board()
    real = hall.ctx.queue.events_after
    down = {"now": True}

    def events_after(last_id: int, limit: int = 200):  # type: ignore[no-untyped-def]
        if down["now"]:
            raise OperationalError("SELECT", {}, Exception("server closed the connection"))
        return real(last_id, limit)

    monkeypatch.setattr(hall.ctx.queue, "events_after", events_after)
    qtbot.waitUntil(lambda: board.banner.isVisible(), timeout=2000)
    hall.issue("A"), hall.issue("A"), hall.issue("B")
    hall.call(1)  # finished by the next call: old news when the board is back
    second = hall.call(1)
    third = hall.call(2)
    hall.ctx.queue.finish(hall.office.clerk, 2)
    down["now"] = False
    qtbot.waitUntil(lambda: not board.banner.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: serving(board) == {1: second, 2: "", 3: ""}, timeout=1000)
    assert board.side.recent_texts()[:2] == [f"{third} → Quầy 2", f"{second} → Quầy 1"]
    assert speaker.said == [(second, 1)]  # only the citizen still awaited is called again


def test_a_failing_speaker_does_not_stop_the_board(hall, make_board, speaker, qtbot):
    board = make_board()

    def broken(label: str, counter: int) -> None:
        raise RuntimeError("no audio device")

    speaker.say_call = broken  # type: ignore[method-assign]
    label = hall.issue("A")
    hall.call(2)
    qtbot.waitUntil(lambda: serving(board)[2] == label, timeout=1000)


def test_the_clock_ticks(hall, make_board, clock: FrozenClock, qtbot):
    board = make_board()
    assert board.header.time.text() == "09:30:00"
    assert board.header.date.text() == "Thứ Hai, 16/11/2026"
    clock.advance(seconds=1)
    qtbot.waitUntil(lambda: board.header.time.text() == "09:30:01", timeout=1000)


def test_a_new_day_clears_the_board(hall, make_board, clock: FrozenClock, qtbot):
    board = make_board()
    hall.issue("A")
    hall.call(1)
    qtbot.waitUntil(lambda: serving(board)[1] != "", timeout=1000)
    clock.advance(days=1)
    qtbot.waitUntil(lambda: serving(board)[1] == "", timeout=1000)
    assert board.side.recent_texts() == []
    assert board.header.date.text() == "Thứ Ba, 17/11/2026"


def test_the_board_draws_with_the_bundled_font(hall, make_board, qapp):
    family = load_app_font(qapp)
    board = make_board()
    assert family and "DejaVu Sans" in family
    assert board.header.office.drawn_font().family() == family
    board.grab()  # paints every part without error


def test_escape_closes_the_board(hall, make_board, qtbot):
    from PySide6.QtCore import Qt

    board = make_board()
    board.activateWindow()
    with qtbot.waitSignal(board.closed, timeout=1000):
        qtbot.keyClick(board, Qt.Key.Key_Escape)
    assert board.bridge.watcher is None


def test_a_board_started_late_reads_the_configured_number_of_calls(hall, make_board, monkeypatch):
    import dataclasses

    settings = hall.ctx.settings
    display = dataclasses.replace(settings.display, recent_calls=3)
    hall.ctx.settings = dataclasses.replace(settings, display=display)
    asked: list[int] = []
    real = hall.ctx.queue.board

    def board_of(recent: int):  # type: ignore[no-untyped-def]
        asked.append(recent)
        return real(recent)

    monkeypatch.setattr(hall.ctx.queue, "board", board_of)
    for _ in range(5):
        hall.issue("A")
    labels = [hall.call(counter) for counter in (1, 2, 3, 1)]
    hall.ctx.queue.recall(hall.office.clerk, 2)  # a recall takes no second line
    board = make_board()
    assert asked == [3]
    assert board.side.recent_texts() == [
        f"{labels[1]} → Quầy 2",
        f"{labels[3]} → Quầy 1",
        f"{labels[2]} → Quầy 3",
    ]
    board.on_status(True, "")  # a refresh reads as many
    assert asked == [3, 3]
