"""Design tokens and the one style sheet every screen uses.

Sizes are in device-independent pixels for a 1080-pixel-wide portrait screen and are
multiplied by `scale` (1.0 normally, 1.5 for large type), so a whole layout grows
together. Text colours keep at least 4.5:1 contrast on the surfaces they are used on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The tick of a ticked box: drawn by us, since a styled box no longer draws its own.
CHECK_MARK = Path(__file__).resolve().parents[2] / "assets" / "icons" / "check.svg"


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


@dataclass(frozen=True)
class Theme:
    scale: float = 1.0
    colors: Colors = Colors()
    font_family: str | None = None     # None: the system's sans-serif

    def px(self, value: float) -> int:
        return round(value * self.scale)

    # Type scale, in pixels.
    @property
    def body(self) -> int:
        return self.px(24)

    @property
    def small(self) -> int:
        return self.px(20)

    @property
    def title(self) -> int:
        return self.px(40)

    @property
    def heading(self) -> int:
        return self.px(30)

    @property
    def touch_target(self) -> int:
        """At least 9 mm on a 21.5-inch 1080p panel (about 102 px/inch), with margin."""
        return self.px(72)

    @property
    def minimum_target(self) -> int:
        """The least a control may shrink to where many must share a row (keyboard keys).

        It is the base touch target, not scaled with the type: 72 px is still twice 9 mm on
        the densest panel, and a scaled one would not let ten keys fit across a portrait screen.
        """
        return 72

    @property
    def spacing(self) -> int:
        return self.px(16)

    def style_sheet(self) -> str:
        c = self.colors
        family = f'font-family: "{self.font_family}";' if self.font_family else ""
        return f"""
QWidget {{
    background: {c.background};
    color: {c.text};
    font-size: {self.body}px;
    {family}
}}
#TopBar {{
    background: {c.primary};
}}
#StoreName {{
    background: transparent;
    color: {c.on_primary};
    font-weight: 700;
    padding-left: {self.spacing}px;
}}
#TopBarButton, #LanguageButton {{
    background: transparent;
    color: {c.on_primary};
    border: 2px solid {c.on_primary};
    padding: 0 {self.spacing}px;
}}
#TopBarButton:disabled {{
    color: {c.primary_light};
    border-color: {c.primary_light};
}}
#PrimaryButton {{
    background: {c.primary};
    color: {c.on_primary};
    border: 2px solid {c.primary};
    font-size: {self.heading}px;
    font-weight: 700;
}}
#AttractScreen, #AttractScreen QLabel {{
    background: {c.surface};
}}
#AttractStore {{
    font-size: {self.title}px;
    font-weight: 700;
    color: {c.primary};
}}
#AttractWelcome {{
    font-size: {self.heading}px;
    color: {c.text_muted};
}}
#AttractCaption {{
    font-size: {self.heading}px;
    font-weight: 600;
}}
#AttractLanguageButton {{
    font-size: {self.heading}px;
    min-height: {self.touch_target}px;
}}
#AttractLanguages {{
    background: transparent;
}}
#StillThere, #ErrorMessage {{
    background: {c.scrim};
}}
#StillThere QLabel, #ErrorMessage {{
    color: {c.on_primary};
    background: transparent;
}}
#ErrorMessage {{
    background: {c.scrim};
    font-size: {self.title}px;
    padding: {self.spacing * 4}px;
}}
#StillThereQuestion {{
    font-size: {self.px(64)}px;
    font-weight: 700;
}}
#StillThereDetail {{
    font-size: {self.heading}px;
}}
#ScreenTitle {{
    font-size: {self.title}px;
    font-weight: 700;
    padding: {self.spacing}px {self.spacing * 2}px 0 {self.spacing * 2}px;
}}
#StatusMessage {{
    color: {c.text_muted};
    font-size: {self.heading}px;
    padding: {self.spacing * 2}px;
}}
#Breadcrumb, #BreadcrumbStrip, #CrumbSeparator, #CrumbCurrent {{
    background: transparent;
}}
QPushButton#Crumb {{
    background: transparent;
    border: none;
    color: {c.primary};
    text-decoration: underline;
    padding: 0 {self.spacing}px;
}}
#CrumbSeparator {{
    color: {c.text_muted};
}}
#CrumbCurrent {{
    color: {c.text_muted};
    padding: 0 {self.spacing}px;
}}
#FilterSummary {{
    color: {c.text_muted};
    font-size: {self.small}px;
    padding: 0 {self.spacing * 2}px {self.spacing // 2}px {self.spacing * 2}px;
}}
#FilterPanel, #PanelScroller, #PanelChoices, #StockRow {{
    background: {c.background};
}}
#PanelTitle {{
    font-size: {self.title}px;
    font-weight: 700;
    padding: 0 {self.spacing * 2}px;
}}
#PanelHeading {{
    font-size: {self.heading}px;
    font-weight: 700;
    padding: {self.spacing}px {self.spacing * 2}px 0 {self.spacing * 2}px;
}}
QPushButton#ToggleButton:checked {{
    background: {c.primary};
    color: {c.on_primary};
    border-color: {c.primary};
}}
#ToggleButtonText {{
    background: transparent;
    font-size: {self.body}px;
}}
#ConsentBoxText {{
    background: transparent;
    font-weight: 700;
}}
#ToggleButtonText[checked="true"] {{
    color: {c.on_primary};
}}
QListView {{
    border: none;
    background: {c.background};
}}
QPushButton {{
    min-height: {self.touch_target}px;
    min-width: {self.touch_target}px;
    padding: 0 {self.spacing * 2}px;
    border-radius: {self.px(12)}px;
    background: {c.surface};
    border: 2px solid {c.border};
    font-size: {self.body}px;
}}
#SecondaryButton {{
    color: {c.primary};
    border: 2px solid {c.primary};
    font-weight: 700;
}}
#PrimaryButton:disabled {{
    background: {c.placeholder};
    border-color: {c.placeholder};
    color: {c.text_muted};
}}
#BasketRow {{
    background: {c.surface};
    border: 2px solid {c.border};
    border-radius: {self.px(12)}px;
}}
#BasketRow QLabel {{
    background: transparent;
}}
#BasketLineName, #FieldLabel {{
    font-weight: 700;
}}
#StepButton {{
    font-size: {self.title}px;
    font-weight: 700;
    padding: 0;
}}
#BasketQuantity {{
    font-size: {self.heading}px;
    font-weight: 700;
    min-width: {self.touch_target}px;
}}
#BasketSubtotal, #ReviewTotal, #ConfirmationSummary {{
    font-size: {self.heading}px;
    font-weight: 700;
}}
QLineEdit#FormField {{
    min-height: {self.touch_target}px;
    padding: 0 {self.spacing}px;
    background: {c.surface};
    border: 2px solid {c.border};
    border-radius: {self.px(12)}px;
}}
QLineEdit#FormField:focus {{
    border: 3px solid {c.primary};
}}
QLineEdit#FormField[invalid="true"] {{
    border: 3px solid {c.sale};
}}
#FieldError {{
    color: {c.sale};
    font-weight: 700;
}}
QCheckBox#ConsentBox {{
    min-height: {self.touch_target}px;
    spacing: {self.spacing}px;
    font-weight: 700;
}}
QCheckBox#ConsentBox::indicator {{
    width: {self.px(48)}px;
    height: {self.px(48)}px;
    border: 3px solid {c.text};
    border-radius: {self.px(8)}px;
    background: {c.surface};
}}
QCheckBox#ConsentBox::indicator:checked {{
    background: {c.primary};
    border-color: {c.primary};
    image: url("{CHECK_MARK.as_posix()}");
}}
#ReferenceCaption {{
    font-size: {self.heading}px;
}}
#OrderReference {{
    font-size: {self.px(72)}px;
    font-weight: 700;
    letter-spacing: {self.px(6)}px;
    color: {c.primary};
}}
#Notice {{
    background: {c.scrim};
    color: {c.on_primary};
    font-size: {self.heading}px;
    padding: {self.spacing * 2}px;
    border-radius: {self.px(12)}px;
}}
#SearchEntry {{
    text-align: left;
    padding-left: {self.spacing * 2}px;
    color: {c.text_muted};
    border-radius: {self.touch_target // 2}px;
}}
#SectionTitle {{
    font-size: {self.heading}px;
    font-weight: 700;
    padding: {self.spacing}px {self.spacing * 2}px 0 0;
}}
#Hint {{
    color: {c.text_muted};
}}
#StoreCard {{
    background: {c.surface};
    border: 2px solid {c.border};
    border-radius: {self.px(12)}px;
}}
#StoreCard QLabel {{
    background: transparent;
}}
#StoreCardName {{
    font-weight: 700;
}}
#StoreCardLevel {{
    font-weight: 700;
}}
#StoreCardLevel[level="in_stock"][certain="true"] {{
    color: {c.in_stock};
}}
#StoreCardLevel[level="few_left"][certain="true"] {{
    color: {c.sale};
}}
#StoreCardAge, #StoreCardDetails {{
    color: {c.text_muted};
}}
#StoreCardAge[certain="false"] {{
    color: {c.text};
    font-style: italic;
}}
#LiveStockNote {{
    color: {c.text_muted};
    font-style: italic;
}}
QPushButton#StoreDetailsButton:checked {{
    background: {c.primary};
    color: {c.on_primary};
    border-color: {c.primary};
}}
#ChipRow, #ChipStrip, #ChipFlow {{
    background: transparent;
}}
QPushButton#Chip {{
    border-radius: {self.touch_target // 2}px;
    padding: 0 {self.spacing * 2}px;
}}
QPushButton#Chip:checked {{
    background: {c.primary};
    color: {c.on_primary};
    border-color: {c.primary};
}}
#SearchField {{
    min-height: {self.touch_target}px;
    padding: 0 {self.spacing}px;
    font-size: {self.heading}px;
    background: {c.surface};
    border: 2px solid {c.primary};
    border-radius: {self.px(12)}px;
}}
#SearchClearButton {{
    font-size: {self.title}px;
    padding: 0;
}}
#SearchStatus {{
    font-weight: 600;
}}
#SearchHint {{
    color: {c.text_muted};
}}
#OnScreenKeyboard {{
    background: {c.placeholder};
}}
QPushButton#KeyboardKey, QPushButton#KeyboardActionKey, QPushButton#KeyboardDoneKey {{
    min-width: 0px;
    min-height: 0px;
    padding: 0px;
}}
#KeyboardKey {{
    font-size: {self.heading}px;
}}
#KeyboardActionKey, #KeyboardDoneKey {{
    font-weight: 700;
}}
#KeyboardActionKey:checked {{
    background: {c.primary};
    color: {c.on_primary};
    border-color: {c.primary};
}}
#KeyboardDoneKey {{
    background: {c.primary};
    color: {c.on_primary};
    border: 2px solid {c.primary};
}}
/* --- product screen ------------------------------------------------------------ */
#GalleryBlock, #Gallery, #PageDots {{
    background: {c.surface};
}}
#PageDots {{
    color: {c.text_muted};
    padding-bottom: {self.spacing}px;
}}
#ProductName {{
    font-size: {self.title}px;
    font-weight: 700;
}}
#ProductPrice {{
    font-size: {self.title}px;
    font-weight: 700;
}}
#ProductSpecial, #StockLevel[level="few_left"] {{
    color: {c.sale};
    font-weight: 700;
}}
#ProductSection {{
    font-size: {self.heading}px;
    font-weight: 700;
}}
#StockLevel {{
    font-size: {self.heading}px;
    font-weight: 700;
}}
#StockLevel[level="in_stock"] {{
    color: {c.in_stock};
}}
#StockDetail, #AttributeName {{
    color: {c.text_muted};
}}
#DecisionBar {{
    background: {c.surface};
    border-top: 2px solid {c.border};
}}
#DecisionBar QLabel {{
    background: transparent;
}}
#ProductChoice {{
    font-weight: 600;
}}
#OptionChips {{
    background: transparent;
}}
/* One border width in every state, so that a chip keeps its size when it changes. */
#OptionChips QPushButton#Chip {{
    border-width: 3px;
}}
/* Where an option can be had, told by the border's shape as well as by its word. */
QPushButton#Chip[availability="elsewhere"] {{
    border: 3px dashed {c.text_muted};
}}
QPushButton#Chip[availability="nowhere"] {{
    color: {c.text_muted};
    text-decoration: line-through;
}}
QPushButton#Chip[availability="elsewhere"]:checked,
QPushButton#Chip[availability="nowhere"]:checked {{
    color: {c.on_primary};
    border-color: {c.on_primary};
    background: {c.primary};
}}
#PhonePanel, #ConfirmPanel {{
    background: {c.scrim};
}}
#ConfirmCard, #ConfirmCard QLabel {{
    background: {c.surface};
}}
#ConfirmCard {{
    border-radius: {self.px(16)}px;
}}
#ConfirmTitle {{
    font-size: {self.heading}px;
    font-weight: 700;
}}
#PhoneCard, #PhoneCard QLabel {{
    background: {c.surface};
}}
#PhoneCard {{
    border-radius: {self.px(16)}px;
}}
#PhoneTitle {{
    font-size: {self.heading}px;
    font-weight: 700;
}}
/* --- compare screen and tray bar ------------------------------------------------ */
#CompareTable QLabel, #CompareHeader QLabel {{
    background: transparent;
}}
#CompareHeader {{
    background: {c.surface};
    border: 2px solid {c.border};
    border-radius: {self.px(12)}px;
}}
#CompareProductName {{
    font-weight: 700;
}}
#CompareLegend {{
    color: {c.text_muted};
    padding: {self.spacing // 2}px {self.spacing * 2}px;
}}
#CompareRowLabel {{
    color: {c.text_muted};
    font-size: {self.small}px;
    font-weight: 700;
}}
#CompareRowBand {{
    background: {c.surface};
}}
#CompareRowBand[differs="true"] {{
    background: {c.placeholder};
    border-left: {self.px(6)}px solid {c.primary};
}}
#CompareTrayBar {{
    background: {c.surface};
    border-top: 2px solid {c.border};
}}
QPushButton#CompareTrayRemove {{
    padding: 0px;
}}
#CompareTrayItem {{
    background: transparent;
}}
QPushButton#CompareTrayButton {{
    background: {c.primary};
    color: {c.on_primary};
    border: 2px solid {c.primary};
    font-weight: 700;
    padding: 0 {self.spacing}px;
}}
QPushButton#CompareTrayButton:disabled {{
    background: {c.primary_light};
    border-color: {c.primary_light};
    color: {c.text};
}}
#CompareTrayName {{
    background: transparent;
    font-size: {self.small}px;
}}
""" + self._pressed_rules()

    def _pressed_rules(self) -> str:
        """Every button answers the finger the moment it lands: a darker fill, and the
        face sinks (a thicker top edge, no bottom one, so that the button keeps its size
        and nothing moves). Last in the sheet, and as specific as each button's own rule,
        so that it wins over it."""
        c = self.colors
        light = ", ".join(f"QPushButton{name}:pressed" for name in ("", *LIGHT_BUTTONS))
        dark = ", ".join([*(f"QPushButton{name}:pressed" for name in DARK_BUTTONS),
                          *(f"QPushButton{name}:checked:pressed" for name in CHECKABLE_BUTTONS)])
        areas = ", ".join(f"{name}:pressed" for name in TAP_AREAS)
        sunk = "border-top-width: 4px; border-bottom-width: 0px;"
        return f"""
/* --- under the finger ----------------------------------------------------------- */
{light} {{
    background: {c.pressed};
    color: {c.text};
    border-color: {c.text};
    {sunk}
}}
{dark} {{
    background: {c.primary_pressed};
    color: {c.on_primary};
    border-color: {c.scrim};
    {sunk}
}}
{areas} {{
    background: {c.pressed};
    border-color: {c.text};
    {sunk}
}}
QCheckBox#ConsentBox::indicator:pressed {{
    background: {c.pressed};
    border-width: 5px;      /* 2px more, the box 4px less: it keeps its size */
    width: {self.px(48) - 4}px;
    height: {self.px(48) - 4}px;
}}
QCheckBox#ConsentBox::indicator:checked:pressed {{
    background: {c.primary_pressed};
    border-color: {c.scrim};
}}
"""


# The buttons the pressed look covers, by object name: light ones darken, primary ones
# (and checked ones, which are primary-coloured) go deeper blue.
LIGHT_BUTTONS = (
    "#SecondaryButton", "#Chip", "#ToggleButton", "#StoreDetailsButton", "#StepButton",
    "#RemoveButton", "#SearchEntry", "#SearchClearButton", "#Crumb",
    "#AttractLanguageButton", "#FiltersButton", "#CompareRemove", "#CompareTrayRemove",
    "#OtherStores", "#ProductAction", "#KeyboardKey", "#KeyboardActionKey", "#AdminPinKey",
    "#AdminButton", "#AdminSection", "#AdminDangerButton", "#AdminTouchCell",
)
DARK_BUTTONS = ("#PrimaryButton", "#KeyboardDoneKey", "#CompareTrayButton", "#TopBarButton",
                "#LanguageButton")
CHECKABLE_BUTTONS = ("#Chip", "#ToggleButton", "#StoreDetailsButton", "#KeyboardActionKey",
                     "#AdminSection", "#AdminTouchCell")
# Areas made of other widgets that take the tap as a whole (widgets/compare_tray.TapArea).
TAP_AREAS = ("#CompareHeader", "#CompareTrayItem")
