"""Write assets/sounds/still-there.wav: the two-note chime of the "Still there?" warning.

Generated here rather than downloaded so that its origin and licence are ours.
Run with any Python 3: python scripts/make-chime.py
"""

import math
import struct
import wave
from pathlib import Path

RATE = 22050
NOTES = ((880.0, 0.18), (660.0, 0.30))   # A5 then E5: a gentle falling chime
VOLUME = 0.45

frames = bytearray()
for frequency, seconds in NOTES:
    count = int(RATE * seconds)
    for n in range(count):
        fade = min(1.0, n / (RATE * 0.01), (count - n) / (RATE * 0.08))   # no clicks
        sample = VOLUME * fade * math.sin(2 * math.pi * frequency * n / RATE)
        frames += struct.pack("<h", int(sample * 32767))

target = Path(__file__).resolve().parent.parent / "assets" / "sounds" / "still-there.wav"
target.parent.mkdir(parents=True, exist_ok=True)
with wave.open(str(target), "wb") as out:
    out.setnchannels(1)
    out.setsampwidth(2)
    out.setframerate(RATE)
    out.writeframes(bytes(frames))
print(f"wrote {target}")
