"""After a dissatisfied answer: what went wrong (a touch list), and an optional comment."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.rating import MAX_COMMENT
from counter_app.domain.text import normalize
from counter_app.ui import texts
from counter_app.ui.kiosk.style import nfc, px
from counter_app.ui.kiosk.widgets import label, restyle
from counter_app.ui.widgets.vi_keyboard import VietKeyboard

PREVIEW_CHARS = 60


class ReasonToggle(QPushButton):
    """A reason the citizen ticks; its words wrap (a QPushButton's own text never does)."""

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reason = nfc(reason)
        self.setObjectName("reason")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.reason)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.words = label(self.reason, "reasonText")
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.box = QHBoxLayout(self)
        self.box.addWidget(self.words, 1)
        self.toggled.connect(self._show)

    def _show(self, on: bool) -> None:
        self.words.setText(f"✓  {self.reason}" if on else self.reason)
        # A style rule cannot follow the button's :checked down to its label: rename it.
        restyle(self.words, "reasonTextOn" if on else "reasonText")

    def apply_scale(self, scale: float) -> None:
        """Margins for the screen."""
        self.box.setContentsMargins(px(16, scale), px(4, scale), px(16, scale), px(4, scale))


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(nfc(text))
    button.setObjectName(name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class ReasonPage(QStackedWidget):
    """The reasons and the buttons; the comment is written on a second view with the keyboard.

    `sent` carries (reasons, comment); `skipped` when the citizen gives none.
    """

    sent = Signal(tuple, str)
    skipped = Signal()
    touched = Signal()

    def __init__(self, reasons: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_view, self.write_view = QWidget(), QWidget()
        self.title = label(texts.RATING_REASON_TITLE, "question")
        self.reasons: list[ReasonToggle] = []
        self.grid = QGridLayout()
        for index, reason in enumerate(reasons):
            toggle = ReasonToggle(reason)
            toggle.toggled.connect(lambda _on: self.touched.emit())
            self.reasons.append(toggle)
            self.grid.addWidget(toggle, index // 2, index % 2)
        self.comment_button = _button(texts.RATING_COMMENT_ADD, "comment")
        self.comment_button.clicked.connect(self.open_comment)
        self.skip = _button(texts.RATING_SKIP, "skip")
        self.skip.clicked.connect(self._skip)
        self.send = _button(texts.RATING_SEND, "done")
        self.send.clicked.connect(self._send)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.skip)
        actions.addWidget(self.send)
        self.list_box = QVBoxLayout(self.list_view)
        self.list_box.addWidget(self.title)
        self.list_box.addLayout(self.grid, 1)
        self.list_box.addWidget(self.comment_button)
        self.list_box.addLayout(actions)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("commentBox")
        # Only the on-screen keyboard writes here: no physical keys, no menus, no paste.
        self.comment.setReadOnly(True)
        self.comment.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.comment.setPlaceholderText(texts.RATING_COMMENT_PLACEHOLDER)
        self.comment.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.count = label("", "count", wrap=False)
        self.keyboard = VietKeyboard(max_length=MAX_COMMENT)
        self.keyboard.set_target(self.comment)
        self.keyboard.typed.connect(self._typed)
        self.written = _button(texts.RATING_COMMENT_DONE, "done")
        self.written.clicked.connect(self.close_comment)
        top = QHBoxLayout()
        top.addWidget(label(texts.RATING_COMMENT_TITLE, "question"), 1)
        top.addWidget(self.count)
        top.addWidget(self.written)
        self.write_box = QVBoxLayout(self.write_view)
        self.write_box.addLayout(top)
        self.write_box.addWidget(self.comment, 1)
        self.write_box.addWidget(self.keyboard)
        self.addWidget(self.list_view)
        self.addWidget(self.write_view)

    def reset(self) -> None:
        """Nothing chosen, no comment, small letters, the list shown, the buttons ready."""
        for toggle in self.reasons:
            toggle.setChecked(False)
        self.comment.clear()
        self._typed("")
        if self.keyboard.shift:
            self.keyboard.toggle_shift()
        self.set_open(True)
        self.setCurrentWidget(self.list_view)

    def chosen(self) -> tuple[str, ...]:
        """The reasons ticked, in the offered order."""
        return tuple(t.reason for t in self.reasons if t.isChecked())

    def comment_text(self) -> str:
        """The comment as written, normalised."""
        return normalize(self.comment.toPlainText())

    def set_open(self, open_: bool) -> None:
        """The send and skip buttons answer, or (after one of them was tapped) not."""
        for widget in (self.send, self.skip, self.comment_button, *self.reasons):
            widget.setEnabled(open_)

    def open_comment(self) -> None:
        """The keyboard view."""
        self.setCurrentWidget(self.write_view)
        self.touched.emit()

    def close_comment(self) -> None:
        """Back to the reasons, the comment shown on its button."""
        self.setCurrentWidget(self.list_view)
        self.touched.emit()

    def _typed(self, text: str) -> None:
        self.count.setText(texts.RATING_COMMENT_COUNT.format(count=len(text), limit=MAX_COMMENT))
        shown = normalize(text)
        if len(shown) > PREVIEW_CHARS:
            shown = shown[: PREVIEW_CHARS - 1] + "…"
        self.comment_button.setText(
            texts.RATING_COMMENT_EDIT.format(comment=shown) if shown else texts.RATING_COMMENT_ADD
        )
        self.touched.emit()

    def _send(self) -> None:
        if self.send.isEnabled():
            self.set_open(False)  # at once: a second tap sends nothing more
            self.sent.emit(self.chosen(), self.comment_text())

    def _skip(self) -> None:
        if self.skip.isEnabled():
            self.set_open(False)
            self.skipped.emit()

    def apply_scale(self, scale: float) -> None:
        """Margins and spacing for the screen."""
        for box in (self.list_box, self.write_box):
            box.setContentsMargins(px(36, scale), px(16, scale), px(36, scale), px(16, scale))
            box.setSpacing(px(12, scale))
        self.grid.setSpacing(px(12, scale))
        for toggle in self.reasons:
            toggle.apply_scale(scale)
        self.comment.setMinimumHeight(px(70, scale))
        self.keyboard.apply_scale(scale)
