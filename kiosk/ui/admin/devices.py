"""Devices: a scanner test (the last code read, and whether it is a valid code) and a
touch test grid whose cells light up where a finger lands."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from kiosk.core.barcodes import ScanKind, classify_scan
from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.parts import AdminPage
from kiosk.ui.widgets.text import show_text, wrapped_label

GRID_ROWS, GRID_COLUMNS = 6, 4
TICK = "✓"


class DevicesPage(AdminPage):
    def __init__(self, context: AdminContext) -> None:
        super().__init__(context)
        self.scan_title = QLabel(objectName="AdminSubheading")
        self.last_code = wrapped_label("AdminFigure")
        self.touch_title = wrapped_label("AdminSubheading")
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setSpacing(context.theme.spacing // 2)
        self.cells: list[QPushButton] = []
        self._clearing = False
        for index in range(GRID_ROWS * GRID_COLUMNS):
            cell = QPushButton(objectName="AdminTouchCell")
            cell.setCheckable(True)
            cell.setMinimumHeight(context.theme.touch_target)
            cell.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            cell.toggled.connect(lambda on, c=cell: self._mark(c, on))
            grid.addWidget(cell, index // GRID_COLUMNS, index % GRID_COLUMNS)
            self.cells.append(cell)
        for widget in (self.scan_title, self.last_code, self.touch_title, grid_box):
            self.body_layout.addWidget(widget)
        self.body_layout.addStretch()
        self.reset_button = self.button()
        self.reset_button.clicked.connect(self.reset_grid)
        self.code: str | None = None
        self.retranslate()

    def show_scan(self, code: str) -> None:
        self.code = code
        self._show_code()

    def reset_grid(self) -> None:
        self._clearing = True
        try:
            for cell in self.cells:
                cell.setChecked(False)
        finally:
            self._clearing = False

    @property
    def touched(self) -> int:
        return sum(cell.isChecked() for cell in self.cells)

    def _mark(self, cell: QPushButton, on: bool) -> None:
        if not on and not self._clearing:
            cell.setChecked(True)   # a second touch does not clear it: Reset does
            return
        self._name_cell(cell)

    def _name_cell(self, cell: QPushButton) -> None:
        index = self.cells.index(cell)
        row, column = index // GRID_COLUMNS + 1, index % GRID_COLUMNS + 1
        cell.setText(TICK if cell.isChecked() else "")
        state = self.tr("touched") if cell.isChecked() else self.tr("not touched")
        cell.setAccessibleName(self.tr("Cell %1, %2: %3").replace("%1", str(row)).replace(
            "%2", str(column)).replace("%3", state))

    def _show_code(self) -> None:
        if self.code is None:
            text = self.tr("Nothing scanned yet: scan any barcode now.")
        else:
            verdicts = {
                ScanKind.GTIN: self.tr("a valid EAN/UPC barcode"),
                ScanKind.INVALID_GTIN: self.tr("NOT valid: the check digit is wrong "
                                               "(a misread or a damaged label)"),
                ScanKind.SKU: self.tr("a product code (SKU)"),
                ScanKind.UNREADABLE: self.tr("NOT readable: check the scanner's keyboard "
                                             "layout"),
            }
            text = self.tr("Last code read: %1 — %2").replace("%1", self.code).replace(
                "%2", verdicts[classify_scan(self.code)])
        self.last_code.setText(text)
        self.last_code.setAccessibleName(text)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Devices"))
        self.scan_title.setText(self.tr("Scanner test"))
        self.touch_title.setText(self.tr("Touch test: touch every cell; each lights up "
                                         "with a tick"))
        show_text(self.reset_button, self.tr("Clear the grid"))
        for cell in self.cells:
            self._name_cell(cell)
        self._show_code()
