"""Pieces the admin pages share: a list of figures, a page with a title and buttons, and
the one way a page says how what staff asked for went."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.admin.context import AdminContext
from kiosk.ui.retranslating import Retranslating
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.flow import FlowLayout
from kiosk.ui.widgets.text import show_text, wrapped_label


class Figures(QWidget):
    """Rows of "what: value", each readable by a screen reader as one sentence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(1, 1)
        self._labels: list[QLabel] = []

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        for label in self._labels:
            self._grid.removeWidget(label)
            label.hide()        # at once: deleteLater() leaves it on screen until then
            label.deleteLater()
        self._labels = []
        for index, (name, value) in enumerate(rows):
            left = QLabel(name, objectName="AdminFigureName")
            right = QLabel(value, objectName="AdminFigure")
            right.setWordWrap(True)
            right.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            left.setAccessibleName(f"{name}: {value}")
            right.setAccessibleName(f"{name}: {value}")
            self._grid.addWidget(left, index, 0, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(right, index, 1)
            self._labels += [left, right]

    def value(self, name: str) -> str:
        """The value shown for `name` (for tests and accessibility checks)."""
        for left, right in zip(self._labels[::2], self._labels[1::2], strict=True):
            if left.text() == name:
                return right.text()
        raise KeyError(name)


class AdminPage(Retranslating, QWidget):
    """A title, a scrolled body and a row of buttons at the bottom; its words are set in
    `retranslate()`."""

    def __init__(self, context: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.theme = theme = context.theme
        self.heading = wrapped_label("AdminHeading")
        self.body = QWidget(objectName="AdminBody")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.setSpacing(theme.spacing)
        scroll = QScrollArea(objectName="AdminScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll = scroll
        # On as many lines as they need: three side by side were cut at 2x upright.
        self.buttons = FlowLayout(spacing=theme.spacing)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.spacing)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addLayout(self.buttons)

    def button(self, name: str = "AdminButton") -> QPushButton:
        button = touch_button(self.theme, name)
        self.buttons.addWidget(button)
        return button

    def refresh(self) -> None:
        """Read the figures again (the page is being shown)."""


class FiguresPage(AdminPage):
    """A page of figures read on demand, with a Refresh button first in its row."""

    def __init__(self, context: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.figures = Figures()
        self.body_layout.addWidget(self.figures)
        self.body_layout.addStretch()
        self.refresh_button = self.button()
        self.refresh_button.clicked.connect(self.refresh)


def touch_button(theme: Theme, object_name: str) -> QPushButton:
    """A button a finger reaches: the touch target's height, and it takes no focus, so
    the field being typed in keeps it."""
    button = QPushButton(objectName=object_name)
    button.setMinimumHeight(theme.touch_target)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def say(label: QLabel, text: str) -> None:
    """How what staff asked for went: `label` comes into view with `text`, which a screen
    reader says."""
    show_text(label, text)
    label.show()
