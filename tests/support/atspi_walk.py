"""Read the running kiosk as a screen reader does, through AT-SPI, and report every control
that has no name or the wrong role.

Run by the system's Python (/usr/bin/python3, where Debian's python3-pyatspi lives), on the
display and D-Bus session the kiosk runs on (tests/support/atspi_desktop.py). It takes a
French shopper's way through the kiosk with AT-SPI actions and pointer clicks, as an
assistive technology would: the attract screen, the home, a category, a product, the
basket. On each screen it walks the whole tree of what shows and checks every control.

A product's colour and size, and the accessibility panel's switches, are worked with their
first action, the one a screen reader or switch access performs by default: Qt's "Toggle"
on a checkable button, which turns it without the click a tap makes. The walk goes on only
once the kiosk acts on it: the product asks for what is still to choose; a switch says its
new state in its description, which the kiosk gives back from the shopper's session.

With --large, the shopper first switches on the largest text, high contrast and reach mode
from the start screen's accessibility button, and the walk reads every screen that way.

Prints one JSON line per screen: {"screen": ..., "controls": [...], "problems": [...]}.
Exits 0 once every screen was read (problems or not), 2 with a message on stderr when the
kiosk could not be found or a screen could not be reached.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator

import gi

gi.require_version("Atspi", "2.0")
import pyatspi  # noqa: E402
from gi.repository import Atspi  # noqa: E402

WAIT_S = 30
POLL_S = 0.25
SETTLE_S = 0.5

# What a control may be: a role for each kind of thing a shopper can act on.
CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "text", "entry",
    "password text", "combo box", "spin button", "slider", "scroll bar", "list", "list box",
    "list item", "table", "table cell", "tree table", "page tab", "page tab list", "link",
    "menu item", "check menu item", "radio menu item",
}
# What a control that is pressed may be (an action "Press" on a pane is no button).
PRESSABLE_ROLES = {"push button", "toggle button", "check box", "radio button", "link",
                   "menu item", "check menu item", "radio menu item", "page tab",
                   "combo box", "list item", "table cell"}
# What a choice among a product's options may be (a chip stays down once chosen).
CHOICE_ROLES = {"check box", "toggle button", "radio button"}
OPTION_TITLES = ("Couleur", "Taille")
# The product's button saying what is still to choose: nothing chosen, then a colour.
STILL_TO_CHOOSE = ("Choisissez une taille et une couleur", "Choisissez une taille")
SWITCHED_ON = "oui"        # a switch's state, once on, in its description
# Actions every Qt widget that takes focus offers; none of them makes a thing a control.
FOCUS_ACTIONS = {"SetFocus"}


class Unreachable(Exception):
    """A screen the walk was to reach did not come."""


# --- reading the tree ------------------------------------------------------------------

def states_of(node) -> set[str]:
    state_set = node.getState()
    return {name for name, state in (("showing", pyatspi.STATE_SHOWING),
                                     ("visible", pyatspi.STATE_VISIBLE),
                                     ("focusable", pyatspi.STATE_FOCUSABLE),
                                     ("enabled", pyatspi.STATE_ENABLED))
            if state_set.contains(state)}


def actions_of(node) -> list[str]:
    try:
        action = node.queryAction()
    except NotImplementedError:
        return []
    return [action.getName(index) for index in range(action.nActions)]


def shown_nodes(root) -> Iterator[tuple[object, list[str]]]:
    """Every node on screen under `root`, with the names of its ancestors."""
    stack = [(root, [])]
    while stack:
        node, path = stack.pop()
        try:
            states = states_of(node)
            count = node.childCount
        except Exception:          # a node gone while we read (a screen changing)
            continue
        if not {"showing", "visible"} <= states:
            continue
        yield node, path
        here = path + [node.name or f"({node.getRoleName()})"]
        for index in reversed(range(count)):
            child = node.getChildAtIndex(index)
            if child is not None:
                stack.append((child, here))


def find(root, role: str, name: str | Callable[[str], bool]):
    """The first node on screen with that role and name (or a name `name` accepts)."""
    accepts = name if callable(name) else (lambda text: text == name)
    for node, _ in shown_nodes(root):
        if node.getRoleName() == role and accepts(node.name or ""):
            return node
    return None


def wait_for_choice(root, name, what: str):
    """A control that stays down once chosen (a switch, a chip), whichever of those roles."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        for role in CHOICE_ROLES:
            node = find(root, role, name)
            if node is not None:
                return node
        time.sleep(POLL_S)
    raise Unreachable(f"{what}: no {' or '.join(sorted(CHOICE_ROLES))} showed within {WAIT_S} s")


def wait_for(root, role: str, name, what: str):
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        node = find(root, role, name)
        if node is not None:
            return node
        time.sleep(POLL_S)
    raise Unreachable(f"{what}: no {role} named {name if isinstance(name, str) else '…'} "
                      f"showed within {WAIT_S} s")


# --- checking the controls ---------------------------------------------------------------

def check_controls(root) -> tuple[list[str], list[str]]:
    """(every control seen, every problem), each said with the control's place."""
    controls, problems = [], []
    for node, path in shown_nodes(root):
        role = node.getRoleName()
        actions = [name for name in actions_of(node) if name not in FOCUS_ACTIONS]
        focusable = "focusable" in states_of(node)
        if not (focusable or actions or role in CONTROL_ROLES):
            continue
        name = (node.name or "").strip()
        where = " › ".join(part for part in path[-3:] if part)
        said = f"{role} {name!r} in {where}"
        controls.append(said)
        if not name and role not in ("list", "table", "scroll bar"):
            problems.append(f"{said}: no name")
        if role not in CONTROL_ROLES:
            problems.append(f"{said}: a control, but its role is {role!r}")
        elif "Press" in actions and role not in PRESSABLE_ROLES:
            problems.append(f"{said}: pressed like a button, but its role is {role!r}")
    return controls, problems


def settled_check(root, screen: str) -> tuple[list[str], list[str]]:
    """The check of a screen that has stopped changing: two readings alike in a row (what
    a screen reads from the catalog arrives a moment after it shows)."""
    deadline = time.monotonic() + WAIT_S
    last = check_controls(root)
    while time.monotonic() < deadline:
        time.sleep(SETTLE_S)
        now = check_controls(root)
        if now == last:
            return now
        last = now
    raise Unreachable(f"{screen}: still changing after {WAIT_S} s")


def report(screen: str, root) -> None:
    controls, problems = settled_check(root, screen)
    print(json.dumps({"screen": screen, "controls": controls, "problems": problems}),
          flush=True)


# --- acting as the shopper ---------------------------------------------------------------

def press(node, what: str) -> None:
    """The control's own action, as a screen reader's user activates it."""
    action = node.queryAction()
    names = [action.getName(index) for index in range(action.nActions)]
    if "Press" not in names:
        raise Unreachable(f"{what}: it offers no Press action (only {names})")
    action.doAction(names.index("Press"))


def first_action(node, what: str) -> str:
    """The control's first action, the one an assistive technology performs by default;
    returns its name."""
    action = node.queryAction()
    if action.nActions == 0:
        raise Unreachable(f"{what}: it offers no action")
    name = action.getName(0)
    action.doAction(0)
    return name


def switch_on(kiosk, name: str | Callable[[str], bool], what: str) -> None:
    """Turn one of the accessibility panel's switches on by its first action, and wait for
    it to say it is on: the shopper's session holds the choice."""
    switch = wait_for_choice(kiosk, name, what)
    action = first_action(switch, what)
    wait_until(lambda: switch.description == SWITCHED_ON,
               f"{what} switched on by its first action {action!r} "
               f"(it still says {switch.description!r})")


def click(node, what: str) -> None:
    """A pointer click in the middle of the node, for what has no action of its own (a
    product card in a grid): pressed, held a moment as a finger is, released."""
    box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    if box.width <= 0 or box.height <= 0:
        raise Unreachable(f"{what}: it has no area on screen to click")
    x, y = box.x + box.width // 2, box.y + box.height // 2
    Atspi.generate_mouse_event(x, y, "abs")      # the pointer there first, then the press
    time.sleep(0.2)
    Atspi.generate_mouse_event(x, y, "b1p")
    time.sleep(0.15)
    Atspi.generate_mouse_event(x, y, "b1r")


def find_kiosk():
    desktop = pyatspi.Registry.getDesktop(0)
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is not None and app.name == "kiosk":
                # Read afresh every time: the walk polls rather than follows events.
                app.set_cache_mask(Atspi.Cache.NONE)
                return app
        time.sleep(POLL_S)
    raise Unreachable(f"no application named 'kiosk' on the AT-SPI bus within {WAIT_S} s "
                      "(is QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 set?)")


def walk(large: bool) -> None:
    kiosk = find_kiosk()
    start = wait_for(kiosk, "push button", "Touchez l’écran pour commencer", "attract screen")
    report("attract", kiosk)
    if large:
        # The start screen's accessibility button starts a session with its panel open.
        press(wait_for(kiosk, "push button", "Accessibilité", "the accessibility button"),
              "the start screen's accessibility button")
        switch_on(kiosk, lambda name: name.endswith("Très grand"), "the largest text")
        switch_on(kiosk, "Contraste élevé", "high contrast")
        switch_on(kiosk, "Tout à portée de main", "reach mode")
        press(wait_for(kiosk, "push button", "Terminé", "the accessibility panel's Done"),
              "the accessibility panel's Done")
    else:
        press(start, "the attract screen's start button")

    women = wait_for(kiosk, "push button", "Femme", "home (its category tile 'Femme')")
    wait_for(kiosk, "push button", "Rechercher un produit", "home (its search entry)")
    report("home", kiosk)
    press(women, "the category tile 'Femme'")

    grid = wait_for(kiosk, "list", "Produits de cette catégorie", "the category 'Femme'")
    card = wait_for(grid, "list item", lambda name: bool(name),
                    "the category 'Femme' (a product card)")
    report("category", kiosk)
    click(card, f"the product card {card.name!r}")

    wait_for(kiosk, "push button", lambda name: name.startswith("Choisissez"),
             "the product (the button saying what is still to choose)")
    report("product", kiosk)
    choose_variant(kiosk)
    press(wait_for(kiosk, "push button", "Livrer à mon domicile", "the product, chosen"),
          "the product's 'Livrer à mon domicile'")

    details = wait_for(kiosk, "push button", "Saisir mes coordonnées", "the basket")
    report("basket", kiosk)
    press(details, "the basket's 'Saisir mes coordonnées'")

    wait_for(kiosk, "text", "Prénom", "the delivery form (its first name)")
    report("form", kiosk)

    press(wait_for(kiosk, "push button", "Accessibilité", "the accessibility button"),
          "the accessibility button")
    wait_for(kiosk, "push button", "Terminé", "the accessibility panel (its Done button)")
    report("accessibility", kiosk)
    if not large:
        switch_on(kiosk, "Lecture vocale", "speech")


def option_row(kiosk, title: str) -> list:
    """The choices under a product's row title ("Couleur"): the first choice below it and
    those beside it in the same row of options."""
    label = wait_for(kiosk, "label", title, f"the product's row {title!r}")
    under = top_of(label)
    below = [node for node, _ in shown_nodes(kiosk)
             if node.getRoleName() in CHOICE_ROLES and node.name and top_of(node) > under]
    if not below:
        raise Unreachable(f"the product shows nothing to choose under {title!r}")
    first = min(below, key=lambda node: (top_of(node), left_of(node)))
    return [node for node in below if node.parent == first.parent]


def choose_variant(kiosk) -> None:
    """Choose the first colour the product offers, then the first size, each by its first
    action: the product then asks for the size only, then for nothing."""
    asking = wait_for(kiosk, "push button", STILL_TO_CHOOSE[0], "the product, nothing chosen")
    for title, then_asks in zip(OPTION_TITLES, (*STILL_TO_CHOOSE[1:], None), strict=True):
        first = min(option_row(kiosk, title), key=lambda node: (top_of(node), left_of(node)))
        what = f"the {title.lower()} {first.name!r}"
        action = first_action(first, what)
        wait_until(lambda first=first: first.getState().contains(pyatspi.STATE_CHECKED),
                   f"{what} ticked by its first action {action!r}")
        if then_asks is not None:
            wait_until(lambda then_asks=then_asks: asking.name == then_asks,
                       f"{what} chosen by its first action {action!r} (the product "
                       f"still asks {asking.name!r})")


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() > deadline:
            raise Unreachable(f"{what}: not within {WAIT_S} s")
        time.sleep(POLL_S)


def top_of(node) -> int:
    return node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS).y


def left_of(node) -> int:
    return node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS).x


def main() -> int:
    try:
        walk(large="--large" in sys.argv[1:])
    except Unreachable as error:
        print(f"atspi_walk: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
