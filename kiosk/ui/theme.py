"""Design tokens, and the style sheet every screen uses, made from the `.qss` files in
kiosk/ui/styles with the tokens filled in.

Sizes are in device-independent pixels for a 1080-pixel-wide portrait screen and are
multiplied by `scale` (1.0 normally, 1.5 or 2.0 for large type), so a whole layout grows
together. Text colours keep at least 4.5:1 contrast on the surfaces they are used on
(`READABLE_PAIRS`), and at least 7:1 in the high-contrast set (`HIGH_CONTRAST`) a shopper
can switch to (kiosk/ui/appearance.py applies either, at any scale, without a restart).

A token in a `.qss` file is written `${...}` (kiosk/ui/styles/README.md has the list):
`${primary}` is a colour of `Colors`; `${heading}` a size of `Theme` in pixels at the
theme's scale, and `${px(48)}` any such size; a size may be followed by `* N`, `/ N`
(rounded down), `+ N` or `- N`. An unknown token is refused, naming the file and the line.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import overload

from kiosk.shipped import ASSETS

# The tick of a ticked box: drawn by us, since a styled box no longer draws its own.
CHECK_MARK = ASSETS / "icons" / "check.svg"
STYLES = Path(__file__).with_name("styles")
# The shop's sheet, in order: the pressed look comes last so that it wins over each
# button's own rule.
SHOP_SHEETS = ("shop.qss", "pressed.qss")


@dataclass(frozen=True)
class Colors:
    background: str = "#F4F1EC"
    surface: str = "#FFFFFF"
    text: str = "#1D1B19"            # 16.3:1 on surface
    text_muted: str = "#55504A"      # 7.9:1 on surface
    primary: str = "#0B4F8A"         # white text on it: 8.4:1
    on_primary: str = "#FFFFFF"
    in_stock: str = "#1E6B34"        # 6.6:1 on surface; always paired with a word and a mark
    sale: str = "#A3261C"            # 6.9:1 on surface
    border: str = "#C9C2B8"
    placeholder: str = "#E4DED6"
    primary_light: str = "#9DB8D3"   # disabled buttons on the primary bar (not text to read)
    scrim: str = "#0B2440"           # behind white text: 15:1
    pressed: str = "#D6CEC2"         # a light control under the finger; text 10:1 on it
    primary_pressed: str = "#06335C" # a primary control under the finger; white text 12:1


# Black on white, dark blue for what acts, every edge drawn black: at least 7:1 for each
# text on each surface it is read on (WCAG AAA), where the usual set keeps 4.5:1.
HIGH_CONTRAST = Colors(
    background="#E8E8E8",
    surface="#FFFFFF",
    text="#000000",              # 21:1 on surface
    text_muted="#262626",        # 15.1:1 on surface
    primary="#002B66",           # 13.7:1 on surface; white text on it 13.7:1
    on_primary="#FFFFFF",
    in_stock="#0A4D1C",          # 10:1 on surface
    sale="#7A0F08",              # 11.1:1 on surface
    border="#000000",
    placeholder="#D4D4D4",       # black text 14.2:1
    primary_light="#8FA3C2",     # disabled buttons on the primary bar (not text to read)
    scrim="#000000",
    pressed="#BDBDBD",           # black text 11.2:1; pressed.qss also moves the border
    primary_pressed="#00152F",   # white text 18.3:1
)

# (text colour, the surface it is read on) for every text the style sheets and the
# painted widgets set: tests/ui/test_appearance.py holds each to its contrast minimum.
READABLE_PAIRS = (
    ("text", "surface"), ("text", "background"), ("text", "placeholder"),
    ("text", "pressed"),
    ("text_muted", "surface"), ("text_muted", "background"), ("text_muted", "placeholder"),
    ("text_muted", "pressed"),
    ("primary", "surface"), ("primary", "background"), ("primary", "placeholder"),
    ("on_primary", "primary"), ("on_primary", "primary_pressed"), ("on_primary", "scrim"),
    ("in_stock", "surface"), ("in_stock", "background"),
    ("sale", "surface"), ("sale", "background"),
)


class StyleSheetError(ValueError):
    """A `.qss` file holds a token that is not one of the theme's."""


class ScaledSize:
    """A size given for scale 1.0; read on a theme, it is in pixels at the theme's scale."""

    def __init__(self, base: int) -> None:
        self.base = base

    @overload
    def __get__(self, theme: None, owner: type) -> ScaledSize: ...
    @overload
    def __get__(self, theme: Theme, owner: type) -> int: ...
    def __get__(self, theme: Theme | None, owner: type) -> int | ScaledSize:
        return self if theme is None else theme.px(self.base)


_TOKEN = re.compile(r"\$\{([^}\n]*)\}")
_SIZE_EXPRESSION = re.compile(
    r"\s*(?:px\((?P<pixels>\d+)\)|(?P<name>\w+))\s*(?:(?P<op>[-+*/])\s*(?P<operand>\d+))?\s*")
_ARITHMETIC = {"*": operator.mul, "/": operator.floordiv, "+": operator.add, "-": operator.sub}


@dataclass(frozen=True)
class Theme:
    scale: float = 1.0
    colors: Colors = Colors()
    font_family: str | None = None     # None: the system's sans-serif

    def px(self, value: float) -> int:
        return round(value * self.scale)

    # Type scale, in pixels.
    body = ScaledSize(24)
    small = ScaledSize(20)
    title = ScaledSize(40)
    heading = ScaledSize(30)
    # At least 9 mm on a 21.5-inch 1080p panel (about 102 px/inch), with margin.
    touch_target = ScaledSize(72)
    spacing = ScaledSize(16)

    @property
    def minimum_target(self) -> int:
        """The least a control may shrink to where many must share a row (keyboard keys).

        It is the base touch target, not scaled with the type: 72 px is still twice 9 mm on
        the densest panel, and a scaled one would not let ten keys fit across a portrait screen.
        """
        return 72

    def style_sheet(self) -> str:
        return self.sheet(*SHOP_SHEETS)

    def sheet(self, *file_names: str) -> str:
        """The files of kiosk/ui/styles named, in order, each on a fresh line, with this
        theme's values in place of their tokens."""
        return "".join("\n" + self.fill_in(STYLES / name) for name in file_names)

    def fill_in(self, qss: Path) -> str:
        """The text of `qss` with every `${...}` token replaced by this theme's value."""
        text = qss.read_text(encoding="utf-8")

        def value(token: re.Match[str]) -> str:
            try:
                return self._token_value(token.group(1))
            except StyleSheetError as reason:
                line = text.count("\n", 0, token.start()) + 1
                raise StyleSheetError(f"{qss}, line {line}: {token.group(0)}: {reason}") from None

        filled = _TOKEN.sub(value, text)
        if "${" in filled:
            # Values hold no line breaks: a line of `filled` is that line of the file.
            line = filled.count("\n", 0, filled.index("${")) + 1
            raise StyleSheetError(f"{qss}, line {line}: a token opened with ${{ is not closed")
        return filled

    def _token_value(self, token: str) -> str:
        if token in _COLOR_NAMES:
            return getattr(self.colors, token)
        if token == "font_family":
            # The whole declaration, so that without a family of our own Qt keeps its default.
            return f'font-family: "{self.font_family}";' if self.font_family else ""
        if token == "check_mark":
            return CHECK_MARK.as_posix()
        size = _SIZE_EXPRESSION.fullmatch(token)
        if size is None or (size["name"] and size["name"] not in _SIZE_NAMES):
            raise StyleSheetError(
                f"not a token of the theme (colours: {', '.join(_COLOR_NAMES)}; sizes: "
                f"{', '.join(_SIZE_NAMES)}, px(N), a size * N, / N, + N or - N; "
                "font_family; check_mark)")
        pixels = self.px(int(size["pixels"])) if size["pixels"] else getattr(self, size["name"])
        if size["op"]:
            pixels = _ARITHMETIC[size["op"]](pixels, int(size["operand"]))
        return str(pixels)


_COLOR_NAMES = tuple(field.name for field in fields(Colors))
_SIZE_NAMES = tuple(name for name, value in vars(Theme).items() if isinstance(value, ScaledSize))
