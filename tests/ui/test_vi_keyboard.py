"""The on-screen Vietnamese keyboard: keys type into line edits, text boxes and labels."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from counter_app.domain import vi_typing as vt
from counter_app.ui.widgets.vi_keyboard import (
    BACKSPACE,
    CODE,
    SHIFT,
    SPACE,
    VietKeyboard,
)


@pytest.fixture
def keyboard(qtbot) -> VietKeyboard:
    board = VietKeyboard()
    qtbot.addWidget(board)
    board.resize(1000, 320)
    board.show()
    return board


def tap(board: VietKeyboard, *keys: str) -> None:
    """Tap keys by name: a word is spelled letter by letter, names of keys are tapped once."""
    for key in keys:
        if key in board.keys:
            board.keys[key].click()
        else:
            for letter in key:
                board.keys[" " if letter == " " else letter.lower()].click()


def test_a_name_typed_with_marks_and_tones_into_a_line_edit(keyboard, qtbot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    keyboard.set_target(edit)
    tap(keyboard, SHIFT, "nguyen", vt.CIRCUMFLEX, vt.NGA, SPACE, SHIFT, "dang", "đ", vt.BREVE)
    tap(keyboard, vt.NANG)
    assert edit.text() == "Nguyễn Đặng"


def test_a_comment_in_a_text_box(keyboard, qtbot) -> None:
    box = QPlainTextEdit()
    box.setReadOnly(True)  # the way the rating page uses it: only the keys write
    qtbot.addWidget(box)
    keyboard.set_target(box)
    seen: list[str] = []
    keyboard.typed.connect(seen.append)
    tap(keyboard, "phai", vt.HOI, SPACE, "cho", vt.HORN, vt.HUYEN, SPACE, "lau", vt.CIRCUMFLEX)
    assert box.toPlainText() == "phải chờ lâu"
    assert seen[-1] == "phải chờ lâu"


def test_the_tone_moves_as_letters_come_and_go(keyboard, qtbot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    keyboard.set_target(edit)
    tap(keyboard, "hoa", vt.HUYEN)
    assert edit.text() == "hòa"
    tap(keyboard, "n")
    assert edit.text() == "hoàn"
    tap(keyboard, BACKSPACE)
    assert edit.text() == "hòa"
    tap(keyboard, vt.HUYEN)
    assert edit.text() == "hoa"  # the same tone again takes it off


def test_shift_is_for_one_letter(keyboard, qtbot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    keyboard.set_target(edit)
    tap(keyboard, SHIFT)
    assert keyboard.keys["a"].text() == "A" and keyboard.keys[SHIFT].isChecked()
    tap(keyboard, "le", vt.CIRCUMFLEX)
    assert edit.text() == "Lê"
    assert keyboard.keys["a"].text() == "a" and not keyboard.keys[SHIFT].isChecked()


def test_the_d_key_turns_a_d_or_types_one(keyboard, qtbot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    keyboard.set_target(edit)
    tap(keyboard, "đ", "i")
    assert edit.text() == "đi"
    tap(keyboard, SPACE, "duong", "đ")
    assert edit.text() == "đi đuong"


def test_nothing_past_the_limit(qtbot) -> None:
    board = VietKeyboard(max_length=3)
    qtbot.addWidget(board)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    board.set_target(edit)
    tap(board, "abcd")
    assert edit.text() == "abc"


def test_keys_never_take_the_focus(keyboard) -> None:
    from PySide6.QtCore import Qt

    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in keyboard.keys.values())
    assert keyboard.keys[vt.SAC].text() == "á" and keyboard.keys[vt.HORN].text() == "ơ ư"


def test_the_code_layout_types_capitals_into_a_label(qtbot) -> None:
    board = VietKeyboard(CODE)
    qtbot.addWidget(board)
    shown = QLabel()
    board.set_target(shown)
    tap(board, "000.00.06.h56-261116-0001")
    assert shown.text() == "000.00.06.H56-261116-0001"
    assert SPACE not in board.keys and vt.SAC not in board.keys and SHIFT not in board.keys
    tap(board, BACKSPACE)
    assert shown.text() == "000.00.06.H56-261116-000"


def test_without_a_target_keys_do_nothing(keyboard) -> None:
    tap(keyboard, "abc", vt.SAC, BACKSPACE)
    assert keyboard.text() == ""
