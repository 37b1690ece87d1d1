import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "kiosk" / "i18n"


def messages(ts_file: Path) -> dict[str, ET.Element]:
    return {m.findtext("source"): m.find("translation")
            for m in ET.parse(ts_file).iter("message")}


def texts(translation: ET.Element) -> list[str]:
    """The translated text, or each plural form of it."""
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_string_has_a_finished_translation(language):
    missing = [source for source, translation in messages(I18N / f"kiosk_{language}.ts").items()
               if translation.get("type") in ("unfinished", "obsolete", "vanished")
               or not all(text.strip() for text in texts(translation))]
    assert missing == []


def test_the_translation_files_list_every_string_in_the_code(tmp_path):
    """A tr() added without running scripts/update-translations fails here."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "kiosk" / "ui").rglob("*.py"))
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), "-silent", "-locations", "none", *sources, "-ts", str(fresh)],
                   check=True)
    in_code = set(messages(fresh))
    assert in_code, "lupdate found no strings at all"
    assert in_code == set(messages(I18N / "kiosk_fr.ts"))


def literal_strings_given_to_translation(path: Path):
    """(line, text) of every tr("..."), translate("context", "...") and QT_TRANSLATE_NOOP."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        position = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}.get(name)
        if position is None or len(node.args) <= position:
            continue
        argument = node.args[position]
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            yield node.lineno, argument.value


def test_lupdate_missed_no_string_of_the_code():
    """lupdate silently skips a call whose count is an expression (tr("%n", "", a or 0)):
    such a string would stay in English on a French screen."""
    known = set(messages(I18N / "kiosk_fr.ts"))
    missed = [f"{path.relative_to(ROOT)}:{line}: {text}"
              for path in sorted((ROOT / "kiosk" / "ui").rglob("*.py"))
              for line, text in literal_strings_given_to_translation(path)
              if text not in known]
    assert missed == []
