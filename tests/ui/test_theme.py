"""The style sheets come from the .qss files in kiosk/ui/styles with every token filled in
for the terminal's scale and font; a token the theme does not know is refused by name."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.ui.admin.style import admin_style
from kiosk.ui.theme import STYLES, StyleSheetError, Theme

THEMES = [Theme(scale=scale, font_family=family)
          for scale in (1.0, 1.25, 1.5, 2.0) for family in (None, "Atkinson Hyperlegible")]


@pytest.mark.parametrize("theme", THEMES, ids=lambda theme: f"{theme.scale}-{theme.font_family}")
def test_every_token_of_every_sheet_is_filled_in(theme):
    for sheet in (theme.style_sheet(), admin_style(theme)):
        assert "${" not in sheet
    shop = theme.style_sheet()
    assert f"font-size: {theme.heading}px;" in shop
    assert f"background: {theme.colors.primary};" in shop
    assert ('font-family: "Atkinson Hyperlegible";' in shop) == (theme.font_family is not None)


def test_every_qss_file_is_part_of_a_sheet():
    """A file added to the folder and named nowhere would never style anything."""
    theme = Theme()
    made = theme.style_sheet() + admin_style(theme)
    for qss in STYLES.glob("*.qss"):
        assert theme.fill_in(qss) in made, qss.name


def test_qt_reads_the_sheets_without_a_parse_error(qtbot, qtlog):
    theme = Theme(scale=1.5, font_family="Atkinson Hyperlegible")
    window = QWidget()
    qtbot.addWidget(window)
    window.setStyleSheet(theme.style_sheet())
    admin = QWidget(window)
    admin.setStyleSheet(admin_style(theme))
    QPushButton("OK", admin).ensurePolished()
    window.show()
    qtbot.waitExposed(window)
    assert [record.message for record in qtlog.records
            if "Could not parse stylesheet" in record.message] == []


def test_sizes_are_worked_out_from_the_scaled_size_as_the_layouts_do(tmp_path):
    qss = tmp_path / "sizes.qss"
    qss.write_text("#A { margin: ${touch_target / 2}px ${spacing * 2}px ${px(48) - 4}px"
                   " ${spacing + 1}px; }\n")
    # At 1.1 the touch target is round(79.2) = 79 pixels: half of it is 39, not round(39.6).
    assert Theme(scale=1.1).fill_in(qss) == "#A { margin: 39px 36px 49px 19px; }\n"


@pytest.mark.parametrize("token", ["${primry}", "${primary * 2}", "${px(large)}", "${}"])
def test_a_token_the_theme_does_not_know_is_refused_naming_file_line_and_token(
        tmp_path, token):
    qss = tmp_path / "broken.qss"
    qss.write_text(f"QWidget {{\n    color: {token};\n}}\n")
    with pytest.raises(StyleSheetError) as refused:
        Theme().fill_in(qss)
    message = str(refused.value)
    assert str(qss) in message
    assert "line 2" in message
    assert token in message


def test_a_token_left_open_is_refused(tmp_path):
    qss = tmp_path / "open.qss"
    qss.write_text("QWidget {\n    color: ${primary;\n}\n")
    with pytest.raises(StyleSheetError, match=r"open\.qss, line 2: .*not closed"):
        Theme().fill_in(qss)
