"""The fleet index: each tenant's endpoints as MLM last saw them, in one read.

Reading a fleet from SageMaker costs a DescribeEndpoint per endpoint (and the Describe
rate limits are per account); a version's ``deployed_to`` would cost the same walk. The
index keeps, per endpoint, the API view and the model versions it runs, so an overview,
a filtered list or a ``deployed_to`` is one DynamoDB query (reused for the read-cache
TTL). Three things keep it fresh, and each entry says when it was read from AWS:

- MLM's own changes: the endpoint service calls ``observe`` after each commit;
- AWS's events: "SageMaker Endpoint State Change" through EventBridge and SQS
  (``events.FleetEvents``), for what changes without MLM (transitions ending, changes
  made in the console);
- the reconciler (``reconcile.Reconciler``): ListEndpoints against the index, for events
  lost or never sent.

AWS stays the truth: single-endpoint GETs read SageMaker, and checks before a delete
(is this version in use?) walk AWS, never the index.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from mlm import naming
from mlm.aws.fleet_table import FleetRecord, FleetTable
from mlm.aws.read_cache import ReadCache
from mlm.aws.sagemaker_hosting import SageMakerHosting
from mlm.errors import BadRequest
from mlm.pagination import Page, PageTokens
from mlm.services.endpoints import DeployedVersions, cleanup
from mlm.services.endpoints.service import STATUSES
from mlm.services.endpoints.views import (
    Endpoint,
    EndpointReader,
    endpoint_from_api,
)
from mlm.services.fan_out import parallel

log = logging.getLogger("mlm.fleet_index")


@dataclass(frozen=True)
class IndexedEndpoint:
    endpoint: Endpoint
    aws_status: str  # AWS's spelling: settled (InService, Failed) or in transition
    versions: list[tuple[str, int]]
    observed_at: datetime  # when MLM read this endpoint from AWS


@dataclass(frozen=True)
class Snapshot:
    entries: list[IndexedEndpoint]
    read_at: float  # monotonic, when the index was read


class FleetIndex:
    def __init__(
        self,
        hosting: SageMakerHosting,
        deployed: DeployedVersions,
        table: FleetTable,
        read_cache_seconds: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._hosting = hosting
        self._deployed = deployed
        self._table = table
        self._clock = clock
        self._snapshots: ReadCache[str, Snapshot] = ReadCache(read_cache_seconds)

    # --- keeping it fresh -----------------------------------------------------------------

    def observe(self, tenant: str, name: str) -> IndexedEndpoint | None:
        """Read one endpoint from AWS and write what it is now (or that it is gone)."""
        entry = self._observe(tenant, name)
        self._snapshots.forget(tenant)
        return entry

    def _observe(self, tenant: str, name: str) -> IndexedEndpoint | None:
        physical = naming.physical_name(tenant, name)
        started = self._clock()
        record = self._hosting.describe_endpoint(physical)
        if record is None:
            self._table.delete(tenant, name, observed_before=started)
            return None
        view = EndpointReader(self._hosting, tenant).view(name, record)
        versions = sorted(self._deployed.versions_of(tenant, name, record))
        fleet_record = FleetRecord(
            tenant=tenant,
            endpoint=name,
            status=record.status,
            doc={"view": view.to_api(), "versions": [list(v) for v in versions]},
            modified=record.updated_at.timestamp(),
            observed=started,
        )
        self._table.put(fleet_record)
        return _entry(fleet_record)

    def observe_physical(self, physical: str) -> bool:
        """``observe`` by AWS name; False when the name is not one of MLM's endpoints."""
        split = naming.split_physical(physical)
        if split is None:
            return False
        self.observe(*split)
        return True

    def forget_cached(self, tenant: str) -> None:
        self._snapshots.forget(tenant)

    # --- reading --------------------------------------------------------------------------

    def snapshot(self, tenant: str) -> Snapshot:
        """The tenant's index (one DynamoDB query, reused for the read-cache TTL). A tenant
        never reconciled (a new table, or MLM's first start) is built from AWS first."""
        snapshot = self._snapshots.get(tenant)
        if snapshot is None:
            records, marker = self._table.tenant(tenant)
            if marker is None:
                self.rebuild(tenant)
                records, _ = self._table.tenant(tenant)
            snapshot = Snapshot([_entry(r) for r in records], time.monotonic())
        # Endpoints in transition are about to change (and few): read them again, side by
        # side, rather than wait for their event. Settled ones are trusted.
        moving = [e for e in snapshot.entries if e.aws_status not in cleanup.SETTLED]
        if moving:
            fresh = dict(
                zip(
                    [e.endpoint.name for e in moving],
                    parallel(lambda e: self._observe(tenant, e.endpoint.name), moving),
                    strict=True,
                )
            )
            kept = [fresh.get(e.endpoint.name, e) for e in snapshot.entries]
            snapshot = Snapshot([e for e in kept if e is not None], snapshot.read_at)
        self._snapshots.put(tenant, snapshot)
        return snapshot

    def rebuild(self, tenant: str) -> None:
        """Index every endpoint of ``tenant`` from AWS (a per-endpoint Describe: rare)."""
        started = self._clock()
        seen = set()
        for physical in self._hosting.list_endpoint_names(naming.tenant_prefix(tenant)):
            name = naming.api_name(tenant, physical)
            if name is not None:
                seen.add(name)
                self._observe(tenant, name)
        for record in self._table.tenant(tenant)[0]:
            if record.endpoint not in seen:
                self._table.delete(tenant, record.endpoint, observed_before=started)
        self._table.mark_reconciled(tenant, started)
        self._snapshots.forget(tenant)

    def deployments(self, tenant: str) -> dict[tuple[str, int], list[str]]:
        """(model name, version) → the endpoints running it, as the index knows it."""
        found: dict[tuple[str, int], list[str]] = defaultdict(list)
        for entry in self.snapshot(tenant).entries:
            for version in entry.versions:
                found[version].append(entry.endpoint.name)
        return {key: sorted(names) for key, names in found.items()}


class IndexedEndpoints:
    """Endpoint listings from the index: filtered lists and the fleet overview."""

    def __init__(self, index: FleetIndex, page_tokens: PageTokens) -> None:
        self._index = index
        self._tokens = page_tokens

    def list_endpoints(
        self,
        tenant: str,
        status: str | None = None,
        model_name: str | None = None,
        page_size: int = 50,
        page_token: str | None = None,
    ) -> Page[Endpoint]:
        page = self.list_indexed(tenant, status, model_name, page_size, page_token)
        return Page([e.endpoint for e in page.items], page.next_page_token)

    def list_indexed(
        self,
        tenant: str,
        status: str | None = None,
        model_name: str | None = None,
        page_size: int = 50,
        page_token: str | None = None,
    ) -> Page[IndexedEndpoint]:
        if status is not None and status not in STATUSES:
            raise BadRequest(
                code="INVALID_STATUS", detail=f"status must be one of {', '.join(STATUSES)}."
            )
        query: dict[str, object] = {
            "op": "list_endpoints",
            "tenant": tenant,
            "status": status,
            "model_name": model_name,
        }
        matching = [
            e
            for e in self._index.snapshot(tenant).entries
            if (status is None or e.endpoint.status == status)
            and (model_name is None or any(v.model_name == model_name for v in e.endpoint.variants))
        ]
        return self._tokens.paginate(
            matching, lambda e: e.endpoint.name, page_size, page_token, query
        )


def _entry(record: FleetRecord) -> IndexedEndpoint:
    return IndexedEndpoint(
        endpoint=endpoint_from_api(record.doc["view"]),
        aws_status=record.status,
        versions=[(str(m), int(v)) for m, v in record.doc.get("versions", [])],
        observed_at=datetime.fromtimestamp(record.observed, UTC),
    )
