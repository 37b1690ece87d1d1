"""Two or three products side by side, with what differs between them marked.

Each row of the comparison has its name on a line of its own across the table and the
products' values below it, one column each: on a tall screen every column keeps the
whole width for its value. Rows that differ get a band, a bar and a "≠" before their
name, so the difference does not rest on colour alone.

A sync that changes a compared product (its price, its sizes, what it is made of) writes
the new figures into the table where it stands: the shopper stays where they scrolled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.catalog_change import CatalogChange
from kiosk.core.compare import CellValue, CompareRow, compare_rows
from kiosk.core.product_page import ProductPage, load_product
from kiosk.ui.formatting import Formatter
from kiosk.ui.restyling import Restyling
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.compare_tray import TapArea
from kiosk.ui.widgets.kinetic import finger_scroll_area
from kiosk.ui.widgets.picture import Picture
from kiosk.ui.widgets.status_pane import StatusPane
from kiosk.ui.widgets.text import wrapped_label

DIFFERS_MARK = "≠"
# Above it, on a wide screen, the products' headers scroll with the rows: held in place,
# their names and Remove buttons would leave the rows no height.
LARGEST_FIXED_HEADERS_SCALE = 1.5
NO_VALUE = "—"


@dataclass(frozen=True)
class _Column:
    """One product's header and Remove button above the table."""

    header: TapArea
    picture: Picture
    name: QLabel
    price: QLabel
    remove: QPushButton


@dataclass(frozen=True)
class _RowName:
    band: QFrame          # under the row's name and values: marks a row that differs
    label: QLabel


class CompareScreen(Restyling, Screen):
    def __init__(self, context: ShopperContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CompareScreen")
        self._context = context
        self._theme = context.theme
        self._formatter = context.formatter
        self._pages: dict[int, ProductPage] = {}
        self._pictures: dict[str, list[Picture]] = {}
        self._loading = True
        self._landscape = False
        self.rows: list[CompareRow] = []
        # The table's widgets, made for these products and rows; their words and figures
        # are set again whenever they may have changed.
        self._table_shape: tuple[tuple[int, ...], tuple[str, ...]] | None = None
        self._columns: list[_Column] = []
        self._row_names: list[_RowName] = []
        self._values: dict[tuple[str, int], QLabel] = {}

        self.heading = wrapped_label("ScreenTitle")
        self.legend = wrapped_label("CompareLegend")

        self.status = StatusPane(self._status_texts, "loading")
        self.find_button = QPushButton(objectName="PrimaryButton")
        self.find_button.clicked.connect(lambda: context.navigator.open_search(""))
        self.empty = QWidget()
        empty_layout = self._empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.status)
        empty_layout.addWidget(self.find_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)

        # The products' headers stay in place while the rows scroll under them, so each
        # column still says whose it is. Both grids share margins, spacing and stretch,
        # so their columns line up.
        self.headers = QWidget(objectName="CompareHeaders")
        self.header_grid = QGridLayout(self.headers)
        self.table = QWidget(objectName="CompareTable")
        self.grid = QGridLayout(self.table)
        for grid in (self.header_grid, self.grid):
            grid.setVerticalSpacing(0)
        # What scrolls: the rows; and the headers too where, held in place, they would
        # leave the rows no height (a wide screen in the largest type).
        scrolled = QWidget()
        self._scrolled_layout = QVBoxLayout(scrolled)
        self._scrolled_layout.setContentsMargins(0, 0, 0, 0)
        self._scrolled_layout.setSpacing(0)
        self._scrolled_layout.addWidget(self.table)
        self.scroll = finger_scroll_area(scrolled)
        self.compared = QWidget()
        compared_layout = self._compared_layout = QVBoxLayout(self.compared)
        compared_layout.setContentsMargins(0, 0, 0, 0)
        compared_layout.setSpacing(0)
        compared_layout.addWidget(self.legend)
        compared_layout.addWidget(self.headers)
        compared_layout.addWidget(self.scroll, 1)

        self.body = QStackedWidget()
        self.body.addWidget(self.empty)
        self.body.addWidget(self.compared)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.heading)
        layout.addWidget(self.body, 1)

        context.session.compare_changed.connect(self._load)
        context.thumbnails.ready.connect(self._on_image_ready)
        self.restyle(self._theme)
        self.retranslate()
        self._load()

    def restyle(self, theme: Theme) -> None:
        self._theme = t = theme
        self._empty_layout.setContentsMargins(t.spacing * 4, 0, t.spacing * 4, 0)
        side = t.spacing * 2
        self.header_grid.setContentsMargins(side, t.spacing, side, t.spacing)
        self.grid.setContentsMargins(side, 0, side, side * 2)
        for grid in (self.header_grid, self.grid):
            grid.setHorizontalSpacing(t.spacing)     # the bands span the gaps
        for column in self._columns:
            self._space_header(column.header)
            column.picture.setFixedHeight(self._picture_height())
            self._pad(column.name)
            self._pad(column.price)
        for cell in [row_name.label for row_name in self._row_names] + [*self._values.values()]:
            self._pad(cell)
        self._place_headers()

    def title(self) -> str:
        return self.tr("Comparison")

    def focus_order(self) -> list[QWidget]:
        if self.body.currentWidget() is self.compared:
            # The headers' row, then the Remove buttons' row under it.
            return ([column.header for column in self._columns]
                    + [column.remove for column in self._columns])
        return [self.find_button] if self.find_button.isVisibleTo(self) else []

    # --- loading ----------------------------------------------------------------------

    def _load(self) -> None:
        """Read the products not read yet; the others are already in hand."""
        missing = [i for i in self._context.session.compare.product_ids if i not in self._pages]
        if not missing:
            self._loading = False
            self._show()
            return
        self._loading = True
        self._read(missing, self._on_loaded)

    def _read(self, product_ids: list[int],
              then: Callable[[list[tuple[int, ProductPage | None]]], None]) -> None:
        store_id, language = self._context.store_id, self._context.language
        today = self._context.clock.today()

        def query(conn):
            return [(product_id, load_product(conn, product_id, store_id, today, language))
                    for product_id in product_ids]

        self._context.catalog.fetch(self, query, then, self._on_failed)

    def _on_loaded(self, loaded: list[tuple[int, ProductPage | None]]) -> None:
        self._loading = False
        self._keep(loaded)

    def _keep(self, loaded: list[tuple[int, ProductPage | None]]) -> None:
        gone = [product_id for product_id, page in loaded if page is None]
        for product_id, page in loaded:
            if page is not None:
                self._pages[product_id] = page
        for product_id in gone:      # gone from the catalogue since it was added
            self._pages.pop(product_id, None)
            self._context.session.remove_from_compare(product_id)
        self._show()

    def _on_failed(self, _error: BaseException) -> None:
        self._loading = False
        self._pages.clear()
        self._show_status("unavailable")

    def catalog_changed(self, change: CatalogChange) -> None:
        """Read again the compared products the sync changed. The table shows no stock,
        so a change of stock alone leaves it as it is."""
        changed = [page.id for page in self._pages.values() if change.product(page.sku)]
        if self._loading and (change.everything or change.products):
            # Those on their way may have been read before the change: read them again,
            # after them, on the same worker.
            changed += [product_id for product_id in self._context.session.compare.product_ids
                        if product_id not in self._pages]
        if changed:
            self._read(changed, self._keep)

    def pages(self) -> list[ProductPage]:
        """The products compared, in the order they were added."""
        return [self._pages[i] for i in self._context.session.compare.product_ids
                if i in self._pages]

    # --- showing ----------------------------------------------------------------------

    def _show(self) -> None:
        pages = self.pages()
        if self._loading:
            self._show_status("loading")
        elif len(pages) < 2:
            self._show_status("too_few", offer_search=True)
        else:
            self._show_table(pages)

    def _status_texts(self) -> dict[str, str]:
        return {
            "loading": self.tr("Loading the comparison…"),
            "too_few": self.tr("Add at least two products to compare them side by side: "
                               "tap “Add to compare” on a product's page."),
            "unavailable": self.tr("The catalogue is not available at the moment. "
                                   "Please ask a member of staff."),
        }

    def _show_status(self, state: str, offer_search: bool = False) -> None:
        self.status.show_state(state)
        self.find_button.setVisible(offer_search)
        self.body.setCurrentWidget(self.empty)

    def _show_table(self, pages: list[ProductPage]) -> None:
        self.rows = compare_rows(pages, self._context.config.shown_attributes)
        shape = (tuple(page.id for page in pages), tuple(row.key for row in self.rows))
        if shape == self._table_shape:
            self._fill_table(pages)
        else:
            # Laid out once whole, words and all: the table never shrinks meanwhile, so
            # the shopper stays where they scrolled (as far as the new table reaches).
            for grid in (self.header_grid, self.grid):
                grid.setEnabled(False)
            self._build_table(pages)
            self._fill_table(pages)
            for grid in (self.header_grid, self.grid):
                grid.setEnabled(True)
            self._table_shape = shape
        self.body.setCurrentWidget(self.compared)

    def _build_table(self, pages: list[ProductPage]) -> None:
        """The widgets for these products and rows, without their words yet."""
        self._clear_table()
        for column, page in enumerate(pages):
            self._columns.append(self._header(page))
            self.header_grid.addWidget(self._columns[-1].header, 0, column)
            self.header_grid.addWidget(self._columns[-1].remove, 1, column,
                                       Qt.AlignmentFlag.AlignHCenter)
            self.header_grid.setColumnStretch(column, 1)
            self.grid.setColumnStretch(column, 1)
        for index, row in enumerate(self.rows):
            top = 2 * index
            # The band is added first so that it lies under the row's words.
            row_name = _RowName(QFrame(objectName="CompareRowBand"),
                                self._cell("", "CompareRowLabel"))
            self._row_names.append(row_name)
            self.grid.addWidget(row_name.band, top, 0, 2, len(pages))
            self.grid.addWidget(row_name.label, top, 0, 1, len(pages))
            for column in range(len(pages)):
                cell = self._cell("", "CompareValue")
                self._values[row.key, column] = cell
                self.grid.addWidget(cell, top + 1, column)
        self.grid.setRowStretch(2 * len(self.rows), 1)
        for grid in (self.header_grid, self.grid):
            for index in range(grid.count()):
                grid.itemAt(index).widget().show()     # now, not at the next turn

    def _fill_table(self, pages: list[ProductPage]) -> None:
        """The products' and rows' words and figures, in the shopper's language."""
        self._pictures.clear()
        for column, page in zip(self._columns, pages, strict=True):
            price = self._formatter.price(page.price_cents)
            column.header.setAccessibleName(f"{page.name}, {price}")
            image = page.gallery[0] if page.gallery else None
            column.picture.set_pixmap(self._context.thumbnails.get(image))
            if image:
                self._pictures.setdefault(image, []).append(column.picture)
            self._set_text(column.name, page.name)
            self._set_text(column.price, price)
            column.remove.setText(self.tr("Remove"))
            column.remove.setAccessibleName(
                self.tr("Remove {name} from the comparison").format(name=page.name))
        for row, row_name in zip(self.rows, self._row_names, strict=True):
            if row_name.band.property("differs") != row.differs:
                row_name.band.setProperty("differs", row.differs)
                # The style sheet's look for the new value.
                row_name.band.style().unpolish(row_name.band)
                row_name.band.style().polish(row_name.band)
            self._set_text(row_name.label, self._row_name(row), self._row_spoken(row))
            for column, value in enumerate(row.values):
                text = self._value_text(row, value)
                spoken = text if text != NO_VALUE else self.tr("Not stated")
                self._set_text(self._values[row.key, column], text, spoken)

    def _clear_table(self) -> None:
        for grid in (self.header_grid, self.grid):
            while grid.count():
                item = grid.takeAt(0)
                if item.widget() is not None:
                    item.widget().hide()
                    item.widget().deleteLater()
            for row in range(grid.rowCount()):
                grid.setRowStretch(row, 0)
            for column in range(grid.columnCount()):
                grid.setColumnStretch(column, 0)
        self._columns.clear()
        self._row_names.clear()
        self._pictures.clear()
        self._values.clear()

    def _header(self, page: ProductPage) -> _Column:
        header = TapArea(objectName="CompareHeader")
        header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        header.clicked.connect(lambda: self._context.navigator.open_product(page.id))
        picture = Picture()
        picture.setFixedHeight(self._picture_height())
        # Fixed, not ignored, so that the header's height for its width counts the picture.
        picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        name = self._cell("", "CompareProductName")
        price = self._cell("", "CompareProductPrice")
        lines = QVBoxLayout(header)
        lines.addWidget(picture)
        lines.addWidget(name)
        lines.addWidget(price)
        lines.addStretch(1)
        self._space_header(header)
        remove = QPushButton(objectName="CompareRemove")
        remove.clicked.connect(lambda: self._context.session.remove_from_compare(page.id))
        return _Column(header, picture, name, price, remove)

    def _space_header(self, header: TapArea) -> None:
        half = self._theme.spacing // 2
        header.layout().setContentsMargins(half, half, half, half)
        header.layout().setSpacing(half)

    def _picture_height(self) -> int:
        # Smaller on a wide screen, where the headers would leave the rows little height;
        # and not made larger with the text, which needs the height more.
        return 100 if self._landscape else 180

    def set_landscape(self, landscape: bool) -> None:
        self._landscape = landscape
        for column in self._columns:
            column.picture.setFixedHeight(self._picture_height())
        self._place_headers()

    def _place_headers(self) -> None:
        scrolled = self._landscape and self._theme.scale > LARGEST_FIXED_HEADERS_SCALE
        if scrolled == (self.headers.parentWidget() is not self.compared):
            return
        if scrolled:
            self._compared_layout.removeWidget(self.headers)
            self._scrolled_layout.insertWidget(0, self.headers)
        else:
            self._scrolled_layout.removeWidget(self.headers)
            self._compared_layout.insertWidget(1, self.headers)
        self.headers.show()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # What counts is the room this screen has, whichever way the window is turned.
        self.set_landscape(self.width() > self.height())

    def _cell(self, text: str, object_name: str, spoken: str | None = None) -> QLabel:
        label = QLabel(text, objectName=object_name)
        label.setWordWrap(True)
        # Columns share the width equally, whatever the length of their words.
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._pad(label)
        label.setAccessibleName(spoken or text)
        return label

    def _pad(self, cell: QLabel) -> None:
        pad = self._theme.spacing // 2
        cell.setContentsMargins(0, pad, 0, pad)
        cell.setIndent(pad)        # off the band's edge; counted when wrapping, unlike margins

    @staticmethod
    def _set_text(label: QLabel, text: str, spoken: str | None = None) -> None:
        label.setText(text)
        label.setAccessibleName(spoken or text)

    def _row_label(self, row: CompareRow) -> str:
        if row.attribute is not None:
            return row.attribute.label(self._formatter.language)
        return {"price": self.tr("Price"), "sizes": self.tr("Sizes"),
                "colors": self.tr("Colours")}[row.kind]

    def _row_name(self, row: CompareRow) -> str:
        label = self._row_label(row)
        return f"{DIFFERS_MARK} {label}" if row.differs else label

    def _row_spoken(self, row: CompareRow) -> str:
        label = self._row_label(row)
        return self.tr("{row}: differs").format(row=label) if row.differs else label

    def _value_text(self, row: CompareRow, value: CellValue) -> str:
        if value is None or value == ():
            return NO_VALUE
        if row.kind == "price":
            return self._formatter.price(value)
        # Sizes, colours and attribute values come in the shopper's language from the cache.
        return ", ".join(value) if isinstance(value, tuple) else str(value)

    def value_label(self, row_key: str, column: int) -> QLabel | None:
        """The label showing one product's value in one row (for tests and screen readers)."""
        return self._values.get((row_key, column))

    def _on_image_ready(self, image: str) -> None:
        for picture in self._pictures.get(image, []):
            picture.set_pixmap(self._context.thumbnails.get(image))

    # --- language ---------------------------------------------------------------------

    def retranslate(self) -> None:
        self._set_text(self.heading, self.title())
        self.legend.setText(self.tr("{mark} marks what differs between the products").format(
            mark=DIFFERS_MARK))
        self.legend.setAccessibleName(self.tr("Rows that differ between the products are "
                                              "marked"))
        self.find_button.setText(self.tr("Find products"))
        self.find_button.setAccessibleName(self.find_button.text())
        self._show()

    def set_formatter(self, formatter: Formatter) -> None:
        self._formatter = formatter
        self._show()
