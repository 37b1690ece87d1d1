from PySide6.QtWidgets import QPushButton, QWidget
from support.gestures import named, tap

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.chips import ChipFlow, ChipRow


def test_a_tapped_chip_says_its_key_and_a_checked_one_shows_a_tick(qtbot):
    row = ChipRow(Theme(), checkable=True)
    qtbot.addWidget(row)
    row.resize(1080, 120)
    row.set_chips([("M", "M"), ("Black", "Noir")])
    row.show()
    with qtbot.waitSignal(row.chosen) as chosen:
        tap(qtbot, named(row, QPushButton, "Noir"))
    assert chosen.args == ["Black"]
    assert row.checked_keys() == {"Black"}
    assert row.chip("Black").text() == "✓ Noir"     # not colour alone
    assert row.chip("M").text() == "M"


def test_an_empty_row_takes_no_room(qtbot):
    screen = QWidget()
    qtbot.addWidget(screen)
    row = ChipRow(Theme(), parent=screen)
    row.set_chips([])
    screen.show()
    assert not row.isVisible()
    row.set_chips([("Women/Tops", "Tops")])
    assert row.isVisible()


def test_a_crowded_row_scrolls_instead_of_cutting_its_chips_words(qtbot):
    theme = Theme(scale=1.5)
    row = ChipRow(theme)
    row.setStyleSheet(theme.style_sheet())     # its min-width is what squeezed chips
    qtbot.addWidget(row)
    row.resize(600, 200)
    row.set_chips([(name, name) for name in ("Hoodies & Sweatshirts", "Bras & Tanks", "Tees")])
    row.show()
    qtbot.waitUntil(lambda: row.chip("Tees").width() > 0)
    for key in row.keys():
        chip = row.chip(key)
        assert chip.fontMetrics().horizontalAdvance(chip.text()) <= chip.contentsRect().width()
    assert row.horizontalScrollBar().maximum() > 0


def test_an_ampersand_in_a_label_is_shown_and_spoken_as_written(qtbot):
    row = ChipRow(Theme())
    qtbot.addWidget(row)
    row.set_chips([("Women/Tops/Bras & Tanks", "Bras & Tanks")])
    chip = named(row, QPushButton, "Bras & Tanks")
    assert chip.text() == "Bras && Tanks"      # Qt shows '&&' as one '&', not a shortcut


def test_a_flow_of_chips_wraps_onto_lines_and_cuts_none(qtbot):
    flow = ChipFlow(Theme(scale=1.5), checkable=True)
    qtbot.addWidget(flow)
    sizes = ["XS", "S", "M", "L", "XL", "XXL", "28", "29", "30", "31", "32", "33", "34"]
    flow.set_chips([(size, size) for size in sizes])
    one_line = flow.heightForWidth(4000)
    flow.resize(600, flow.heightForWidth(600))
    flow.show()
    qtbot.waitExposed(flow)
    assert flow.heightForWidth(600) > one_line      # it took more lines, not more width
    for size in sizes:
        chip = flow.chip(size)
        assert flow.rect().contains(chip.geometry()), f"{size} is cut"
    with qtbot.waitSignal(flow.chosen) as chosen:
        tap(qtbot, named(flow, QPushButton, "34"))
    assert chosen.args == ["34"] and flow.checked_keys() == {"34"}
    flow.set_chips([])
    assert not flow.isVisible()
