"""The reconciler: the index checked against ListEndpoints, for events lost or never sent.

One ListEndpoints pass (a page per 100 endpoints) and one scan of the index; only the
endpoints whose status or last-modified time differ are described again. A quiet fleet
therefore costs a few list pages, whatever its size.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from mlm import naming
from mlm.aws.fleet_table import FleetTable
from mlm.aws.sagemaker_hosting import SageMakerHosting
from mlm.services.fleet_index.index import FleetIndex

log = logging.getLogger("mlm.fleet_index")


@dataclass
class ReconcileReport:
    listed: int = 0
    refreshed: list[str] = field(default_factory=list)  # physical names re-read
    forgotten: list[str] = field(default_factory=list)  # index entries AWS no longer has


class Reconciler:
    def __init__(
        self,
        hosting: SageMakerHosting,
        table: FleetTable,
        index: FleetIndex,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._hosting = hosting
        self._table = table
        self._index = index
        self._clock = clock

    def run(self) -> ReconcileReport:
        started = self._clock()
        report = ReconcileReport()
        indexed = {(r.tenant, r.endpoint): r for r in self._table.everything()}
        live: set[tuple[str, str]] = set()
        tenants: set[str] = set()
        for summary in self._hosting.list_endpoint_summaries("mlm-"):
            split = naming.split_physical(summary.name)
            if split is None:
                continue
            report.listed += 1
            live.add(split)
            tenants.add(split[0])
            known = indexed.get(split)
            if (
                known is None
                or known.status != summary.status
                or known.modified < summary.updated_at.timestamp()
            ):
                self._index.observe(*split)
                report.refreshed.append(summary.name)
        for key in sorted(indexed.keys() - live):
            self._table.delete(*key, observed_before=started)
            self._index.forget_cached(key[0])
            report.forgotten.append(naming.physical_name(*key))
            tenants.add(key[0])
        for tenant in tenants:
            self._table.mark_reconciled(tenant, started)
        if report.refreshed or report.forgotten:
            log.info(
                "fleet index reconciled: %d listed, %d re-read, %d forgotten",
                report.listed,
                len(report.refreshed),
                len(report.forgotten),
            )
        return report
