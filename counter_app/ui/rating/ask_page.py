"""The question: who served the citizen, and one big coloured button per level of the scale."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from counter_app.domain.rating import RatingLevel, RatingScale
from counter_app.services.rating import RatingPrompt
from counter_app.ui import texts
from counter_app.ui.kiosk.style import nfc, px
from counter_app.ui.kiosk.widgets import label
from counter_app.ui.rating.faces import Face
from counter_app.ui.rating.style import LEVEL_COLOURS

CENTER = Qt.AlignmentFlag.AlignCenter


class LevelButton(QPushButton):
    """One answer: a drawn face over its words, in the level's colour."""

    def __init__(self, level: RatingLevel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = level
        self.setObjectName("level")
        self.setProperty("level", level.code)
        self.setProperty("chosen", False)
        self.setAccessibleName(nfc(level.label))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.face = Face(level.score, LEVEL_COLOURS[level.code])
        self.text_label = label(level.label, "levelText")
        self.text_label.setAlignment(CENTER)
        self.text_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.face, 3)
        self.box.addWidget(self.text_label, 2)

    def set_chosen(self, chosen: bool) -> None:
        """Keep this button's colour while the others grey out."""
        self.setProperty("chosen", chosen)
        self.style().unpolish(self)
        self.style().polish(self)

    def apply_scale(self, scale: float) -> None:
        """Margins and the smallest size of a touch target for the screen."""
        self.box.setContentsMargins(px(10, scale), px(14, scale), px(10, scale), px(10, scale))
        self.box.setSpacing(px(6, scale))
        self.setMinimumSize(px(150, scale), px(200, scale))


class AskPage(QWidget):
    """`chosen` carries the tapped level's code, once; `declined` when the citizen says no."""

    chosen = Signal(str)
    declined = Signal()

    def __init__(self, scale: RatingScale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        header = QWidget()
        header.setObjectName("header")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.counter = label("", "counterTitle")
        self.clerk = label("", "clerk")
        self.subject = label("", "subject")
        self.header_box = QVBoxLayout(header)
        for widget in (self.counter, self.clerk, self.subject):
            widget.setAlignment(CENTER)
            self.header_box.addWidget(widget)
        self.question = label(texts.RATING_QUESTION, "question")
        self.question.setAlignment(CENTER)
        self.buttons = [LevelButton(level) for level in scale.levels]
        self.row = QHBoxLayout()
        for button in self.buttons:
            button.clicked.connect(lambda _=False, b=button: self._tapped(b))
            self.row.addWidget(button, 1)
        self.note = label(texts.RATING_ANONYMOUS, "note")
        self.decline = QPushButton(texts.RATING_NO_ANSWER)
        self.decline.setObjectName("skip")
        self.decline.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.decline.clicked.connect(self._declined)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.decline)
        self.body = QVBoxLayout()
        self.body.addWidget(self.question)
        self.body.addLayout(self.row, 1)
        self.body.addLayout(bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addLayout(self.body, 1)

    def show_prompt(self, prompt: RatingPrompt) -> None:
        """Fill in the counter, the clerk and the service, and make every level tappable."""
        counter = texts.RATING_COUNTER.format(counter=prompt.counter) if prompt.counter else ""
        self.counter.setText(counter or texts.RATING_TITLE)
        name = prompt.clerk_name
        self.clerk.setText(
            texts.RATING_CLERK.format(name=name) if name else texts.RATING_CLERK_UNKNOWN
        )
        if prompt.ticket_label:
            subject = texts.RATING_TICKET.format(label=prompt.ticket_label)
        elif prompt.dossier_code:
            subject = texts.RATING_DOSSIER.format(code=prompt.dossier_code)
        else:
            subject = ""
        if prompt.procedure_name:
            subject = f"{subject} · {prompt.procedure_name}" if subject else prompt.procedure_name
        self.subject.setText(nfc(subject))
        self.subject.setVisible(bool(subject))
        self.set_open(True)

    def clear(self) -> None:
        """Nobody's service shown, no level chosen (between citizens)."""
        for widget in (self.counter, self.clerk, self.subject):
            widget.setText("")
        self.set_open(True)

    def set_open(self, open_: bool) -> None:
        """Every button answers (True), or none does (after the first tap)."""
        for button in (*self.buttons, self.decline):
            button.setEnabled(open_)
            if open_ and isinstance(button, LevelButton):
                button.set_chosen(False)

    def _tapped(self, button: LevelButton) -> None:
        if not button.isEnabled():
            return
        button.set_chosen(True)
        self.set_open(False)  # at once: a second tap finds nothing to press
        self.chosen.emit(button.level.code)

    def _declined(self) -> None:
        if self.decline.isEnabled():
            self.set_open(False)
            self.declined.emit()

    def apply_scale(self, scale: float) -> None:
        """Margins and spacing for the screen."""
        self.header_box.setContentsMargins(
            px(36, scale), px(12, scale), px(36, scale), px(12, scale)
        )
        self.header_box.setSpacing(px(2, scale))
        self.body.setContentsMargins(px(36, scale), px(16, scale), px(36, scale), px(18, scale))
        self.body.setSpacing(px(16, scale))
        self.row.setSpacing(px(18, scale))
        for button in self.buttons:
            button.apply_scale(scale)
