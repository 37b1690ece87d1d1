"""Config: the effective config with secrets masked, and a reload from disk.

A file with problems is refused whole, its problems shown, and the running config kept.
A good one replaces the running config; the keys that are only read at start are named,
and take effect at the next restart.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPlainTextEdit

from kiosk.core.admin import ReloadPlan, reload_plan
from kiosk.core.config import ConfigError, KioskConfig, load_config
from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.parts import AdminPage, say
from kiosk.ui.widgets.text import show_text, wrapped_label


class ConfigPage(AdminPage):
    def __init__(self, context: AdminContext,
                 apply: Callable[[KioskConfig], None]) -> None:
        super().__init__(context)
        self._apply = apply
        self.source = wrapped_label("AdminFigureName")
        self.outcome = wrapped_label("AdminMessage")
        self.outcome.hide()
        self.text = QPlainTextEdit(objectName="AdminText")
        self.text.setReadOnly(True)
        self.text.setMinimumHeight(context.theme.touch_target * 6)
        for widget in (self.source, self.outcome, self.text):
            self.body_layout.addWidget(widget)
        self.reload_button = self.button("PrimaryButton")
        self.reload_button.clicked.connect(self.reload)
        self.loading = False
        self.retranslate()

    def refresh(self) -> None:
        config = self.context.config()
        self.source.setText(self.tr("Read from %1").replace("%1", str(config.source)))
        lines = [f"{key} = {value!r}" for key, value in config.masked().items()]
        self.text.setPlainText("\n".join(lines))
        self.text.setAccessibleName(self.tr("The effective config"))

    def reload(self) -> None:
        if self.loading:
            return
        self.loading = True
        path = self.context.config().source
        # Reading the file (and the synonyms it names) is disk work: not on the GUI thread.
        self.context.runner.run_compute(lambda: _load(path), self._on_loaded,
                                        self._on_load_failed)

    def _on_loaded(self, loaded: KioskConfig | ConfigError) -> None:
        self.loading = False
        if isinstance(loaded, ConfigError):
            self.context.audit("admin_config_refused", {"problems": len(loaded.problems)})
            problems = "\n".join(str(problem) for problem in loaded.problems)
            say(self.outcome, self.tr("The file was refused; the running config is kept. "
                                      "Problems:") + "\n" + problems)
            return
        plan = reload_plan(self.context.config(), loaded)
        self._apply(loaded)
        self.context.audit("admin_config_reloaded",
                           {"applied": list(plan.applied_now)[:50],
                            "at_restart": list(plan.at_restart)[:50]})
        say(self.outcome, self._plan_words(plan))
        self.refresh()

    def _on_load_failed(self, error: BaseException) -> None:
        self.loading = False
        say(self.outcome, self.tr("The file could not be read: %1").replace("%1", str(error)))

    def _plan_words(self, plan: ReloadPlan) -> str:
        if not plan.applied_now and not plan.at_restart:
            return self.tr("Reloaded: nothing changed.")
        parts = [self.tr("Reloaded.")]
        if plan.applied_now:
            parts.append(self.tr("In effect now: %1").replace("%1", ", ".join(plan.applied_now)))
        if plan.at_restart:
            parts.append(self.tr("In effect after a restart: %1").replace(
                "%1", ", ".join(plan.at_restart)))
        return "\n".join(parts)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Config"))
        show_text(self.reload_button, self.tr("Reload from disk"))
        self.refresh()


def _load(path) -> KioskConfig | ConfigError:
    try:
        return load_config(path)
    except ConfigError as error:
        return error
