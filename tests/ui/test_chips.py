from PySide6.QtWidgets import QPushButton, QWidget
from support.gestures import named, tap

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.chips import ChipRow


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
