"""Admin mode's look, on top of the shop's style sheet: a dark frame that no shopper
mistakes for a shop screen, with the same type scale and touch targets."""

from __future__ import annotations

from kiosk.ui.theme import Theme


def admin_style(theme: Theme) -> str:
    c = theme.colors
    return f"""
#AdminPinPad, #AdminPanel {{
    background: {c.scrim};
}}
#AdminPinPad QLabel, #AdminPanel > QLabel {{
    background: transparent;
    color: {c.on_primary};
}}
#AdminPinBox {{
    background: transparent;
}}
#AdminTitle {{
    font-size: {theme.title}px;
    font-weight: 700;
}}
#AdminPinDots {{
    font-size: {theme.title}px;
    letter-spacing: {theme.px(8)}px;
    min-height: {theme.px(56)}px;
}}
#AdminPinMessage {{
    font-size: {theme.heading}px;
}}
#AdminPinKey {{
    font-size: {theme.title}px;
    font-weight: 700;
}}
#AdminPinKey:disabled {{
    background: {c.placeholder};
    color: {c.text_muted};
}}
#AdminSection:checked {{
    background: {c.primary};
    color: {c.on_primary};
    border-color: {c.on_primary};
}}
QStackedWidget, #AdminBody, #AdminScroll {{
    background: {c.surface};
}}
#AdminHeading {{
    background: {c.surface};
    font-size: {theme.heading}px;
    font-weight: 700;
    padding: {theme.spacing}px {theme.spacing}px 0 {theme.spacing}px;
}}
#AdminSubheading {{
    font-weight: 700;
    background: transparent;
}}
#AdminFigureName {{
    color: {c.text_muted};
    background: transparent;
    padding-right: {theme.spacing}px;
}}
#AdminFigure, #AdminMessage {{
    background: transparent;
}}
#AdminMessage {{
    font-weight: 700;
}}
#AdminWarning {{
    color: {c.sale};
    font-weight: 700;
    background: transparent;
}}
#AdminDangerButton {{
    color: {c.sale};
    border: 2px solid {c.sale};
    font-weight: 700;
}}
#AdminTouchCell {{
    font-size: {theme.title}px;
}}
#AdminTouchCell:checked {{
    background: {c.in_stock};
    color: {c.on_primary};
    border-color: {c.in_stock};
}}
#AdminText, #AdminLog, #AdminList {{
    background: {c.surface};
    font-size: {theme.small}px;
    border: 2px solid {c.border};
}}
#AdminLog {{
    font-family: monospace;
}}
#AdminList::item {{
    padding: {theme.spacing}px;
    border-bottom: 1px solid {c.border};
}}
#AdminList::item:selected {{
    background: {c.primary};
    color: {c.on_primary};
}}
QLineEdit#AdminReason {{
    min-height: {theme.touch_target}px;
    padding: 0 {theme.spacing}px;
    background: {c.surface};
    border: 3px solid {c.primary};
}}
"""
