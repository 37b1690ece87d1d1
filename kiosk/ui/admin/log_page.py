"""Log: the last lines of the terminal's log, contact details and secrets masked."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from kiosk.core.log_view import last_lines
from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.parts import AdminPage
from kiosk.ui.widgets.text import show_text

LINES = 200


class LogPage(AdminPage):
    def __init__(self, context: AdminContext) -> None:
        super().__init__(context)
        self.text = QPlainTextEdit(objectName="AdminLog")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setMinimumHeight(context.theme.touch_target * 6)
        self.body_layout.addWidget(self.text, 1)
        self.refresh_button = self.button()
        self.refresh_button.clicked.connect(self.refresh)
        self.lines: list[str] | None = None
        self.retranslate()

    def refresh(self) -> None:
        log_dir = self.context.config().log_dir
        self.context.runner.run_compute(lambda: last_lines(log_dir, LINES), self._show)

    def _show(self, lines: list[str]) -> None:
        self.lines = lines
        self.text.setPlainText("\n".join(lines) if lines else self.tr("The log is empty."))
        self.text.moveCursor(QTextCursor.MoveOperation.End)
        self.text.ensureCursorVisible()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Log: the last %n line(s)", "", LINES))
        self.text.setAccessibleName(self.tr("The log's last lines"))
        show_text(self.refresh_button, self.tr("Refresh"))
