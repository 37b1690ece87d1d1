"""A row of chips: sub-categories, suggestions, filter values. Scrolled with the finger."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLayout, QPushButton, QScrollArea, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kinetic import enable_kinetic_scrolling


class ChipRow(QScrollArea):
    """One line of large buttons that scrolls sideways when it is wider than the screen.

    Chips are (key, label) pairs: `chosen` carries the key, so a translated label never
    leaks into the logic. With `checkable`, chosen chips stay marked (a tick as well as
    a colour, so the choice does not rely on colour alone) and `checked_keys` lists them.
    """

    chosen = Signal(str)

    def __init__(self, theme: Theme, *, checkable: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChipRow")
        self._checkable = checkable
        self._chips: dict[str, QPushButton] = {}
        self._labels: dict[str, str] = {}
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._strip = QWidget(objectName="ChipStrip")
        self._layout = QHBoxLayout(self._strip)
        self._layout.setContentsMargins(theme.spacing * 2, theme.spacing // 2,
                                        theme.spacing * 2, theme.spacing // 2)
        self._layout.setSpacing(theme.spacing)
        # The strip is as wide as its chips and scrolls: stretched to the row's width it
        # would squeeze a crowded row's chips to the style sheet's min-width, cutting words.
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        self._layout.addStretch()
        self.setWidget(self._strip)
        self.setFixedHeight(theme.touch_target + theme.spacing)
        enable_kinetic_scrolling(self.viewport())

    def set_chips(self, chips: list[tuple[str, str]], checked: set[str] = frozenset()) -> None:
        for chip in self._chips.values():
            chip.hide()             # at once: deleteLater() leaves it on screen a moment
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._chips.clear()
        self._labels = dict(chips)
        for key in self._labels:
            chip = QPushButton(objectName="Chip")
            chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            chip.setCheckable(self._checkable)
            chip.setChecked(key in checked)
            chip.clicked.connect(lambda _checked=False, key=key: self._on_clicked(key))
            self._layout.insertWidget(self._layout.count() - 1, chip)
            self._chips[key] = chip
            self._show_label(key)
        self.setVisible(bool(chips))

    def checked_keys(self) -> set[str]:
        return {key for key, chip in self._chips.items() if chip.isChecked()}

    def set_checked(self, keys: set[str]) -> None:
        for key, chip in self._chips.items():
            chip.setChecked(key in keys)
            self._show_label(key)

    def chip(self, key: str) -> QPushButton | None:
        return self._chips.get(key)

    def keys(self) -> list[str]:
        return list(self._chips)

    def _on_clicked(self, key: str) -> None:
        self._show_label(key)
        self.chosen.emit(key)

    def _show_label(self, key: str) -> None:
        chip, label = self._chips[key], self._labels[key]
        shown = label.replace("&", "&&")     # 'Bras & Tanks', not a shortcut on T
        chip.setText(f"✓ {shown}" if chip.isChecked() else shown)
        chip.setAccessibleName(label)
