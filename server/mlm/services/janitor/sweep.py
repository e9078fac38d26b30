"""The janitor: removes what no request will ever clean up.

A crash between two steps of a change, a cleanup throttled past its retries, a delete
whose client never called again: each can leave endpoint configs and SageMaker models
behind, and a replica that dies holding a lease leaves that lease until it expires. The
janitor sweeps every tenant: a config or model of MLM's (named ``mlm-<tenant>-<endpoint>
--c-…`` / ``--m-…`` and tagged ``mlm:managed-by=mlm``) that no endpoint uses is removed
once it is older than the grace period, which is far longer than any request takes (a
change in flight creates its parts only seconds before the endpoint names them).
Endpoints still changing keep every part they have. Expired leases are deleted.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from mlm import naming
from mlm.aws.leases import LeaseTable
from mlm.aws.sagemaker_hosting import SageMakerHosting
from mlm.errors import ApiError
from mlm.services.endpoints import cleanup

log = logging.getLogger("mlm.janitor")

# Every physical name MLM gives a resource starts so (naming.tenant_prefix); parts of an
# endpoint carry "--" between the endpoint's name and their own (endpoints.names).
_MLM_PREFIX = "mlm-"
_PARTS = "--"
DEFAULT_GRACE_SECONDS = 900.0


@dataclass
class SweepReport:
    """What a sweep found and (unless a dry run) removed, by kind."""

    dry_run: bool
    configs: list[str] = field(default_factory=list)
    models: list[str] = field(default_factory=list)
    leases: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def to_api(self) -> dict[str, object]:
        return {
            "dry_run": self.dry_run,
            "configs": self.configs,
            "models": self.models,
            "leases": self.leases,
            "errors": self.errors,
        }


class Janitor:
    def __init__(
        self,
        hosting: SageMakerHosting,
        leases: LeaseTable,
        grace_seconds: float = DEFAULT_GRACE_SECONDS,
        clock: Callable[[], float] = time.time,
        scope: str = _MLM_PREFIX,
    ) -> None:
        """``scope``: the physical names swept; every tenant's by default, one tenant's
        with its prefix (``naming.tenant_prefix``). Leases are swept whatever it is."""
        self._hosting = hosting
        self._leases = leases
        self._grace = grace_seconds
        self._clock = clock
        self._scope = scope

    def sweep(self, dry_run: bool = False) -> SweepReport:
        report = SweepReport(dry_run=dry_run)
        cutoff = datetime.fromtimestamp(self._clock(), UTC) - timedelta(seconds=self._grace)
        keep, busy = self._in_use()
        for config in self._hosting.list_configs(self._scope):
            if self._garbage(config.name, config.created_at, config.arn, keep, busy, cutoff):
                self._remove(report.configs, report, config.name, self._hosting.delete_config)
        for model in self._hosting.list_models(self._scope):
            if self._garbage(model.name, model.created_at, model.arn, keep, busy, cutoff):
                self._remove(report.models, report, model.name, self._hosting.delete_model)
        for lease in self._leases.expired(self._clock() - self._grace):
            if dry_run or self._leases.remove_expired(lease):
                report.leases.append(lease.resource)
        if report.configs or report.models or report.leases:
            log.info(
                "janitor %s %d config(s) %s, %d model(s) %s, %d expired lease(s) %s",
                "would remove" if dry_run else "removed",
                len(report.configs),
                report.configs,
                len(report.models),
                report.models,
                len(report.leases),
                report.leases,
            )
        return report

    def _in_use(self) -> tuple[set[str], set[str]]:
        """Names every endpoint uses, and the endpoints still changing (keep all theirs)."""
        keep: set[str] = set()
        busy: set[str] = set()
        for name in self._hosting.list_endpoint_names(self._scope):
            record = self._hosting.describe_endpoint(name)
            if record is None:
                continue
            if record.status not in cleanup.SETTLED and record.status != "Deleting":
                busy.add(name)
            if record.status != "Deleting":
                keep |= cleanup.in_use(self._hosting, record)
        return keep, busy

    def _garbage(
        self,
        name: str,
        created_at: datetime | None,
        arn: str | None,
        keep: set[str],
        busy: set[str],
        cutoff: datetime,
    ) -> bool:
        endpoint, parts, _ = name.partition(_PARTS)
        if not parts or name in keep or endpoint in busy:
            return False
        if created_at is None or created_at > cutoff:
            return False  # perhaps a change in flight that has not named it yet
        if arn is None:
            return False
        return self._hosting.tags(arn).get(naming.TAG_MANAGED_BY) == naming.MANAGED_BY

    @staticmethod
    def _remove(
        found: list[str], report: SweepReport, name: str, delete: Callable[[str], None]
    ) -> None:
        found.append(name)
        if report.dry_run:
            return
        try:
            delete(name)
        except ApiError as error:  # the next sweep tries again
            report.errors.append(f"{name}: {error.detail}")
