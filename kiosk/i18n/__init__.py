"""Translations: Qt Linguist sources (kiosk_<lang>.ts), compiled to .qm during set-up."""

from pathlib import Path

I18N_DIR = Path(__file__).resolve().parent


def qm_path(language: str) -> Path:
    return I18N_DIR / f"kiosk_{language}.qm"
