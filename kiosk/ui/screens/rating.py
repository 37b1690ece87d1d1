"""'How was your visit?': four faces, one optional follow-up question, a short thank-you.

One tap on a face is the rating. The follow-up asks why (after an unhappy face) or what
was good (after a happy one), with answers from the reasons file; Send, Skip, or no tap
for a while all end it, and the rating is written then, once (kiosk.ui.ratings). The
chosen face does not stay on screen: the next person at the kiosk must not see it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.ratings import FollowUp
from kiosk.ui.formatting import Formatter
from kiosk.ui.ratings import RatingRecorder
from kiosk.ui.restyling import Restyling
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.confirm import ConfirmPanel
from kiosk.ui.widgets.faces import FaceButton
from kiosk.ui.widgets.kinetic import finger_scroll_area
from kiosk.ui.widgets.text import show_text, wrapped_label

THANKS_MS = 4000


class RatingScreen(Restyling, Screen):
    hides_footer = True     # the compare tray has nothing to do with a rating

    def __init__(self, context: ShopperContext, recorder: RatingRecorder, *,
                 at_end: bool = False, question_timeout_ms: int = 20_000,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RatingScreen")
        self._context = context
        self._recorder = recorder
        self._at_end = at_end                  # offered as the session ends (after an order)
        self.question_timeout_ms = question_timeout_ms
        self.thanks_ms = THANKS_MS
        self._rated: list[str] = []            # the id of the rating this screen took
        self._follow_up: FollowUp | None = None
        self._landscape = False
        theme = context.theme

        # The faces.
        self.heading = wrapped_label("ScreenTitle")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.faces = [FaceButton(theme, score) for score in (1, 2, 3, 4)]
        for face in self.faces:
            face.clicked.connect(lambda _checked=False, score=face.score: self._on_face(score))
        faces_row = self._faces_row = QHBoxLayout()
        for face in self.faces:
            faces_row.addWidget(face)
        self.no_thanks = QPushButton(objectName="SecondaryButton")
        self.no_thanks.clicked.connect(self._on_no_thanks)
        faces_page = QWidget(objectName="RatingFaces")
        faces_layout = self._faces_layout = QVBoxLayout(faces_page)
        faces_layout.addWidget(self.heading)
        faces_layout.addStretch(1)
        faces_layout.addLayout(faces_row)
        faces_layout.addWidget(self.no_thanks, 0, Qt.AlignmentFlag.AlignHCenter)
        faces_layout.addStretch(2)

        # The follow-up question: no face on it, only the question and its answers.
        self.question = wrapped_label("ScreenTitle")
        self.question_hint = wrapped_label("Hint")
        self.reasons = QWidget(objectName="RatingReasons")
        self._reasons_layout = QGridLayout(self.reasons)
        self._reasons_layout.setContentsMargins(0, 0, 0, 0)
        self._chips: dict[str, QPushButton] = {}
        scroll = finger_scroll_area(self.reasons, "RatingReasonsScroll")
        self.send = QPushButton(objectName="PrimaryButton")
        self.send.clicked.connect(self._on_send)
        self.skip = QPushButton(objectName="SecondaryButton")
        self.skip.clicked.connect(self._on_skip)
        answer_row = self._answer_row = QHBoxLayout()
        answer_row.addWidget(self.skip, 1)
        answer_row.addWidget(self.send, 2)
        question_page = QWidget(objectName="RatingQuestion")
        question_layout = self._question_layout = QVBoxLayout(question_page)
        question_layout.addWidget(self.question)
        answers = self._answers = QVBoxLayout()
        answers.addWidget(self.question_hint)
        answers.addWidget(scroll, 1)
        answers.addLayout(answer_row)
        question_layout.addLayout(answers, 1)

        # The thank-you: no face, nothing of the answer.
        self.thanks = wrapped_label("ScreenTitle")
        self.thanks_detail = wrapped_label("StatusMessage")
        for label in (self.thanks, self.thanks_detail):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        thanks_page = QWidget(objectName="RatingThanks")
        thanks_layout = self._thanks_layout = QVBoxLayout(thanks_page)
        thanks_layout.addStretch(1)
        thanks_layout.addWidget(self.thanks)
        thanks_layout.addWidget(self.thanks_detail)
        thanks_layout.addStretch(2)

        self.pages = QStackedWidget()
        self.faces_page, self.question_page, self.thanks_page = (
            faces_page, question_page, thanks_page)
        for page in (faces_page, question_page, thanks_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.restyle(theme)

        self.question_timer = QTimer(self)
        self.question_timer.setSingleShot(True)
        self.question_timer.timeout.connect(self._on_question_timeout)
        self.thanks_timer = QTimer(self)
        self.thanks_timer.setSingleShot(True)
        self.thanks_timer.timeout.connect(context.navigator.finish_session)
        # Left mid-question (Back, Home, the idle reset): the rating is written all the
        # same, with what was ticked. The recorder does nothing if it is written already.
        # The lambda holds the list, not the screen, which is gone when it runs.
        rated = self._rated
        self.destroyed.connect(lambda *_: rated and recorder.finish(rated[-1]))
        # A rating ends the visit, and the reset empties the basket: a shopper who comes
        # here with something in it, not ordered, is asked first.
        self.basket_question = ConfirmPanel(theme, self)
        self.basket_question.kept.connect(context.navigator.go_back)
        self.retranslate()
        if not at_end and context.session.basket.item_count > 0:
            self._ask_about_basket()

    # --- what the app gives it ---------------------------------------------------------

    def restyle(self, theme: Theme) -> None:
        spacing = theme.spacing
        self._faces_row.setSpacing(spacing)
        self._faces_layout.setContentsMargins(spacing * 2, spacing, spacing * 2, spacing * 2)
        self._faces_layout.setSpacing(spacing * 2)
        self._reasons_layout.setSpacing(spacing)
        self._answer_row.setSpacing(spacing * 2)
        # The title's style sheet indents it; the rest lines up with it.
        self._question_layout.setContentsMargins(0, 0, 0, spacing * 2)
        self._question_layout.setSpacing(spacing)
        self._answers.setContentsMargins(spacing * 2, 0, spacing * 2, 0)
        self._answers.setSpacing(spacing)
        self._thanks_layout.setContentsMargins(spacing * 2, spacing, spacing * 2, spacing * 2)
        self._lay_out_reasons()       # one answer a line from a text size on

    def set_landscape(self, landscape: bool) -> None:
        if landscape != self._landscape:
            self._landscape = landscape
            self._lay_out_reasons()

    def set_formatter(self, formatter: Formatter) -> None:
        self._show_reason_texts()

    # --- the shopper's taps -----------------------------------------------------------

    def _on_face(self, score: int) -> None:
        if self.pages.currentWidget() is not self.faces_page:
            return       # a second finger on a face that is already going
        press = self._recorder.press(score)
        if press.rating is None:
            # The same visit rated again moments after: it counted once, and is written.
            self._show_thanks()
            return
        self._rated.append(press.rating.id)
        reasons = self._recorder.reasons()
        self._follow_up = reasons.for_score(press.rating.score) if reasons else None
        if self._follow_up is None or not self._follow_up.reasons:
            self._recorder.finish(press.rating.id)
            self._show_thanks()
            return
        self._make_reason_chips(set(press.rating.reasons))
        self.pages.setCurrentWidget(self.question_page)
        self.question_timer.start(self.question_timeout_ms)

    def _on_reason_toggled(self) -> None:
        self._show_reason_texts()
        if self.pages.currentWidget() is not self.question_page:
            return       # cleared on the way to the thank-you
        self._recorder.set_reasons(self._rated[-1], self.checked_reasons())
        self.question_timer.start(self.question_timeout_ms)    # still answering

    def _on_send(self) -> None:
        self._end_question(self.checked_reasons())

    def _on_skip(self) -> None:
        self._end_question(())

    def _on_question_timeout(self) -> None:
        # The shopper has gone quiet: what they ticked is their answer.
        self._end_question(None)

    def _end_question(self, reasons: list[str] | tuple[()] | None) -> None:
        if self.pages.currentWidget() is not self.question_page:
            return       # the question is over already (a second tap, a late timer)
        self._recorder.finish(self._rated[-1], reasons)
        self._show_thanks()

    def _on_no_thanks(self) -> None:
        if self._at_end:
            self._context.navigator.finish_session()
        else:
            self._context.navigator.go_back()

    def _show_thanks(self) -> None:
        self.question_timer.stop()
        for chip in self._chips.values():
            chip.setChecked(False)           # nothing of the answer stays behind
        self.pages.setCurrentWidget(self.thanks_page)
        self.thanks_timer.start(self.thanks_ms)

    def _ask_about_basket(self) -> None:
        count = self._context.session.basket.item_count
        self.basket_question.ask(
            self.tr("Your basket holds %n item(s) not ordered yet", "", count),
            self.tr("Rating your visit ends it, and your basket is then emptied."),
            self.tr("Keep my basket"), self.tr("Empty my basket and rate"))

    def checked_reasons(self) -> list[str]:
        return [code for code, chip in self._chips.items() if chip.isChecked()]

    # --- the follow-up's answers --------------------------------------------------------

    def _make_reason_chips(self, checked: set[str]) -> None:
        for chip in self._chips.values():
            chip.hide()
            chip.deleteLater()
        self._chips.clear()
        for reason in self._follow_up.reasons:
            chip = QPushButton(objectName="Chip")
            chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            chip.setCheckable(True)
            chip.setChecked(reason.code in checked)
            chip.toggled.connect(self._on_reason_toggled)
            self._chips[reason.code] = chip
        self._lay_out_reasons()
        self._show_reason_texts()

    def _lay_out_reasons(self) -> None:
        # One answer a line where large type leaves no room for two side by side.
        columns = 2 if self._landscape or self._context.theme.scale < 1.3 else 1
        for index, chip in enumerate(self._chips.values()):
            self._reasons_layout.addWidget(chip, index // columns, index % columns)
        self._reasons_layout.setRowStretch(len(self._chips), 1)

    def _show_reason_texts(self) -> None:
        language = self._context.formatter.language
        follow_up = self._follow_up
        if follow_up is None:
            return
        self.question.setText(follow_up.question_in(language))
        self.question.setAccessibleName(self.question.text())
        for reason in follow_up.reasons:
            chip = self._chips[reason.code]
            label = reason.label(language)
            # A tick as well as the colour: the choice does not rest on colour alone.
            chip.setText(("✓ " if chip.isChecked() else "") + label.replace("&", "&&"))
            chip.setAccessibleName(label)

    # --- language -----------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("How was your visit?")

    def retranslate(self) -> None:
        show_text(self.heading, self.title())
        for face, word in zip(self.faces, (self.tr("Very unhappy"), self.tr("Unhappy"),
                                           self.tr("Happy"), self.tr("Very happy")),
                              strict=True):
            face.setText(word)
        self.no_thanks.setText(self.tr("No thanks"))
        self.no_thanks.setAccessibleName(self.no_thanks.text())
        show_text(self.question_hint, self.tr(
            "If you like, choose one or more answers. You can also skip this question."))
        self.send.setText(self.tr("Send"))
        self.send.setAccessibleName(self.send.text())
        self.skip.setText(self.tr("Skip"))
        self.skip.setAccessibleName(self.skip.text())
        show_text(self.thanks, self.tr("Thank you!"))
        show_text(self.thanks_detail, self.tr("Your opinion helps us do better."))
        self._show_reason_texts()
        if self.basket_question.isVisible():
            self._ask_about_basket()

    def focus_order(self) -> list[QWidget]:
        if self.basket_question.isVisibleTo(self):
            return [self.basket_question.keep_button, self.basket_question.confirm_button]
        page = self.pages.currentWidget()
        if page is self.faces_page:
            return [*self.faces, self.no_thanks]
        if page is self.question_page:
            return [*self._chips.values(), self.skip, self.send]
        return []           # the thank-you: nothing to tap
