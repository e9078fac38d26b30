"""The janitor: leftovers of interrupted changes and expired leases, removed on a schedule."""

from mlm.services.janitor.sweep import Janitor, SweepReport

__all__ = ["Janitor", "SweepReport"]
