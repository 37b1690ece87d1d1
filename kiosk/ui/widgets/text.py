"""Text on screen, said to a screen reader as it is shown."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)


def wrapped_label(object_name: str) -> QLabel:
    """A label that wraps its words (large type and French need the room) and takes no
    selection or cursor from a finger."""
    label = QLabel(objectName=object_name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def show_text(widget: QLabel | QAbstractButton, text: str) -> None:
    """Show `text` and make it what a screen reader says for the widget."""
    widget.setText(text)
    widget.setAccessibleName(text)


class FittingButton(QPushButton):
    """A push button whose words shrink to fit its width rather than run past its edges:
    a narrow button in the largest type ("Terminé" on a key, "Touchez l'écran pour
    commencer"). Where they fit, they keep the style sheet's size."""

    _fitting = False
    _refit_due = False

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit_words()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_words()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Another text size or style chosen while the kiosk runs: the same width may no
        # longer hold the words, or may hold them larger again. Fitted once the change is
        # over: a style sheet set while Qt applies another one loses the font.
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange) \
                and not self._fitting and not self._refit_due:
            self._refit_due = True
            QTimer.singleShot(0, self, self._refit)

    def _refit(self) -> None:
        self._refit_due = False
        self._fit_words()

    def natural_width(self) -> int:
        """The width the words want in the style sheet's size, however shrunk they are."""
        return self._natural_width if self.property("fitted_size") is not None \
            else self.sizeHint().width()

    def _fit_words(self) -> None:
        self._fitting = True        # its own style sheet, set here, changes its font
        try:
            self._fit_words_now()
        finally:
            self._fitting = False

    def _fit_words_now(self) -> None:
        if self.property("fitted_size") is not None:
            self.setStyleSheet("")          # the sheet's size first, in case it fits now
            self.setProperty("fitted_size", None)
        self.ensurePolished()
        self._natural_width = self.sizeHint().width()
        room = self._room_for_words()
        size = self.font().pixelSize()
        while room > 0 and size > 1 and \
                (needed := self.fontMetrics().horizontalAdvance(self.text())) > room:
            size = min(size - 1, size * room // needed)
            self.setStyleSheet(f"font-size: {size}px;")
            self.setProperty("fitted_size", size)

    def _room_for_words(self) -> int:
        """The width the words have: inside the style sheet's border and padding, which
        the widget's own contents rect does not count."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return self.style().subElementRect(
            QStyle.SubElement.SE_PushButtonContents, option, self).width()


class _TextInLabel:
    """For a button whose text wraps onto more lines instead of running past its edges:
    a long date in large type ("delivered by Wednesday 30 September") needs the room.
    The text is held by a label inside, which a finger passes through to the button."""

    def _hold_text_in_label(self, object_name: str, left: int, padding: int) -> None:
        self.label = wrapped_label(f"{object_name}Text")
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.set_room(left, padding)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.toggled.connect(self._show_checked)

    def set_room(self, left: int, padding: int) -> None:
        """The room around the words: `left` before them, `padding` after them and half
        of it above and below (taken again from the theme when the text grows)."""
        self.layout().setContentsMargins(left, padding // 2, padding, padding // 2)
        self.updateGeometry()

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text.replace("\n", ", "))
        self.updateGeometry()

    # Sized by the label inside; the style sheet's min-height keeps it a touch target.
    def sizeHint(self) -> QSize:
        return self.layout().sizeHint()

    def minimumSizeHint(self) -> QSize:
        # Any width will do: the words wrap, and the height follows (heightForWidth).
        return QSize(0, self.layout().minimumSize().height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.layout().totalHeightForWidth(width)

    def _show_checked(self, checked: bool) -> None:
        # The style sheet colours the label by this property: a child is not restyled
        # when its parent's :checked state changes.
        self.label.setProperty("checked", checked)
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)


class WrappingButton(_TextInLabel, QPushButton):
    def __init__(self, object_name: str, padding: int, parent: QWidget | None = None) -> None:
        QPushButton.__init__(self, parent, objectName=object_name)
        self._hold_text_in_label(object_name, padding, padding)


class WrappingCheckBox(_TextInLabel, QCheckBox):
    """A tick box with its sentence beside it, wrapped: a tap on the words ticks it too."""

    def __init__(self, object_name: str, indicator: int, spacing: int,
                 parent: QWidget | None = None) -> None:
        QCheckBox.__init__(self, parent, objectName=object_name)
        self._hold_text_in_label(object_name, indicator + spacing, 0)

    def hitButton(self, pos: QPoint) -> bool:
        # The style counts only the box and its own (empty) text as the target.
        return self.rect().contains(pos)
