"""What endpoints do: instances and their figures, metric series, the fleet overview."""

from mlm.services.observability.fleet import FleetOverview
from mlm.services.observability.service import ObservabilityService

__all__ = ["FleetOverview", "ObservabilityService"]
