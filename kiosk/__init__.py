"""In-store kiosk: the terminal app (kiosk.ui) over a core that imports no Qt (kiosk.core)."""


def __getattr__(name: str) -> str:
    # importlib.metadata takes a twentieth of a second to import: looked up when asked
    # (by sync, for the heartbeat), not on the way to the first screen.
    if name != "__version__":
        raise AttributeError(name)
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("kiosk")
    except PackageNotFoundError:   # running from a checkout that was never installed
        return "0+unknown"
