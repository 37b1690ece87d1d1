"""The terminal's wheel carries its compiled translations (kiosk/i18n/*.qm).

They are built from the .ts sources by set-up (`python -m kiosk.i18n.build`, which needs
Qt's lrelease, so not here) and are not in git: a wheel built without them, or with ones
older than their sources, would show a French shopper English. Refused instead.
"""

from __future__ import annotations

from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompiledTranslations(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        # An editable install (set-up's) reads them from the checkout, built after it.
        if self.target_name != "wheel" or version == "editable":
            return
        i18n = Path(self.root) / "kiosk" / "i18n"
        for source in sorted(i18n.glob("kiosk_*.ts")):
            compiled = source.with_suffix(".qm")
            if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
                raise RuntimeError(f"{compiled} is missing or older than {source.name}: "
                                   "run `python -m kiosk.i18n.build` first")
        build_data["artifacts"].append("kiosk/i18n/*.qm")
