"""A touch keyboard for Vietnamese: big keys, vowel-mark and tone keys, digits.

Typing works the way people write by hand: the letters first, then the marks (â ê ô, ă, ơ ư,
đ) and the tone (á à ả ã ạ), which land on the right vowel of the word being typed
(counter_app.domain.vi_typing). A touch keyboard has no cursor keys, so it always writes at
the end of the text. The "code" layout types a dossier code: capitals, digits, "." and "-".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from counter_app.domain import vi_typing as vt
from counter_app.ui import texts

TEXT = "text"
CODE = "code"
SHIFT = "shift"
SPACE = "space"
BACKSPACE = "backspace"
#: Columns of the grid: a letter key is two wide, so rows can be offset by half a key.
COLUMNS = 22

_MARK_KEYS = ((vt.CIRCUMFLEX, "â ê ô", 3), (vt.BREVE, "ă", 2), (vt.HORN, "ơ ư", 3))
_TONE_KEYS = ((vt.SAC, "á"), (vt.HUYEN, "à"), (vt.HOI, "ả"), (vt.NGA, "ã"), (vt.NANG, "ạ"))


class TextHolder(Protocol):
    """Anything showing a text the keyboard may replace (a QLabel, a QLineEdit…)."""

    def text(self) -> str:
        """The current text."""
        ...

    def setText(self, text: str, /) -> None:
        """Replace the text."""
        ...


Target = QPlainTextEdit | QLineEdit | TextHolder


class VietKeyboard(QWidget):
    """Types into its target; `typed` carries the whole text after every key."""

    typed = Signal(str)

    def __init__(
        self, mode: str = TEXT, max_length: int = 500, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.mode, self.max_length = mode, max_length
        self.target: Target | None = None
        self.shift = False
        self.keys: dict[str, QPushButton] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        for column in range(COLUMNS):
            self.grid.setColumnStretch(column, 1)
        if mode == CODE:
            self._build_code()
        else:
            self._build_text()

    # --- layout ---
    def _key(self, row: int, column: int, span: int, name: str, text: str, kind: str) -> int:
        button = QPushButton(text)
        button.setObjectName(kind)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the target keeps the focus
        button.setMinimumWidth(1)
        button.setAccessibleName(text)
        self.keys[name] = button
        self.grid.addWidget(button, row, column, 1, span)
        return column + span

    def _letters(self, row: int, column: int, letters: str, upper: bool) -> int:
        for letter in letters:
            shown = letter.upper() if upper else letter
            column = self._key(row, column, 2, letter, shown, "key")
            self.keys[letter].clicked.connect(lambda _=False, k=letter: self.press(k))
        return column

    def _special(self, row: int, column: int, span: int, name: str, text: str) -> int:
        return self._key(row, column, span, name, text, "keyWide")

    def _build_text(self) -> None:
        end = self._letters(0, 0, "1234567890", False)
        self._special(0, end, 2, BACKSPACE, "⌫")
        self._letters(1, 1, "qwertyuiop", False)
        end = self._letters(2, 1, "asdfghjkl", False)
        self._key(2, end, 2, "đ", "đ", "keyMark")
        self.keys["đ"].clicked.connect(lambda: self.press_mark(vt.STROKE))
        end = self._special(3, 0, 4, SHIFT, "⇧")
        self.keys[SHIFT].setCheckable(True)
        self.keys[SHIFT].clicked.connect(self.toggle_shift)
        self._letters(3, self._letters(3, end, "zxcvbnm", False), ",.", False)
        column = 0
        for mark, text, span in _MARK_KEYS:
            column = self._key(4, column, span, mark, text, "keyMark")
            self.keys[mark].clicked.connect(lambda _=False, m=mark: self.press_mark(m))
        for tone, text in _TONE_KEYS:
            column = self._key(4, column, 2, tone, text, "keyTone")
            self.keys[tone].clicked.connect(lambda _=False, t=tone: self.press_tone(t))
        self._special(4, column, COLUMNS - column, SPACE, texts.KEYBOARD_SPACE)
        self.keys[SPACE].clicked.connect(lambda: self.press(" "))
        self.keys[BACKSPACE].clicked.connect(self.backspace)
        self.keys[BACKSPACE].setAutoRepeat(True)

    def _build_code(self) -> None:
        end = self._letters(0, 0, "1234567890", False)
        self._special(0, end, 2, BACKSPACE, "⌫")
        self.keys[BACKSPACE].clicked.connect(self.backspace)
        self._letters(1, 1, "qwertyuiop", True)
        self._letters(2, 2, "asdfghjkl", True)
        self._letters(3, self._letters(3, 2, "zxcvbnm", True), ".-", False)

    # --- typing ---
    def set_target(self, target: Target | None) -> None:
        """Where the keys type from now on."""
        self.target = target

    def text(self) -> str:
        """The target's text ("" without a target)."""
        target = self.target
        if target is None:
            return ""
        if isinstance(target, QPlainTextEdit):
            return target.toPlainText()
        return target.text()

    def _set(self, text: str) -> None:
        target = self.target
        if target is None:
            return
        text = vt.nfc(text)[: self.max_length]
        if isinstance(target, QPlainTextEdit):
            target.setPlainText(text)
            target.moveCursor(QTextCursor.MoveOperation.End)
        else:
            target.setText(text)
        self.typed.emit(text)

    def _change(self, edit: Callable[[str], str]) -> None:
        before = self.text()
        after = edit(before)
        if after != before and len(vt.nfc(after)) <= self.max_length:
            self._set(after)

    def press(self, key: str) -> None:
        """A letter, digit, space or sign (a letter in capitals after shift, or in a code)."""
        upper = self.mode == CODE or self.shift
        letter = key.upper() if upper and key.isalpha() else key
        self._change(lambda text: vt.type_letter(text, letter))
        if self.shift and key.isalpha():
            self.toggle_shift()

    def press_mark(self, mark: str) -> None:
        """A mark key: the current word marked; đ alone when there is no d to turn."""
        before = self.text()
        after = vt.type_mark(before, mark)
        if after == before and mark == vt.STROKE:
            self.press("đ")
        else:
            self._change(lambda _: after)

    def press_tone(self, tone: str) -> None:
        """A tone key: on the current word's vowel, or off when it is there already."""
        self._change(lambda text: vt.type_tone(text, tone))

    def backspace(self) -> None:
        """Remove the last letter; a tone left in the word moves to where it belongs."""
        text = vt.nfc(self.text())
        if text:
            head, word = vt.last_word(text[:-1])
            self._set(head + vt.retone(word))

    def toggle_shift(self) -> None:
        """Capital for the next letter (or back to small letters)."""
        self.shift = not self.shift
        shift = self.keys.get(SHIFT)
        if shift is not None:
            shift.setChecked(self.shift)
        for key, button in self.keys.items():
            if len(key) == 1 and key.isalpha():
                button.setText(key.upper() if self.shift else key)

    def apply_scale(self, scale: float) -> None:
        """Gaps between keys for the screen (key sizes come from the style sheet)."""
        gap = max(3, round(8 * scale))
        self.grid.setHorizontalSpacing(gap)
        self.grid.setVerticalSpacing(gap)
