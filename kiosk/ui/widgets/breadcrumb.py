"""Where a category sits in the menu, each level above it a tap away."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QWidget

from kiosk.ui.restyling import Restyling
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kinetic import scroll_with_finger


class Breadcrumb(Restyling, QScrollArea):
    """'Women › Tops › Jackets': every crumb but the last is tapped to go there."""

    crumb_tapped = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Breadcrumb")
        self._strip = QWidget(objectName="BreadcrumbStrip")
        self._layout = QHBoxLayout(self._strip)
        self._layout.setSpacing(0)
        scroll_with_finger(self, self._strip)
        self.restyle(theme)
        self.hide()

    def restyle(self, theme: Theme) -> None:
        self._layout.setContentsMargins(theme.spacing, 0, theme.spacing * 2, 0)
        self.setFixedHeight(theme.touch_target)

    def set_crumbs(self, crumbs: list[tuple[str, str]]) -> None:
        """(path, name) from the top of the menu down to this category."""
        while (item := self._layout.takeAt(0)) is not None:
            if item.widget() is not None:
                item.widget().deleteLater()
        for position, (path, name) in enumerate(crumbs):
            if position:
                self._layout.addWidget(QLabel("›", objectName="CrumbSeparator"))
            if position < len(crumbs) - 1:
                crumb = QPushButton(name.replace("&", "&&"), objectName="Crumb")
                crumb.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                crumb.clicked.connect(lambda _checked=False, path=path:
                                      self.crumb_tapped.emit(path))
            else:
                crumb = QLabel(name, objectName="CrumbCurrent")
            crumb.setAccessibleName(name)
            self._layout.addWidget(crumb)
        self._layout.addStretch()
        # A top-level category's only crumb would repeat its title.
        self.setVisible(len(crumbs) > 1)
