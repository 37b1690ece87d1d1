"""Chips for a product's options (sizes, colours) that wrap onto more lines, each telling
where its option can be had in words and in the shape of its border.

A row that scrolled sideways would hide the last sizes past the screen's edge in large
type, with nothing to say they are there: here every option is always in sight.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.core.product_page import Availability
from kiosk.ui.restyling import Restyling
from kiosk.ui.retranslating import Retranslating
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.flow import FlowLayout
from kiosk.ui.widgets.toggle import act_on_toggle


class _OptionChip(QPushButton):
    """A chip as large as its largest wording (each word for where it may be told,
    with or without the tick): when choosing a colour changes where each size is, or
    ticks a chip, no chip moves under a finger.

    The wordings are measured on `probe`, a hidden chip of the same style, since Qt's
    size for a text is not the text's width plus a constant.
    """

    def __init__(self, probe: QPushButton) -> None:
        super().__init__(objectName="Chip")
        self._probe = probe
        self.wordings: tuple[str, ...] = ()
        self._largest = QSize()
        self._measured_for: tuple = ()

    def sizeHint(self) -> QSize:
        measuring = (self.wordings, self.icon().cacheKey(), self.iconSize(), self.font())
        if measuring != self._measured_for:
            probe, self._largest = self._probe, QSize()
            probe.setIcon(self.icon())
            probe.setIconSize(self.iconSize())
            for text in self.wordings:
                probe.setText(text)
                self._largest = self._largest.expandedTo(probe.sizeHint())
            probe.setText("")         # found by no one looking for a chip's words
            self._measured_for = measuring
        return super().sizeHint().expandedTo(self._largest)


class OptionChips(Restyling, Retranslating, QWidget):
    """The options of one kind as checkable chips; `chosen` carries the option's key.

    Each chip reads '<option> · <where>': solid when it is on this store's shelves,
    dashed when only other stores have it, struck through when no store has it. Its
    accessible name says the same in a sentence. A ticked chip also shows a tick.
    """

    chosen = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OptionChips")
        self._chips: dict[str, _OptionChip] = {}
        self._checked: str | None = None       # the option chosen, as the screen says
        self._probe = QPushButton(self, objectName="Chip")
        self._probe.hide()
        self._labels: dict[str, str] = {}
        self._availability: dict[str, Availability] = {}
        self._may_become: dict[str, set[Availability]] = {}
        self._layout = FlowLayout(self)
        self.restyle(theme)

    def restyle(self, theme: Theme) -> None:
        self._layout.setSpacing(theme.spacing)
        self._layout.setContentsMargins(theme.spacing * 2, theme.spacing // 2,
                                        theme.spacing * 2, theme.spacing // 2)

    def set_chips(self, chips: list[tuple[str, str, Availability]],
                  checked: str | None = None,
                  may_become: dict[str, set[Availability]] | None = None) -> None:
        """(key, label, availability) for each option, in order. `may_become` names the
        other places an option may be told in after another choice: its chip keeps room
        for their words."""
        keys = [key for key, _, _ in chips]
        if keys != list(self._chips):
            self._make_chips(keys)
        self._labels = {key: label for key, label, _ in chips}
        self._availability = {key: availability for key, _, availability in chips}
        self._may_become = may_become or {}
        for key, chip in self._chips.items():
            chip.setProperty("availability", self._availability[key])
            chip.style().unpolish(chip)
            chip.style().polish(chip)
        self.set_checked(checked)
        self.setVisible(bool(chips))

    def set_checked(self, key: str | None) -> None:
        self._checked = key
        for each, chip in self._chips.items():
            chip.setChecked(each == key)
            self._show_label(each)
        self.updateGeometry()

    def checked_keys(self) -> set[str]:
        return {key for key, chip in self._chips.items() if chip.isChecked()}

    def chip(self, key: str) -> _OptionChip | None:
        return self._chips.get(key)

    def keys(self) -> list[str]:
        return list(self._chips)

    def retranslate(self) -> None:
        for key in self._chips:
            self._show_label(key)

    def _make_chips(self, keys: list[str]) -> None:
        for chip in self._chips.values():
            chip.hide()             # at once: deleteLater() leaves it on screen a moment
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._chips.clear()
        for key in keys:
            chip = _OptionChip(self._probe)
            chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            chip.setCheckable(True)
            # Turned by a tap or by an assistive technology's Toggle.
            act_on_toggle(chip, lambda key=key: key == self._checked,
                          lambda _on, key=key: self._on_turned(key))
            self._layout.addWidget(chip)
            self._chips[key] = chip

    def _on_turned(self, key: str) -> None:
        chip = self._chips[key]
        if not chip.isChecked():
            chip.setChecked(True)     # a second tap on the chosen one keeps it
        self.chosen.emit(key)

    def _show_label(self, key: str) -> None:
        chip, label = self._chips[key], self._labels.get(key, key)
        availability = self._availability.get(key, "here")
        words = {"here": self.tr("here"), "elsewhere": self.tr("other stores"),
                 "nowhere": self.tr("sold out")}
        shown = f"{label} · {words[availability]}".replace("&", "&&")  # '&' is no shortcut
        places = {availability, *self._may_become.get(key, ())}
        chip.wordings = tuple(prefix + f"{label} · {words[place]}".replace("&", "&&")
                              for place in sorted(places) for prefix in ("", "✓ "))
        chip.setText(f"✓ {shown}" if chip.isChecked() else shown)
        chip.setAccessibleName({
            "here": self.tr("{option}, in stock here"),
            "elsewhere": self.tr("{option}, only in other stores"),
            "nowhere": self.tr("{option}, sold out in every store"),
        }[availability].format(option=label))
