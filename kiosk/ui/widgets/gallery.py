"""A product's pictures in a strip the finger swipes, one picture at a time."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QScroller,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kiosk.ui.restyling import Restyling
from kiosk.ui.retranslating import Retranslating
from kiosk.ui.theme import Theme
from kiosk.ui.thumbnails import ThumbnailCache
from kiosk.ui.widgets.kinetic import finger_row


class GalleryModel(QAbstractListModel):
    def __init__(self, pictures: ThumbnailCache, parent=None) -> None:
        super().__init__(parent)
        self._pictures = pictures
        self._images: list[str] = []
        self._labels: dict[str, str] = {}
        pictures.ready.connect(self._on_image_ready)

    def set_images(self, images: list[str], labels: dict[str, str] | None = None) -> None:
        """`labels`: what pictures show, in words, by image (the catalog's image labels)."""
        self.beginResetModel()
        self._images = list(images)
        self._labels = dict(labels or {})
        self.endResetModel()

    def images(self) -> list[str]:
        return list(self._images)

    def labels(self) -> dict[str, str]:
        return dict(self._labels)

    def set_labels(self, labels: dict[str, str]) -> None:
        """The same pictures described anew (in another language): the strip stays put."""
        self._labels = dict(labels)
        if self._images:
            self.dataChanged.emit(self.index(0), self.index(len(self._images) - 1),
                                  [Qt.ItemDataRole.AccessibleTextRole,
                                   Qt.ItemDataRole.AccessibleDescriptionRole])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._images)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return self._pictures.get(self._images[index.row()])
        if role in (Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.AccessibleDescriptionRole):
            # Named by what it shows where the catalog says, its place said beside; else
            # named by its place, as the page dots name the picture that shows.
            place = QCoreApplication.translate("PageDots", "Picture {number} of {count}") \
                .format(number=index.row() + 1, count=len(self._images))
            label = self._labels.get(self._images[index.row()])
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return label or place
            return place if label else None
        return None

    def _on_image_ready(self, image: str) -> None:
        for row, name in enumerate(self._images):
            if name == image:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class GalleryDelegate(QStyledItemDelegate):
    """Paints one picture fitted to the strip, or a neutral placeholder while it loads."""

    def __init__(self, theme: Theme, parent=None) -> None:
        super().__init__(parent)
        self._theme = theme

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        view = option.widget
        return view.viewport().size() if isinstance(view, QListView) else QSize(1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        pad = self._theme.spacing
        box = option.rect.adjusted(pad, pad, -pad, -pad)
        pixmap: QPixmap | None = index.data(Qt.ItemDataRole.DecorationRole)
        painter.save()
        painter.fillRect(option.rect, QColor(self._theme.colors.surface))
        if pixmap is None:
            painter.fillRect(box, QColor(self._theme.colors.placeholder))
        else:
            fitted = pixmap.size().scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, fitted.width(), fitted.height())
            target.moveCenter(box.center())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(target, pixmap)
        painter.restore()


SWIPE_FRACTION = 0.15     # of a picture's width: less than this is a slip, not a swipe


class Gallery(Restyling, QListView):
    """Pictures side by side, each as wide as the strip; a swipe moves one whole picture.

    However fast the flick, the strip comes to rest on the picture next to the one the
    finger started on, as a shopper expects from a phone. A tap shows the next picture
    too, for shoppers who do not think of swiping.
    """

    page_changed = Signal(int)

    def restyle(self, theme: Theme) -> None:
        self._delegate.set_theme(theme)
        self.viewport().update()

    def __init__(self, theme: Theme, pictures: ThumbnailCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Gallery")
        self.gallery_model = GalleryModel(pictures, self)
        self.setModel(self.gallery_model)
        self._delegate = GalleryDelegate(theme, self)
        self.setItemDelegate(self._delegate)
        finger_row(self)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self._scroller = QScroller.scroller(self.viewport())
        self._scroller.stateChanged.connect(self._on_scroller_state)
        self._press_x = 0
        self._drag_start: int | None = None     # where the finger took the strip
        self._page = 0
        self.horizontalScrollBar().valueChanged.connect(self._on_scrolled)
        self.clicked.connect(lambda _index: self.show_page((self._page + 1) % self.page_count()))

    def set_images(self, images: list[str], labels: dict[str, str] | None = None) -> None:
        self.gallery_model.set_images(images, labels)
        self._page = -1
        self.show_page(0, animated=False)

    def page(self) -> int:
        return self._page

    def page_count(self) -> int:
        return self.gallery_model.rowCount()

    def show_page(self, page: int, animated: bool = True) -> None:
        x = page * self.viewport().width()
        if animated:
            self._scroller.scrollTo(QPointF(x, 0))
        else:
            self.horizontalScrollBar().setValue(x)
            self._on_scrolled(x)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = max(1, self.viewport().width())
        self.doItemsLayout()    # every picture as wide as the new strip
        self.horizontalScrollBar().setValue(max(0, self._page) * width)

    def _on_scroller_state(self, state: QScroller.State) -> None:
        x = self.horizontalScrollBar().value()
        if state == QScroller.State.Pressed:
            self._drag_start = None
            self._press_x = x
        elif state == QScroller.State.Dragging:
            self._drag_start = self._press_x
        elif self._drag_start is not None:     # the finger left after a drag
            width = max(1, self.viewport().width())
            start_page = round(self._drag_start / width)
            moved = self._scroller.finalPosition().x() - self._drag_start
            step = 0 if abs(moved) < width * SWIPE_FRACTION else (1 if moved > 0 else -1)
            self._drag_start = None
            last = max(0, self.page_count() - 1)
            self.show_page(min(max(start_page + step, 0), last))

    def _on_scrolled(self, x: int) -> None:
        page = min(round(x / max(1, self.viewport().width())), max(0, self.page_count() - 1))
        if page != self._page:
            self._page = page
            self.page_changed.emit(page)


class PageDots(Retranslating, QLabel):
    """Which picture is showing, as dots and as words ("2 / 5"), for the eye and the ear."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PageDots")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._page, self._count = 0, 0

    def show_page(self, page: int, count: int) -> None:
        self._page, self._count = page, count
        self.retranslate()

    def retranslate(self) -> None:
        if self._count < 2:
            self.clear()
            self.setAccessibleName("")
            return
        dots = " ".join("●" if i == self._page else "○" for i in range(self._count))
        self.setText(f"{dots}   {self._page + 1} / {self._count}")
        self.setAccessibleName(self.tr("Picture {number} of {count}").format(
            number=self._page + 1, count=self._count))
