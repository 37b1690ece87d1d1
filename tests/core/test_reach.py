"""The rows of a window a shopper reaches (EN 301 549, 8.3: 380 to 1,220 mm)."""

import pytest

from kiosk_contract.reach import ScreenMounting


@pytest.mark.parametrize("mounting, rows, expected", [
    # 1,920 rows for 960 mm: two rows a millimetre. The top 440 mm are out of reach.
    (ScreenMounting(960, 700), 1920, (880, 1920)),
    # Out of reach at both ends: 80 mm above, 80 mm below.
    (ScreenMounting(1000, 300), 2000, (160, 1840)),
    # Wholly in reach: every row.
    (ScreenMounting(400, 800), 1080, (0, 1080)),
    # A row partly out of reach counts as out: 430 mm are 430.45 rows, so 431 go.
    (ScreenMounting(950, 700), 951, (431, 951)),
])
def test_the_rows_in_reach_follow_how_the_screen_stands(mounting, rows, expected):
    assert mounting.reachable_rows(rows) == expected


def test_a_screen_with_nothing_in_reach_leaves_no_row():
    first, end = ScreenMounting(500, 1300).reachable_rows(1000)
    assert first == end
    assert not ScreenMounting(500, 1300).overlaps_reach()
    assert ScreenMounting(500, 1000).overlaps_reach()
