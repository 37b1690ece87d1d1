"""Admin mode: store staff check and fix the terminal on its own touchscreen.

A hidden gesture (gesture.py) opens a PIN pad (pin_pad.py); the right PIN opens the
panel (panel.py) with one page per task. mode.py ties them together, records every
staff action in the journal, and closes admin mode when it is left idle.
"""
