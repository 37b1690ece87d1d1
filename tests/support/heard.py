"""What a kiosk said: its speech's utterances (the mock engine's in most tests), in order."""

from __future__ import annotations

WAIT_MS = 10_000


class Heard:
    def __init__(self, qtbot, kiosk) -> None:
        self.qtbot = qtbot
        self.all: list[str] = []
        kiosk.speech.utterance.connect(self.all.append)

    def next(self, action) -> str:
        """What the kiosk says after `action`, said in one utterance."""
        before = len(self.all)
        action()
        self.qtbot.waitUntil(lambda: len(self.all) > before, timeout=WAIT_MS)
        return self.all[-1]

    def nothing_after(self, action) -> None:
        before = len(self.all)
        action()
        self.qtbot.wait(50)     # the narrator speaks at the next turn of the event loop
        assert self.all[before:] == []

    def last(self, starting: str) -> str:
        """Wait for the last thing said to start with `starting`; return it whole."""
        self.qtbot.waitUntil(lambda: bool(self.all) and self.all[-1].startswith(starting),
                             timeout=WAIT_MS)
        return self.all[-1]
