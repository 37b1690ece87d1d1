"""The admin panel: one page per task, chosen from a row of sections, over the shop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.config import KioskConfig
from kiosk.ui.admin.config_page import ConfigPage
from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.dead_letters import DeadLettersPage
from kiosk.ui.admin.devices import DevicesPage
from kiosk.ui.admin.log_page import LogPage
from kiosk.ui.admin.parts import AdminPage, touch_button
from kiosk.ui.admin.reservations_page import ReservationsPage
from kiosk.ui.admin.status_page import StatusPage
from kiosk.ui.admin.sync_page import SyncPage
from kiosk.ui.admin.today_page import TodayPage
from kiosk.ui.retranslating import Retranslating
from kiosk.ui.widgets.kinetic import scroll_with_finger
from kiosk.ui.widgets.text import show_text
from kiosk.ui.widgets.toggle import act_on_toggle

MAX_SECTION_COLUMNS = 4
# The sections' rows take at most this share of the panel's height; past it (the largest
# type) they stand in one row that the finger slides, and the page keeps the height.
MAX_SECTIONS_SHARE = 0.25


class AdminPanel(Retranslating, QWidget):
    close_requested = Signal()
    restart_requested = Signal()
    exit_requested = Signal()

    def __init__(self, context: AdminContext, apply_config: Callable[[KioskConfig], None],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("AdminPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.context = context
        theme = context.theme
        self.title = QLabel(objectName="AdminTitle")
        self.title.setWordWrap(True)     # it gives way, so the close button keeps its words
        self.close_button = self._button("AdminButton", self.close_requested)
        # Side by side; the close button under the title where both do not fit across.
        header = self._header = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        header.addWidget(self.title, 1)
        header.addWidget(self.close_button)

        self.status = StatusPage(context)
        self.dead_letters = DeadLettersPage(context)
        self.sync = SyncPage(context)
        self.today = TodayPage(context)
        self.devices = DevicesPage(context)
        self.config = ConfigPage(context, apply_config)
        self.log = LogPage(context)
        self.reservations = ReservationsPage(context)
        self.pages: list[AdminPage] = [self.status, self.dead_letters, self.sync, self.today,
                                       self.devices, self.config, self.log, self.reservations]
        self.stack = QStackedWidget()
        self._sections = sections = QGridLayout()
        sections.setSpacing(theme.spacing // 2)
        self._columns = 0
        self._section_strip = QScrollArea(objectName="AdminSectionStrip")
        strip = QWidget(objectName="AdminSectionRow")
        self._strip_row = QHBoxLayout(strip)
        self._strip_row.setContentsMargins(0, 0, 0, 0)
        self._strip_row.setSpacing(theme.spacing // 2)
        # As wide as its buttons, which keep their words: the finger slides it.
        self._strip_row.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        scroll_with_finger(self._section_strip, strip)
        self._section_strip.hide()
        self.section_buttons: list[QPushButton] = []
        self._group = QButtonGroup(self)
        for index, page in enumerate(self.pages):
            self.stack.addWidget(page)
            button = touch_button(theme, "AdminSection")
            button.setCheckable(True)
            self._group.addButton(button, index)
            self.section_buttons.append(button)
        for index, button in enumerate(self.section_buttons):
            # Turned by a tap or by an assistive technology's Toggle.
            act_on_toggle(button, lambda index=index: self.stack.currentIndex() == index,
                          lambda on, index=index: on and self.show_page(index))

        self.restart_button = self._button("AdminButton", self.restart_requested)
        self.exit_button = self._button("AdminDangerButton", self.exit_requested)
        footer = QHBoxLayout()
        footer.addWidget(self.restart_button)
        footer.addWidget(self.exit_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.spacing * 2, theme.spacing, theme.spacing * 2,
                                  theme.spacing)
        layout.setSpacing(theme.spacing)
        layout.addLayout(header)
        layout.addLayout(sections)
        layout.addWidget(self._section_strip)
        layout.addWidget(self.stack, 1)
        layout.addLayout(footer)
        self.retranslate()
        self._lay_out_sections()
        self.hide()

    def _lay_out_sections(self) -> None:
        """As many section buttons a row as their longest name allows at this width and
        type size: in large type on a portrait screen, four would cut their words."""
        for button in self.section_buttons:
            button.ensurePolished()      # the style sheet's type size, even before shown
        widest = max(button.sizeHint().width() for button in self.section_buttons)
        room = self.width() - 4 * self.context.theme.spacing
        self._header.setDirection(
            QBoxLayout.Direction.LeftToRight
            if self.title.sizeHint().width() + self._header.spacing()
            + self.close_button.sizeHint().width() <= room
            else QBoxLayout.Direction.TopToBottom)
        gap = self._sections.spacing()
        columns = max(1, min(MAX_SECTION_COLUMNS, (room + gap) // (widest + gap)))
        rows = -(-len(self.section_buttons) // columns)
        height = rows * self.section_buttons[0].sizeHint().height() + (rows - 1) * gap
        if height > self.height() * MAX_SECTIONS_SHARE:
            columns = 0                 # one row that slides
        if columns == self._columns:
            return
        self._columns = columns
        for button in self.section_buttons:
            self._sections.removeWidget(button)
            self._strip_row.removeWidget(button)
        for index, button in enumerate(self.section_buttons):
            if columns:
                self._sections.addWidget(button, index // columns, index % columns)
            else:
                self._strip_row.addWidget(button)
        self._section_strip.setFixedHeight(self.section_buttons[0].sizeHint().height())
        self._section_strip.setVisible(not columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out_sections()

    def _button(self, name: str, signal) -> QPushButton:
        button = touch_button(self.context.theme, name)
        button.clicked.connect(signal)
        return button

    def open(self) -> None:
        self.exit_button.setVisible(self.context.config().allow_exit_to_desktop)
        self.setGeometry(self.parentWidget().rect())
        self._lay_out_sections()         # now, not while a finger is on a section
        self.show()
        self.raise_()
        self.show_page(0)

    def show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)       # first: its button then shows it, no more
        self.section_buttons[index].setChecked(True)
        self.pages[index].refresh()

    def current_page(self) -> AdminPage:
        return self.pages[self.stack.currentIndex()]

    def retranslate(self) -> None:
        self.title.setText(self.tr("Admin mode"))
        self.title.setAccessibleName(self.title.text())
        names = [self.tr("Status"), self.tr("Dead letters"), self.tr("Sync"), self.tr("Today"),
                 self.tr("Devices"), self.tr("Config"), self.tr("Log"),
                 self.tr("Reservations")]
        for button, name in zip(self.section_buttons, names, strict=True):
            show_text(button, name)
        show_text(self.close_button, self.tr("Close admin mode"))
        show_text(self.restart_button, self.tr("Restart the app"))
        show_text(self.exit_button, self.tr("Leave to the desktop"))
        if self._columns:
            self._columns = 0           # the names changed length: lay out again
            self._lay_out_sections()
