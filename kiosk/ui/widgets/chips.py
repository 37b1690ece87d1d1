"""Chips: sub-categories, suggestions, filter values, as large buttons. A row that the
finger scrolls sideways, or a flow that wraps onto as many lines as it needs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from kiosk.ui.restyling import Restyling
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.flow import FlowLayout
from kiosk.ui.widgets.kinetic import scroll_with_finger
from kiosk.ui.widgets.toggle import act_on_toggle


class _ChipSet:
    """What a row and a flow of chips share.

    Chips are (key, label) pairs: `chosen` carries the key, so a translated label never
    leaks into the logic. With `checkable`, chosen chips stay marked (a tick as well as
    a colour, so the choice does not rely on colour alone) and `checked_keys` lists them.
    """

    chosen: Signal
    _checkable: bool
    _chips: dict[str, QPushButton]
    _labels: dict[str, str]
    _checked: set[str]       # the keys chosen, which checkable chips show

    def _place(self, chip: QPushButton) -> None:
        raise NotImplementedError

    def _unplace(self, chip: QPushButton) -> None:
        raise NotImplementedError

    def set_chips(self, chips: list[tuple[str, str]], checked: set[str] = frozenset()) -> None:
        for chip in self._chips.values():
            chip.hide()             # at once: deleteLater() leaves it on screen a moment
            self._unplace(chip)
            chip.deleteLater()
        self._chips.clear()
        self._labels = dict(chips)
        self._checked = set(checked) & set(self._labels) if self._checkable else set()
        for key in self._labels:
            chip = QPushButton(objectName="Chip")
            chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            chip.setCheckable(self._checkable)
            chip.setChecked(key in self._checked)
            if self._checkable:
                # Turned by a tap or by an assistive technology's Toggle.
                act_on_toggle(chip, lambda key=key: key in self._checked,
                              lambda on, key=key: self._on_turned(key, on))
            else:
                chip.clicked.connect(lambda _checked=False, key=key: self._on_clicked(key))
            self._place(chip)
            chip.show()     # now, not at the layout's next turn: there as soon as it is named
            self._chips[key] = chip
            self._show_label(key)
        self.setVisible(bool(chips))

    def checked_keys(self) -> set[str]:
        return {key for key, chip in self._chips.items() if chip.isChecked()}

    def set_checked(self, keys: set[str]) -> None:
        self._checked = set(keys) & set(self._chips)
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

    def _on_turned(self, key: str, on: bool) -> None:
        if on:
            self._checked.add(key)
        else:
            self._checked.discard(key)
        self._on_clicked(key)

    def _show_label(self, key: str) -> None:
        chip, label = self._chips[key], self._labels[key]
        shown = label.replace("&", "&&")     # 'Bras & Tanks', not a shortcut on T
        chip.setText(f"✓ {shown}" if chip.isChecked() else shown)
        chip.setAccessibleName(label)


class ChipRow(Restyling, _ChipSet, QScrollArea):
    """One line of chips that scrolls sideways when it is wider than the screen."""

    chosen = Signal(str)

    def __init__(self, theme: Theme, *, checkable: bool = False,
                 parent: QWidget | None = None) -> None:
        QScrollArea.__init__(self, parent)
        self.setObjectName("ChipRow")
        self._checkable = checkable
        self._chips = {}
        self._labels = {}
        self._checked = set()
        self._strip = QWidget(objectName="ChipStrip")
        self._layout = QHBoxLayout(self._strip)
        # The strip is as wide as its chips and scrolls: stretched to the row's width it
        # would squeeze a crowded row's chips to the style sheet's min-width, cutting words.
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        self._layout.addStretch()
        scroll_with_finger(self, self._strip)
        self.restyle(theme)

    def restyle(self, theme: Theme) -> None:
        self._layout.setContentsMargins(theme.spacing * 2, theme.spacing // 2,
                                        theme.spacing * 2, theme.spacing // 2)
        self._layout.setSpacing(theme.spacing)
        self.setFixedHeight(theme.touch_target + theme.spacing)

    def _place(self, chip: QPushButton) -> None:
        self._layout.insertWidget(self._layout.count() - 1, chip)

    def _unplace(self, chip: QPushButton) -> None:
        self._layout.removeWidget(chip)


class ChipFlow(Restyling, _ChipSet, QWidget):
    """Chips on as many lines as the width needs: every one in view, none cut at the edge
    (a sheet of filter values, where a sideways scroll would hide some with no cue)."""

    chosen = Signal(str)

    def __init__(self, theme: Theme, *, checkable: bool = False,
                 parent: QWidget | None = None) -> None:
        QWidget.__init__(self, parent)
        self.setObjectName("ChipFlow")
        self._checkable = checkable
        self._chips = {}
        self._labels = {}
        self._checked = set()
        self._layout = FlowLayout(self)
        self.restyle(theme)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def restyle(self, theme: Theme) -> None:
        self._layout.setSpacing(theme.spacing)
        self._layout.setContentsMargins(theme.spacing * 2, theme.spacing // 2,
                                        theme.spacing * 2, theme.spacing // 2)

    def _place(self, chip: QPushButton) -> None:
        self._layout.addWidget(chip)

    def _unplace(self, chip: QPushButton) -> None:
        self._layout.removeWidget(chip)
