"""Product images decoded off the GUI thread into a bounded in-memory cache."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap

from kiosk.ui.tasks import TaskRunner


def decode_scaled(path: Path, bound: QSize) -> QImage:
    """Read an image at no more than `bound`, decoding only the pixels needed.

    A missing or broken file gives a null image, which screens show as the placeholder.
    """
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(bound, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return image if not image.isNull() else QImage()


def pixmap_bytes(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * pixmap.depth() // 8


class ThumbnailCache(QObject):
    """Ask with `get`; a `ready` signal says when an image asked for can be painted.

    The cache holds at most `capacity` images' worth of pixels at the full `bound`, least
    recently asked for going first: its memory is bounded in bytes, whatever the images'
    shapes and the text scale, so a terminal running for weeks levels off.
    """

    ready = Signal(str)

    def __init__(self, runner: TaskRunner, images_dir: Path, bound: QSize,
                 capacity: int = 150, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._images_dir = images_dir
        self._capacity = capacity
        self._bound = bound
        self.max_bytes = capacity * bound.width() * bound.height() * 4
        self.size_bytes = 0
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self._pending: set[str] = set()
        # Counts the bound's changes: an image decoded at an older bound is not kept.
        self._generation = 0

    def get(self, image: str | None) -> QPixmap | None:
        """The decoded image, or None while it is loading or if it cannot be read."""
        if not image:
            return None
        pixmap = self._pixmaps.get(image)
        if pixmap is not None:
            self._pixmaps.move_to_end(image)
            return None if pixmap.isNull() else pixmap
        if image not in self._pending:
            self._pending.add(image)
            path, bound = self._images_dir / image, QSize(self._bound)
            generation = self._generation
            self._runner.run_compute(lambda: decode_scaled(path, bound),
                                     lambda decoded: self._store(image, decoded, generation),
                                     lambda _error: self._store(image, QImage(), generation))
        return None

    def set_bound(self, bound: QSize) -> None:
        """Images are shown at another size (the shopper chose larger text): each is
        decoded again at `bound` when next asked for, and `ready` says so as before."""
        if bound == self._bound:
            return
        self._bound = bound
        self.max_bytes = self._capacity * bound.width() * bound.height() * 4
        self._generation += 1
        self._pending.clear()
        self.clear()

    @property
    def busy(self) -> bool:
        """Images asked for are still being decoded."""
        return bool(self._pending)

    def clear(self) -> None:
        self._pixmaps.clear()
        self.size_bytes = 0

    def _store(self, image: str, decoded: QImage, generation: int) -> None:
        if generation != self._generation:
            return
        self._pending.discard(image)
        # A broken image is remembered as null so it is not decoded again and again.
        pixmap = QPixmap.fromImage(decoded) if not decoded.isNull() else QPixmap()
        self._pixmaps[image] = pixmap
        self.size_bytes += pixmap_bytes(pixmap)
        # The newest image stays even alone over the budget: it was asked for to be shown.
        while self.size_bytes > self.max_bytes and len(self._pixmaps) > 1:
            _oldest, dropped = self._pixmaps.popitem(last=False)
            self.size_bytes -= pixmap_bytes(dropped)
        self.ready.emit(image)
