"""A combo box whose items are found by typing part of the name, with or without accents."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from counter_app.domain.text import fold

MAX_MATCHES = 60


class SearchCombo(QComboBox):
    """Editable combo of (name, code) items with an accent-insensitive completer."""

    picked = Signal(object)  # the chosen code, or None when nothing valid is chosen

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.lineEdit().setPlaceholderText(placeholder)
        self._folded: list[str] = []
        self._last: object = None
        self.matches = QStringListModel(self)
        self._completer = QCompleter(self.matches, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(12)
        self.lineEdit().setCompleter(self._completer)
        self._completer.activated[str].connect(self.choose_text)
        self.lineEdit().textEdited.connect(self._filter)
        self.lineEdit().editingFinished.connect(self._settle)
        self.currentIndexChanged.connect(self._announce)

    def set_items(self, items: Iterable[tuple[str, str]]) -> None:
        """Replace the items by (name, code) pairs; nothing is selected afterwards."""
        self.blockSignals(True)
        self.clear()
        self._folded = []
        for name, code in items:
            self.addItem(name, code)
            self._folded.append(fold(name))
        self.setCurrentIndex(-1)
        self.setEditText("")
        self.blockSignals(False)
        self._announce()

    def match_names(self, text: str) -> list[str]:
        """Names containing the typed text (accents ignored), word starts first."""
        key = fold(text)
        if not key:
            return [self.itemText(i) for i in range(self.count())][:MAX_MATCHES]
        starts, inside = [], []
        for i, folded in enumerate(self._folded):
            pos = folded.find(key)
            if pos == 0 or (pos > 0 and folded[pos - 1] == " "):
                starts.append(self.itemText(i))
            elif pos > 0:
                inside.append(self.itemText(i))
        return (starts + inside)[:MAX_MATCHES]

    def _filter(self, text: str) -> None:
        self.matches.setStringList(self.match_names(text))
        if self.matches.rowCount() and self.lineEdit().hasFocus():
            self._completer.complete()
        if self.currentIndex() >= 0 and text != self.itemText(self.currentIndex()):
            self.setCurrentIndex(-1)
            self.setEditText(text)

    def choose_text(self, text: str) -> None:
        """Select the item with exactly this name (what the completer does on Enter or click)."""
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            self.setCurrentIndex(index)

    def _settle(self) -> None:
        """On leaving the field, accept the typed text if it names exactly one item."""
        if self.currentIndex() >= 0:
            return
        names = self.match_names(self.currentText())
        exact = [n for n in names if fold(n) == fold(self.currentText())]
        if len(exact) == 1 or (len(names) == 1 and fold(self.currentText())):
            self.choose_text((exact or names)[0])

    def selected_code(self) -> str | None:
        """The code of the selected item, or None."""
        index = self.currentIndex()
        if index < 0 or self.currentText() != self.itemText(index):
            return None
        return str(self.itemData(index))

    def select_code(self, code: str) -> None:
        """Select the item with this code, if present."""
        self.setCurrentIndex(self.findData(code))

    def _announce(self, *_: object) -> None:
        code = self.selected_code()
        if code != self._last:
            self._last = code
            self.picked.emit(code)
