"""SageMaker real-time endpoints: create, read, scale, blue/green update, delete.

An endpoint is three kinds of AWS resources: one SageMaker model per variant, an
endpoint config naming them, and the endpoint. Names are deterministic
(``endpoint_names``), every resource carries the managed tags, a failed multi-step
change removes what it made, and configs/models an update left behind are collected
lazily whenever the endpoint is read in a settled state (``endpoint_cleanup``).

DeleteEndpoint is attempted in every state except SystemUpdating (AWS refuses it there);
if AWS refuses it in another state, the client gets 409 ENDPOINT_NOT_READY.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from mlm import naming
from mlm.aws.immutable_cache import ImmutableCache
from mlm.aws.sagemaker_hosting import (
    CapacityChange,
    ConfigRecord,
    EndpointRecord,
    NewModel,
    NewVariant,
    SageMakerHosting,
    TrafficRouting,
)
from mlm.errors import (
    ApiError,
    BadGateway,
    BadRequest,
    Conflict,
    NotFound,
    Unprocessable,
)
from mlm.pagination import Page, PageTokens
from mlm.services.endpoints import cleanup, names
from mlm.services.endpoints.requests import (
    Deployment,
    InstanceTypeCheck,
    NewEndpoint,
    VariantChange,
    check_changes,
    check_new,
)
from mlm.services.endpoints.views import (
    Deployable,
    Endpoint,
    EndpointReader,
    VersionLookup,
    snake,
)
from mlm.services.fan_out import parallel

log = logging.getLogger("mlm.endpoints")

STATUSES = (
    "creating",
    "in_service",
    "updating",
    "system_updating",
    "rolling_back",
    "deleting",
    "failed",
    "out_of_service",
    "update_rollback_failed",
)
_ROUTING = {"all_at_once": "ALL_AT_ONCE", "canary": "CANARY", "linear": "LINEAR"}


@dataclass(frozen=True)
class _Target:
    """One variant's desired state in a new endpoint config."""

    name: str
    package_arn: str
    instance_type: str
    instance_count: int
    weight: float
    model_name: str | None = None  # an existing SageMaker model to reuse

    def fingerprint(self) -> dict[str, object]:
        return {
            "variant": self.name,
            "package": self.package_arn,
            "type": self.instance_type,
            "count": self.instance_count,
            "weight": self.weight,
        }


class EndpointService:
    def __init__(
        self,
        hosting: SageMakerHosting,
        versions: VersionLookup,
        catalog: InstanceTypeCheck,
        page_tokens: PageTokens,
        execution_role_arn: str | None,
    ) -> None:
        self._hosting = hosting
        self._versions = versions
        self._catalog = catalog
        self._tokens = page_tokens
        self._role = execution_role_arn
        # Endpoint states (ARN, last modified, status) already cleaned up: collecting again
        # finds nothing until the endpoint changes, so skip its two list calls.
        self._collected: ImmutableCache[bool] = ImmutableCache()

    # --- reads --------------------------------------------------------------------------

    def get(self, tenant: str, name: str) -> Endpoint:
        record = self._settled(tenant, name, self._describe(tenant, name))
        return EndpointReader(self._hosting, tenant).view(name, record)

    def list_endpoints(
        self,
        tenant: str,
        status: str | None = None,
        model_name: str | None = None,
        page_size: int = 50,
        page_token: str | None = None,
    ) -> Page[Endpoint]:
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
        reader = EndpointReader(self._hosting, tenant)
        api_names = self._api_names(tenant)
        if status is None and model_name is None:
            # No filter: page over names and describe only this page's endpoints.
            page = self._tokens.paginate(api_names, str, page_size, page_token, query)
            views = [
                v
                for v in parallel(lambda n: self._read_quietly(reader, tenant, n), page.items)
                if v
            ]
            return Page(views, page.next_page_token)
        # Independent reads, side by side in a bounded pool (a fleet view polls this).
        views = [
            v for v in parallel(lambda n: self._read_quietly(reader, tenant, n), api_names) if v
        ]
        matching = [
            v
            for v in views
            if (status is None or v.status == status)
            and (model_name is None or any(x.model_name == model_name for x in v.variants))
        ]
        return self._tokens.paginate(matching, lambda v: v.name, page_size, page_token, query)

    # --- changes ------------------------------------------------------------------------

    def create(self, tenant: str, request: NewEndpoint) -> Endpoint:
        check_new(request, self._catalog)
        physical = names.endpoint_name(tenant, request.name)
        if self._hosting.describe_endpoint(physical) is not None:
            raise _already_exists(request.name)
        targets = [
            self._target_for(
                v.name,
                self._versions.get_deployable(tenant, v.model_name, v.model_version),
                v.instance_type,
                v.instance_count,
                v.initial_weight,
            )
            for v in request.variants
        ]
        tags = names.tags(tenant, request.name, request.tags)
        undo = cleanup.Undo(self._hosting)
        try:
            config_name = self._build_config(
                tenant, request.name, targets, request.enhanced_metrics, tags, undo
            )
            self._hosting.create_endpoint(physical, config_name, tags)
        except BaseException:
            # Keeps whatever an endpoint of this name uses (a concurrent create that won).
            self._undo(undo, physical)
            raise
        log.info("endpoint %s creating (config %s)", physical, config_name)
        return self._view_after_change(tenant, request.name)

    def update(
        self,
        tenant: str,
        name: str,
        changes: Sequence[VariantChange],
        deployment: Deployment | None = None,
        precondition: Callable[[Endpoint], None] | None = None,
    ) -> Endpoint:
        """``precondition`` sees the current endpoint first (If-Match)."""
        record = self._describe(tenant, name)
        if precondition is not None:
            precondition(EndpointReader(self._hosting, tenant).view(name, record))
        if record.status != "InService":
            raise _not_ready(name, record.status, "changed")
        record = self._settled(tenant, name, record)
        config = self._current_config(record)
        check_changes(changes, [v.name for v in config.variants], deployment, self._catalog)
        targets = self._targets(tenant, record, config, changes)
        if all(t.weight <= 0 for t in targets):
            raise Unprocessable(
                code="INVALID_ENDPOINT_UPDATE",
                detail="At least one variant needs a weight above 0.",
            )
        blue_green = any(
            t.model_name is None or t.instance_type != cv.instance_type
            for t, cv in zip(targets, config.variants, strict=True)
        )
        if blue_green:
            self._blue_green(tenant, name, record, config, targets, deployment)
        else:
            self._scale(tenant, name, record, targets, deployment)
        return self._view_after_change(tenant, name)

    def delete(
        self, tenant: str, name: str, precondition: Callable[[Endpoint], None] | None = None
    ) -> Endpoint:
        """``precondition`` sees the current endpoint first (If-Match)."""
        physical = names.endpoint_name(tenant, name)
        prefix = names.parts_prefix(tenant, name)
        record = self._hosting.describe_endpoint(physical)
        if record is None:
            # A retry after a crash may have left configs or models: finish the job.
            cleanup.delete_all(self._hosting, prefix)
            raise _not_found(name)
        before = EndpointReader(self._hosting, tenant).view(name, record)
        if precondition is not None:
            precondition(before)
        if record.status == "SystemUpdating":
            raise _not_ready(name, record.status, "deleted")
        if record.status != "Deleting":
            try:
                self._hosting.delete_endpoint(physical)
            except NotFound as error:
                raise _not_found(name) from error
            except BadRequest as error:  # AWS refused it in this state
                raise _not_ready(name, record.status, "deleted") from error
        # AWS allows deleting the config and models once DeleteEndpoint was accepted.
        cleanup.delete_all(self._hosting, prefix)
        after = self._hosting.describe_endpoint(physical)
        log.info("endpoint %s deleting", physical)
        return replace(
            before, status="deleting", updated_at=after.updated_at if after else before.updated_at
        )

    # --- helpers ------------------------------------------------------------------------

    def _api_names(self, tenant: str) -> list[str]:
        physical = self._hosting.list_endpoint_names(naming.tenant_prefix(tenant))
        return sorted(filter(None, (naming.api_name(tenant, p) for p in physical)))

    def _describe(self, tenant: str, name: str) -> EndpointRecord:
        record = (
            self._hosting.describe_endpoint(names.endpoint_name(tenant, name))
            if naming.is_api_name(name)
            else None
        )
        if record is None:
            raise _not_found(name)
        return record

    def _settled(self, tenant: str, name: str, record: EndpointRecord) -> EndpointRecord:
        """Collect what a finished update left behind (idempotent; settled states only)."""
        state = f"{record.arn}@{record.updated_at.isoformat()}@{record.status}"
        if self._collected.get(state):
            return record
        cleanup.collect_garbage(self._hosting, record, names.parts_prefix(tenant, name))
        if record.status in cleanup.SETTLED:
            self._collected.put(state, True)
        return record

    def _read_quietly(self, reader: EndpointReader, tenant: str, name: str) -> Endpoint | None:
        """An endpoint for a listing; None when it vanished since it was listed."""
        record = self._hosting.describe_endpoint(names.endpoint_name(tenant, name))
        if record is None:
            return None
        return reader.view(name, self._settled(tenant, name, record))

    def _view_after_change(self, tenant: str, name: str) -> Endpoint:
        record = self._describe(tenant, name)
        return EndpointReader(self._hosting, tenant).view(name, record)

    def _undo(self, undo: cleanup.Undo, physical: str) -> None:
        """Remove what a failed change made, except what the endpoint (if any) uses."""
        try:
            record = self._hosting.describe_endpoint(physical)
            keep = cleanup.in_use(self._hosting, record) if record else set()
        except ApiError as error:
            log.warning("could not read %s to undo a failed change: %s", physical, error)
            return  # deleting blind could remove what the endpoint serves; GC retries later
        undo.run(keep=keep)

    def _current_config(self, record: EndpointRecord) -> ConfigRecord:
        config = self._hosting.describe_config(record.config_name)
        if config is None:
            raise BadGateway(
                code="ENDPOINT_CONFIG_MISSING",
                detail="The endpoint's configuration no longer exists in SageMaker, so it "
                "cannot be changed safely; delete and recreate the endpoint.",
            )
        return config

    def _targets(
        self,
        tenant: str,
        record: EndpointRecord,
        config: ConfigRecord,
        changes: Sequence[VariantChange],
    ) -> list[_Target]:
        """Every variant's desired state: what runs now (live counts/weights), then changes."""
        reader = EndpointReader(self._hosting, tenant)
        by_name = {c.name: c for c in changes}
        live = {v.name: v for v in record.variants}
        targets: list[_Target] = []
        for cv in config.variants:
            change = by_name.get(cv.name, VariantChange(cv.name))
            now = live.get(cv.name)
            count = change.instance_count
            if count is None and now is not None:
                count = now.desired_instance_count
            weight = change.weight
            if weight is None and now is not None:
                weight = now.desired_weight
            target = _Target(
                name=cv.name,
                package_arn="",
                instance_type=change.instance_type or cv.instance_type,
                instance_count=cv.instance_count if count is None else count,
                weight=cv.weight if weight is None else weight,
                model_name=cv.model_name,
            )
            if change.model_version is not None:
                target = self._retarget(tenant, reader, cv.model_name, change.model_version, target)
            targets.append(target)
        return targets

    def _scale(
        self,
        tenant: str,
        name: str,
        record: EndpointRecord,
        targets: Sequence[_Target],
        deployment: Deployment | None,
    ) -> None:
        """Counts and weights change in place (UpdateEndpointWeightsAndCapacities)."""
        if deployment is not None:
            raise Unprocessable(
                code="DEPLOYMENT_NOT_APPLICABLE",
                detail="A deployment strategy applies only to instance type or model "
                "version changes; instance counts and weights change in place.",
            )
        live = {v.name: v for v in record.variants}
        capacity: list[CapacityChange] = []
        for target in targets:
            now = live.get(target.name)
            count = (
                None
                if now and now.desired_instance_count == target.instance_count
                else (target.instance_count)
            )
            weight = None if now and now.desired_weight == target.weight else target.weight
            if count is not None or weight is not None:
                capacity.append(CapacityChange(target.name, count, weight))
        if capacity:  # asking for what already runs changes nothing
            physical = names.endpoint_name(tenant, name)
            self._hosting.update_capacities(physical, capacity)
            log.info("endpoint %s scaling %s", physical, capacity)

    @staticmethod
    def _target_for(
        variant: str,
        deployable: Deployable,
        instance_type: str,
        instance_count: int,
        weight: float,
    ) -> _Target:
        return _Target(
            name=variant,
            package_arn=deployable.model_package_arn,
            instance_type=instance_type,
            instance_count=instance_count,
            weight=weight,
        )

    def _retarget(
        self,
        tenant: str,
        reader: EndpointReader,
        sagemaker_model: str,
        version: int,
        target: _Target,
    ) -> _Target:
        """The target with the variant's model version changed (same model, new version)."""
        current = reader.version_of_model(sagemaker_model)
        if current is None:
            raise Conflict(
                code="VARIANT_MODEL_UNKNOWN",
                detail=f"Variant '{target.name}' serves a model this service does not know, "
                "so its version cannot be changed.",
            )
        if version == current[1]:
            return target
        deployable = self._versions.get_deployable(tenant, current[0], version)
        return replace(
            self._target_for(
                target.name,
                deployable,
                target.instance_type,
                target.instance_count,
                target.weight,
            ),
            model_name=None,
        )

    def _build_config(
        self,
        tenant: str,
        endpoint: str,
        targets: Sequence[_Target],
        enhanced_metrics: bool,
        tags: list[dict[str, str]],
        undo: cleanup.Undo,
    ) -> str:
        """Ensure the models and the config for ``targets``; record what was made in undo."""
        digest = names.desired_digest(
            {"variants": [t.fingerprint() for t in targets], "enhanced": enhanced_metrics}
        )
        variants: list[NewVariant] = []
        for index, target in enumerate(targets):
            model_name = target.model_name
            if model_name is None:
                model_name = names.model_name(tenant, endpoint, digest, index)
                model = NewModel(model_name, target.package_arn)
                undo.models.append(model_name)
                self._hosting.ensure_model(model, self._role, tags)
            variants.append(
                NewVariant(
                    target.name,
                    model_name,
                    target.instance_type,
                    target.instance_count,
                    target.weight,
                )
            )
        config_name = names.config_name(tenant, endpoint, digest)
        undo.configs.append(config_name)
        self._hosting.ensure_config(config_name, variants, enhanced_metrics, tags)
        return config_name

    def _blue_green(
        self,
        tenant: str,
        name: str,
        record: EndpointRecord,
        config: ConfigRecord,
        targets: list[_Target],
        deployment: Deployment | None,
    ) -> None:
        # Unchanged variants keep their model; their package ARN only feeds the hash.
        filled: list[_Target] = []
        for target in targets:
            if target.model_name is not None:
                model = self._hosting.describe_model(target.model_name)
                arn = model.model_package_arn if model and model.model_package_arn else ""
                target = replace(target, package_arn=arn or target.model_name)
            filled.append(target)
        user_tags = naming.user_tags(self._hosting.tags(record.arn))
        tags = names.tags(tenant, name, user_tags)
        undo = cleanup.Undo(self._hosting)
        physical = names.endpoint_name(tenant, name)
        try:
            config_name = self._build_config(
                tenant, name, filled, config.enhanced_metrics, tags, undo
            )
            self._hosting.update_endpoint(physical, config_name, _routing(deployment))
        except BaseException:
            self._undo(undo, physical)
            raise
        log.info("endpoint %s updating to config %s", physical, config_name)


def _routing(deployment: Deployment | None) -> TrafficRouting | None:
    if deployment is None:
        return None  # AWS's default blue/green: all traffic at once
    return TrafficRouting(
        kind=_ROUTING[deployment.strategy],
        wait_seconds=deployment.wait_seconds,
        step_percent=None if deployment.strategy == "all_at_once" else deployment.traffic_percent,
        termination_wait_seconds=deployment.termination_wait_seconds,
    )


def _not_found(name: str) -> NotFound:
    return NotFound(code="ENDPOINT_NOT_FOUND", detail=f"No endpoint named '{name}' in this tenant.")


def _already_exists(name: str) -> Conflict:
    return Conflict(
        code="ENDPOINT_ALREADY_EXISTS",
        detail=f"An endpoint named '{name}' already exists in this tenant; pick another name "
        "or change the existing one.",
    )


def _not_ready(name: str, aws_status: str, verb: str) -> Conflict:
    status = snake(aws_status)
    advice = (
        "a failed endpoint does not recover: delete it and create it again."
        if status == "failed"
        else f"it can be {verb} once it is in_service; poll it and retry."
    )
    return Conflict(code="ENDPOINT_NOT_READY", detail=f"Endpoint '{name}' is {status}; {advice}")
