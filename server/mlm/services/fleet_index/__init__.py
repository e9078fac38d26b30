"""The fleet index: MLM's derived record of each tenant's endpoints (see index.py)."""

from mlm.services.fleet_index.events import FleetEvents
from mlm.services.fleet_index.index import FleetIndex, IndexedEndpoints
from mlm.services.fleet_index.reconcile import Reconciler, ReconcileReport

__all__ = ["FleetEvents", "FleetIndex", "IndexedEndpoints", "ReconcileReport", "Reconciler"]
