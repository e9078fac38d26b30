"""Everything a running service needs, built once from settings and reached per request."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from botocore.exceptions import BotoCoreError, ClientError

from mlm.aws.clients import ClientFactory
from mlm.pagination import PageTokens
from mlm.settings import Settings

if TYPE_CHECKING:
    from mlm.idempotency import Idempotency
    from mlm.services.endpoints import EndpointService
    from mlm.services.fleet_overview import FleetOverview
    from mlm.services.instance_types import InstanceTypeCatalog
    from mlm.services.invocations import InvocationService
    from mlm.services.model_versions import ModelVersionService
    from mlm.services.models import ModelService
    from mlm.services.observability import ObservabilityService
    from mlm.services.packaging_jobs import PackagingJobService

_REACHABILITY_TTL_SECONDS = 10.0


@dataclass
class Runtime:
    settings: Settings
    clients: ClientFactory
    page_tokens: PageTokens
    _reachable: tuple[float, bool] | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    # Services are built on first use; each module's ``from_runtime`` wires its adapters.
    @cached_property
    def idempotency(self) -> Idempotency:
        from mlm.idempotency import Idempotency

        s = self.settings
        return Idempotency(self.clients.dynamodb(), s.idempotency_table, s.idempotency_ttl_seconds)

    @cached_property
    def invocations(self) -> InvocationService:
        from mlm.services.invocations import InvocationService

        return InvocationService.from_runtime(self)

    @cached_property
    def catalog(self) -> InstanceTypeCatalog:
        from mlm.services.instance_types import InstanceTypeCatalog

        return InstanceTypeCatalog.from_runtime(self)

    @cached_property
    def models(self) -> ModelService:
        from mlm.services.models import ModelService

        return ModelService.from_runtime(self)

    @cached_property
    def versions(self) -> ModelVersionService:
        from mlm.services.model_versions import ModelVersionService

        return ModelVersionService.from_runtime(self)

    @cached_property
    def endpoints(self) -> EndpointService:
        from mlm.services.endpoints import EndpointService

        return EndpointService.from_runtime(self)

    @cached_property
    def observability(self) -> ObservabilityService:
        from mlm.services.observability import ObservabilityService

        return ObservabilityService.from_runtime(self)

    @cached_property
    def fleet(self) -> FleetOverview:
        from mlm.services.fleet_overview import FleetOverview

        return FleetOverview.from_runtime(self)

    @cached_property
    def packaging_jobs(self) -> PackagingJobService:
        from mlm.services.packaging_jobs import PackagingJobService

        return PackagingJobService.from_runtime(self)

    def backend_reachable(self) -> bool:
        """Whether AWS (or the emulator) answers; checked at most every 10 s."""
        with self._lock:
            cached = self._reachable
        if cached and time.monotonic() - cached[0] < _REACHABILITY_TTL_SECONDS:
            return cached[1]
        try:
            self.clients.sts().get_caller_identity()
            ok = True
        except (BotoCoreError, ClientError):
            ok = False
        with self._lock:
            self._reachable = (time.monotonic(), ok)
        return ok


def build_runtime(settings: Settings) -> Runtime:
    clients = ClientFactory(settings)
    tokens = PageTokens(settings.page_token_secret.get_secret_value())
    return Runtime(settings=settings, clients=clients, page_tokens=tokens)
