"""What each side installs: the terminal's and the server's wheels, each with the
contract and its dependencies, into an empty virtual environment of its own.

    .venv/bin/python benchmarks/installed_sizes.py

Builds the wheels from this checkout (`uv build`), installs them with uv from its cache
or the package index, and prints the size of each environment's site-packages with its
largest distributions. Asserts nothing.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UV = Path(sys.executable).with_name("uv")
SIDES = {
    "terminal": ["kiosk_terminal", "kiosk_contract"],
    "central server (with PostgreSQL)": ["kiosk_central[postgresql]", "kiosk_contract"],
}


def build_wheels(out: Path) -> dict[str, Path]:
    for package in ("kiosk-terminal", "kiosk-central", "kiosk-contract"):
        subprocess.run([str(UV), "build", "--wheel", "--quiet", "--package", package,
                        "--out-dir", str(out)], check=True, cwd=ROOT)
    return {wheel.name.split("-")[0]: wheel for wheel in out.glob("*.whl")}


def install(wheels: dict[str, Path], wanted: list[str], venv: Path) -> Path:
    subprocess.run([str(UV), "venv", "--quiet", "--python", sys.executable, str(venv)],
                   check=True)
    requirements = []
    for name in wanted:
        base, _, extra = name.partition("[")
        requirements.append(f"{wheels[base]}" if not extra else f"{base.replace('_', '-')}"
                            f"[{extra} @ {wheels[base].as_uri()}")
    subprocess.run([str(UV), "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"),
                    *requirements], check=True)
    return next(venv.glob("lib/python*/site-packages"))


def size_of(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file()
               and not item.is_symlink())


def largest(site_packages: Path, count: int = 5) -> list[tuple[str, int]]:
    tops = [item for item in site_packages.iterdir() if item.is_dir()
            and not item.name.endswith((".dist-info", "__pycache__"))]
    return sorted(((item.name, size_of(item)) for item in tops), key=lambda pair: -pair[1])[:count]


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        wheels = build_wheels(Path(scratch) / "wheels")
        for side, wanted in SIDES.items():
            site = install(wheels, wanted, Path(scratch) / side.split()[0])
            tops = ", ".join(f"{name} {size / 2**20:.1f}" for name, size in largest(site))
            print(f"{side}: {size_of(site) / 2**20:.0f} MiB installed (largest, MiB: {tops})")
            imports = subprocess.run([str(site.parents[2] / "bin" / "python"), "-c",
                                      "import importlib.util as u; print(*(m for m in "
                                      "('PySide6', 'fastapi', 'sqlalchemy', 'psycopg') "
                                      "if u.find_spec(m)))"],
                                     capture_output=True, text=True, check=True)
            print(f"  of PySide6, fastapi, sqlalchemy, psycopg it holds: "
                  f"{imports.stdout.strip() or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
