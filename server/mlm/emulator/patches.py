"""Patches for what moto 5.2.5 lacks (see shared/design/AWS_FACTS.md, "moto gaps").

Each patch mimics a documented AWS behaviour and has a test under tests/emulator/.
"""

from __future__ import annotations

_applied = False


def apply(transition_seconds: float) -> None:
    """Install every patch once per process (moto backends are process-global)."""
    global _applied
    if _applied:
        return
    _applied = True
