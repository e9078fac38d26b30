"""The one place that wires MLM: every service built with its dependencies passed in.

Services are built on first use (``mlm package`` and the Lambda need only some of them;
packaging refuses to start without an artifact bucket). Each is built exactly once per
container, so the adapters' caches are shared by every request. The graph has no loop:

    hosting ─► deployed versions ─► models, versions ─► endpoints ─► observability,
                                                           │          fleet, invocations
                                          versions, models ─► packaging jobs
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from functools import cached_property

from botocore.exceptions import BotoCoreError, ClientError

from mlm.aws.alarms import EndpointAlarmStore
from mlm.aws.api_keys import ApiKeyTable
from mlm.aws.audit_log import AuditLog
from mlm.aws.autoscaling import ApplicationAutoScaling
from mlm.aws.batch import BatchJobs
from mlm.aws.capture_objects import CaptureObjects
from mlm.aws.clients import ClientFactory
from mlm.aws.cloudwatch import CloudWatchMetrics
from mlm.aws.event_queue import EventQueue
from mlm.aws.fleet_table import FleetTable
from mlm.aws.job_objects import JobObjects
from mlm.aws.leases import LeaseTable
from mlm.aws.logs import CloudWatchLogs
from mlm.aws.notifications import Notifications
from mlm.aws.rate_limits import RateLimitTable
from mlm.aws.sagemaker_hosting import SageMakerHosting
from mlm.aws.sagemaker_registry import SageMakerRegistry
from mlm.aws.sagemaker_runtime import SageMakerRuntime
from mlm.catalog import InstanceTypeCatalog
from mlm.errors import ServiceUnavailable
from mlm.idempotency import Idempotency
from mlm.pagination import PageTokens
from mlm.services.access import ApiKeyService, TokenVerifier
from mlm.services.alarms import AlarmService, RollbackAlarms
from mlm.services.audit import AuditTrail
from mlm.services.autoscaling import AutoscalingService
from mlm.services.captures import CaptureService
from mlm.services.endpoints import DeployedVersions, EndpointService
from mlm.services.endpoints.scaling_guard import ScalingGuard
from mlm.services.fleet_index import FleetEvents, FleetIndex, IndexedEndpoints, Reconciler
from mlm.services.invocations import InvocationService
from mlm.services.janitor import Janitor
from mlm.services.limits import RateLimiter
from mlm.services.locking import ResourceLocks
from mlm.services.logs import LogService
from mlm.services.observability import FleetOverview, ObservabilityService
from mlm.services.packaging import PackagingJobService, SourceScope
from mlm.services.registry import ModelService, ModelVersionService
from mlm.settings import Settings

_REACHABILITY_TTL_SECONDS = 10.0


@dataclass
class Container:
    settings: Settings
    clients: ClientFactory
    page_tokens: PageTokens
    _reachable: tuple[float, bool] | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    # --- adapters (one per AWS service; shared so their caches are) -----------------------

    @cached_property
    def hosting(self) -> SageMakerHosting:
        return SageMakerHosting(self.clients.sagemaker(), self.settings.read_cache_seconds)

    @cached_property
    def registry(self) -> SageMakerRegistry:
        return SageMakerRegistry(self.clients.sagemaker(), self.settings.read_cache_seconds)

    @cached_property
    def idempotency(self) -> Idempotency:
        s = self.settings
        return Idempotency(
            self.clients.dynamodb(),
            s.idempotency_table,
            s.idempotency_ttl_seconds,
            s.idempotency_in_progress_seconds,
        )

    @cached_property
    def leases(self) -> LeaseTable:
        return LeaseTable(self.clients.dynamodb(), self.settings.lease_table)

    # --- access: keys, tokens, limits, audit ---------------------------------------------

    @cached_property
    def api_keys(self) -> ApiKeyService:
        table = ApiKeyTable(self.clients.dynamodb(), self.settings.api_key_table)
        return ApiKeyService(table, self.settings, self.page_tokens)

    @cached_property
    def tokens(self) -> TokenVerifier:
        return TokenVerifier(self.settings)

    @cached_property
    def limiter(self) -> RateLimiter:
        table = RateLimitTable(self.clients.dynamodb(), self.settings.rate_limit_table)
        return RateLimiter(table, self.settings)

    @cached_property
    def audit(self) -> AuditTrail:
        return AuditTrail(
            AuditLog(self.clients.dynamodb(), self.settings.audit_table),
            self.page_tokens,
            self.settings.audit_retention_days,
        )

    # --- services -------------------------------------------------------------------------

    @cached_property
    def locks(self) -> ResourceLocks:
        return ResourceLocks(self.leases, self.settings.lease_seconds)

    @cached_property
    def catalog(self) -> InstanceTypeCatalog:
        return InstanceTypeCatalog.from_botocore()

    @cached_property
    def deployed_versions(self) -> DeployedVersions:
        return DeployedVersions(self.hosting)

    @cached_property
    def models(self) -> ModelService:
        return ModelService(
            registry=self.registry,
            page_tokens=self.page_tokens,
            mandatory_metadata_keys=self.settings.mandatory_metadata_keys,
            deployments=self.deployed_versions.deployments,
            locks=self.locks,
        )

    @cached_property
    def versions(self) -> ModelVersionService:
        return ModelVersionService(
            registry=self.registry,
            page_tokens=self.page_tokens,
            catalog=self.catalog,
            deployments=self.deployed_versions.deployments,
            locks=self.locks,
            require_approved_for_deployment=self.settings.deploys_approved_only,
            shown_deployments=self.fleet_index.deployments,
        )

    @cached_property
    def endpoints(self) -> EndpointService:
        return EndpointService(
            hosting=self.hosting,
            versions=self.versions,
            catalog=self.catalog,
            page_tokens=self.page_tokens,
            execution_role_arn=self.settings.execution_role_arn,
            locks=self.locks,
            on_change=self.fleet_index.observe,
            capture_base_uri=self.capture_base_uri,
            scaling=ScalingGuard(self.hosting, self.application_autoscaling),
            guards=RollbackAlarms(EndpointAlarmStore(self.clients.cloudwatch()), self.catalog),
        )

    @cached_property
    def application_autoscaling(self) -> ApplicationAutoScaling:
        return ApplicationAutoScaling(self.clients.client("application-autoscaling"))

    @cached_property
    def autoscaling(self) -> AutoscalingService:
        return AutoscalingService(
            autoscaling=self.application_autoscaling,
            hosting=self.hosting,
            endpoints=self.endpoints,
            hardware=self.catalog,
            locks=self.locks,
        )

    @property
    def capture_base_uri(self) -> str | None:
        bucket = self.settings.artifact_bucket
        return None if bucket is None else f"s3://{bucket}/{self.settings.data_capture_prefix}"

    @cached_property
    def fleet_table(self) -> FleetTable:
        return FleetTable(self.clients.dynamodb(), self.settings.fleet_table)

    @cached_property
    def fleet_index(self) -> FleetIndex:
        return FleetIndex(
            self.hosting, self.deployed_versions, self.fleet_table, self.settings.read_cache_seconds
        )

    @cached_property
    def indexed_endpoints(self) -> IndexedEndpoints:
        return IndexedEndpoints(self.fleet_index, self.page_tokens)

    @cached_property
    def fleet_events(self) -> FleetEvents:
        queue = EventQueue(self.clients.sqs(), self.settings.fleet_events_queue)
        return FleetEvents(queue, self.fleet_index)

    @cached_property
    def reconciler(self) -> Reconciler:
        return Reconciler(self.hosting, self.fleet_table, self.fleet_index)

    @cached_property
    def invocations(self) -> InvocationService:
        return InvocationService(SageMakerRuntime(self.clients.sagemaker_runtime()), self.endpoints)

    @cached_property
    def observability(self) -> ObservabilityService:
        return ObservabilityService(
            endpoints=self.endpoints,
            hardware=self.catalog,
            cloudwatch=CloudWatchMetrics(self.clients.cloudwatch()),
        )

    @cached_property
    def fleet(self) -> FleetOverview:
        return FleetOverview(
            self.indexed_endpoints, self.catalog, CloudWatchMetrics(self.clients.cloudwatch())
        )

    @cached_property
    def packaging_jobs(self) -> PackagingJobService:
        s = self.settings
        if s.artifact_bucket is None:
            raise ServiceUnavailable(
                code="ARTIFACT_BUCKET_NOT_CONFIGURED",
                detail="Packaging needs an artifact bucket; set MLM_ARTIFACT_BUCKET.",
            )
        return PackagingJobService(
            batch=BatchJobs(
                self.clients.client("batch"),
                s.batch_job_queue,
                s.batch_job_definition,
                submit_client=self.clients.client_without_retries("batch"),
            ),
            objects=JobObjects(self.clients.s3(), s.artifact_bucket),
            versions=self.versions,
            require_model=self.models.get,
            page_tokens=self.page_tokens,
            output_prefix=s.packaging_output_prefix,
            memory_mib=s.packaging_memory_mib,
            vcpus=s.packaging_vcpus,
            hf_endpoint=s.hf_endpoint,
            scope=SourceScope(
                artifact_bucket=s.artifact_bucket,
                output_prefix=s.packaging_output_prefix,
                source_bucket=s.packaging_source_bucket,
                secret_prefix=s.hf_token_secret_prefix,
            ),
        )

    @cached_property
    def logs(self) -> LogService:
        return LogService(
            logs=CloudWatchLogs(self.clients.client("logs")),
            endpoints=self.endpoints,
            jobs=lambda: self.packaging_jobs,
            page_tokens=self.page_tokens,
        )

    @cached_property
    def alarms(self) -> AlarmService:
        return AlarmService(
            cloudwatch=EndpointAlarmStore(self.clients.cloudwatch()),
            notifications=Notifications(self.clients.client("sns")),
            endpoints=self.endpoints,
            hardware=self.catalog,
            locks=self.locks,
        )

    @cached_property
    def captures(self) -> CaptureService:
        return CaptureService(
            objects=CaptureObjects(self.clients.s3()),
            endpoints=self.endpoints,
            page_tokens=self.page_tokens,
            base_uri=self.capture_base_uri,
        )

    @cached_property
    def janitor(self) -> Janitor:
        return Janitor(self.hosting, self.leases, self.settings.janitor_grace_seconds)

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


def build_container(settings: Settings) -> Container:
    clients = ClientFactory(settings)
    tokens = PageTokens(settings.page_token_secret.get_secret_value())
    return Container(settings=settings, clients=clients, page_tokens=tokens)
