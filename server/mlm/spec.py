"""Where the contract lives: packaged beside the code, or spec/ in a source checkout."""

from __future__ import annotations

from pathlib import Path


def spec_path() -> Path:
    packaged = Path(__file__).with_name("openapi.yaml")
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"
