"""In-store kiosk: the terminal app (kiosk.ui) over a core that imports no Qt (kiosk.core)."""
