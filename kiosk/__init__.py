"""In-store kiosk: the terminal app (kiosk.ui) over a core that imports no Qt (kiosk.core)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kiosk")
except PackageNotFoundError:   # running from a checkout that was never installed
    __version__ = "0+unknown"
