"""Finding the Luma catalog from a checkout, from a clone of one, or from the environment."""

from __future__ import annotations

import subprocess
from pathlib import Path

from kiosk_demo.datasets import LUMA_IN_SHARED, luma_dir


def catalog_in(root: Path) -> Path:
    folder = root / LUMA_IN_SHARED
    folder.mkdir(parents=True)
    (folder / "products.csv").write_text("sku\n", encoding="utf-8")
    return folder


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_the_catalog_beside_the_checkout_is_found(tmp_path, monkeypatch):
    monkeypatch.delenv("KIOSK_LUMA_DIR", raising=False)
    expected = catalog_in(tmp_path)
    (tmp_path / "main").mkdir()
    assert luma_dir(tmp_path / "main") == expected.resolve()


def test_a_clone_finds_the_catalog_beside_the_checkout_it_came_from(tmp_path, monkeypatch):
    monkeypatch.delenv("KIOSK_LUMA_DIR", raising=False)
    work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
    expected = catalog_in(work)
    main = work / "main"
    main.mkdir(parents=True)
    git("init", "-q", cwd=main)
    elsewhere.mkdir()
    git("clone", "-q", str(main), str(elsewhere / "fresh"), cwd=elsewhere)
    assert luma_dir(elsewhere / "fresh") == expected.resolve()


def test_the_environment_names_it_anywhere_and_a_missing_one_is_named(tmp_path,
                                                                      monkeypatch):
    (tmp_path / "lone").mkdir()
    monkeypatch.delenv("KIOSK_LUMA_DIR", raising=False)
    assert luma_dir(tmp_path / "lone") == tmp_path / LUMA_IN_SHARED      # where it should be
    named = catalog_in(tmp_path / "somewhere")
    monkeypatch.setenv("KIOSK_LUMA_DIR", str(named))
    assert luma_dir(tmp_path / "lone") == named.resolve()
