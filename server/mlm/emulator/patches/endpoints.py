"""Endpoints with SageMaker's lifecycle: Creating/Updating/Deleting → InService/Failed/gone.

An ``EmulatedEndpoint`` replaces moto's ``FakeEndpoint`` in the backend. It keeps the
settled state (what is serving) and at most one pending change; the visible status is
derived from the change's start time and the configured transition delay whenever the
endpoint is read.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from moto.core.responses import ActionResult
from moto.sagemaker.exceptions import ValidationError
from moto.sagemaker.models import FakeEndpoint, FakeEndpointConfig, SageMakerModelBackend
from moto.sagemaker.responses import SageMakerResponse

from mlm.emulator.patches import clock, rollouts
from mlm.emulator.patches.failures import failure_reason, variant_images
from mlm.emulator.patches.rollouts import Rollout

Kind = Literal["create", "update", "capacity", "delete"]
_TRANSITIONAL = {"create": "Creating", "update": "Updating", "capacity": "Updating"}
_ORIGINAL_LIST = SageMakerModelBackend.list_endpoints


@dataclass
class Variant:
    """One production variant as DescribeEndpoint reports it."""

    name: str
    images: list[str]
    desired_count: int | None
    desired_weight: float
    resolved_at: datetime
    current_count: int | None = None
    current_weight: float | None = None

    def settled(self) -> Variant:
        return Variant(
            name=self.name,
            images=self.images,
            resolved_at=self.resolved_at,
            desired_count=self.desired_count,
            desired_weight=self.desired_weight,
            current_count=self.desired_count,
            current_weight=self.desired_weight,
        )


@dataclass
class Change:
    kind: Kind
    started: datetime
    config_name: str | None = None
    variants: list[Variant] = field(default_factory=list)
    metrics_config: dict[str, Any] | None = None
    failure_reason: str | None = None
    rollout: Rollout | None = None  # a blue/green update's traffic shifting

    @property
    def ends(self) -> datetime:
        if self.rollout is not None and self.failure_reason is None:
            return self.rollout.ends
        return self.started + clock.transition()

    def rolling_back(self, moment: datetime) -> bool:
        rollout = self.rollout
        return (
            rollout is not None
            and rollout.rolled_back_at is not None
            and (moment >= rollout.rolled_back_at)
        )

    def green_share(self, moment: datetime) -> float:
        """The share of traffic the new fleet serves (0 until it is provisioned)."""
        if self.kind != "update" or self.failure_reason is not None:
            return 0.0
        return 0.0 if self.rollout is None else self.rollout.green_share(moment)


def _variants_from_config(
    backend: SageMakerModelBackend, config: FakeEndpointConfig, started: datetime
) -> list[Variant]:
    return [
        Variant(
            name=pv["VariantName"],
            images=variant_images(backend, pv.get("ModelName")),
            resolved_at=started,
            desired_count=pv.get("InitialInstanceCount"),
            # AWS weighs a variant 1.0 when the config leaves the weight out.
            desired_weight=float(pv.get("InitialVariantWeight", 1.0)),
        )
        for pv in config.production_variants
    ]


class EmulatedEndpoint:
    """What moto's backend and responses read from an endpoint, plus a lifecycle."""

    def __init__(
        self,
        backend: SageMakerModelBackend,
        name: str,
        config: FakeEndpointConfig,
        tags: list[dict[str, str]] | None,
    ) -> None:
        started = clock.now()
        self.endpoint_name = name
        self.arn = FakeEndpoint.arn_formatter(name, backend.account_id, backend.region_name)
        self.tags = list(tags or [])
        self.creation_time = started
        self.last_modified_time = started
        self.endpoint_config_name = config.endpoint_config_name
        self.variants: list[Variant] = []
        self.metrics_config: dict[str, Any] | None = None
        self.settled_status = "Creating"
        self.failure_reason: str | None = None
        self.last_deployment_config: dict[str, Any] | None = None
        self.deleted = False
        self.change: Change | None = Change(
            kind="create",
            started=started,
            config_name=config.endpoint_config_name,
            variants=_variants_from_config(backend, config, started),
            metrics_config=getattr(config, "metrics_config", None),
            failure_reason=failure_reason(backend, config),
        )

    # --- lifecycle -------------------------------------------------------------------

    def settle(self) -> None:
        """Finish the pending change if its time has come (a rollout first watches its
        alarms over the time that has passed)."""
        change = self.change
        if change is not None and change.rollout is not None and change.failure_reason is None:
            change.rollout.watch(min(clock.now(), change.rollout.windows[-1].end))
        if change is None or clock.now() < change.ends:
            return
        self.change = None
        self.last_modified_time = change.ends
        if change.kind == "delete":
            self.deleted = True
        elif change.kind == "create":
            self.metrics_config = change.metrics_config
            if change.failure_reason is not None:
                self.settled_status = "Failed"
                self.failure_reason = change.failure_reason
                self.variants = change.variants
            else:
                self.settled_status = "InService"
                self.variants = [v.settled() for v in change.variants]
        elif change.kind == "update" and change.failure_reason is not None:
            # A failed blue/green update rolls back: the old fleet and config keep serving.
            self.settled_status = "InService"
            self.failure_reason = change.failure_reason
        elif change.rollout is not None and change.rollout.rolled_back_at is not None:
            # An alarm tripped (or time ran out): all traffic went back to the old fleet.
            self.settled_status = "InService"
            self.failure_reason = change.rollout.rollback_reason
        else:
            if change.config_name is not None:
                self.endpoint_config_name = change.config_name
                self.metrics_config = change.metrics_config
            self.variants = [v.settled() for v in change.variants]
            self.settled_status = "InService"
            self.failure_reason = None

    @property
    def endpoint_status(self) -> str:
        self.settle()
        if self.change is not None:
            if self.change.rolling_back(clock.now()):
                return "RollingBack"
            return "Deleting" if self.change.kind == "delete" else _TRANSITIONAL[self.change.kind]
        return self.settled_status

    def start(self, change: Change) -> None:
        self.change = change
        self.last_modified_time = change.started

    def require_in_service(self) -> None:
        """AWS's refusal of UpdateEndpoint / UpdateEndpointWeightsAndCapacities unless
        the endpoint is InService (the same words for every in-progress state)."""
        status = self.endpoint_status
        if status == "InService":
            return
        if status == "Failed":
            raise ValidationError(f'Cannot update failed endpoint "{self.arn}".')
        raise ValidationError(f'Cannot update in-progress endpoint "{self.arn}".')

    # --- views -----------------------------------------------------------------------

    def _shown_variants(self) -> list[Variant]:
        change = self.change
        if change is None or change.kind == "delete":
            return self.variants
        if change.kind == "create":
            return change.variants
        # Updating: the old fleet serves (current), the target is desired.
        targets = {v.name: v for v in change.variants}
        shown = []
        for old in self.variants:
            target = targets.get(old.name)
            view = copy.copy(old)
            if target is not None:
                view.desired_count = target.desired_count
                view.desired_weight = target.desired_weight
            shown.append(view)
        return shown

    def _variant_summary(self, variant: Variant) -> dict[str, Any]:
        summary: dict[str, Any] = {}
        change = self.change
        if change is not None and change.rollout is not None and change.failure_reason is None:
            summary["VariantStatus"] = [change.rollout.variant_status(clock.now())]
        summary |= {
            "VariantName": variant.name,
            "DeployedImages": [
                {"SpecifiedImage": image, "ResolutionTime": variant.resolved_at}
                for image in variant.images
            ],
            "DesiredWeight": variant.desired_weight,
        }
        if variant.desired_count is not None:
            summary["DesiredInstanceCount"] = variant.desired_count
        if variant.current_weight is not None:
            summary["CurrentWeight"] = variant.current_weight
        if variant.current_count is not None:
            summary["CurrentInstanceCount"] = variant.current_count
        return summary

    def describe(self) -> dict[str, Any]:
        status = self.endpoint_status
        change = self.change
        config_name = self.endpoint_config_name
        if change is not None and change.config_name is not None:
            config_name = change.config_name
        response: dict[str, Any] = {
            "EndpointName": self.endpoint_name,
            "EndpointArn": self.arn,
            "EndpointConfigName": config_name,
            "ProductionVariants": [self._variant_summary(v) for v in self._shown_variants()],
            "EndpointStatus": status,
            "CreationTime": self.creation_time,
            "LastModifiedTime": self.last_modified_time,
        }
        if self.failure_reason is not None:
            response["FailureReason"] = self.failure_reason
        if self.last_deployment_config is not None:
            response["LastDeploymentConfig"] = self.last_deployment_config
        metrics = self.metrics_config
        if change is not None and change.kind in {"create", "update"}:
            metrics = change.metrics_config
            response["PendingDeploymentSummary"] = {
                "EndpointConfigName": change.config_name,
                "StartTime": change.started,
                "ProductionVariants": [
                    {
                        k: v
                        for k, v in {
                            "VariantName": t.name,
                            "DesiredInstanceCount": t.desired_count,
                            "DesiredWeight": t.desired_weight,
                        }.items()
                        if v is not None
                    }
                    for t in change.variants
                ],
            }
        if metrics:
            response["MetricsConfig"] = metrics
        return response

    def summary(self) -> dict[str, Any]:
        return {
            "EndpointName": self.endpoint_name,
            "EndpointArn": self.arn,
            "CreationTime": self.creation_time,
            "LastModifiedTime": self.last_modified_time,
            "EndpointStatus": self.endpoint_status,
        }


# --- backend ---------------------------------------------------------------------------


def _not_found(backend: SageMakerModelBackend, name: str) -> ValidationError:
    arn = FakeEndpoint.arn_formatter(name, backend.account_id, backend.region_name)
    return ValidationError(f'Could not find endpoint "{arn}".')


def _purge(backend: SageMakerModelBackend) -> None:
    for name, endpoint in list(backend.endpoints.items()):
        if isinstance(endpoint, EmulatedEndpoint):
            endpoint.settle()
            if endpoint.deleted:
                del backend.endpoints[name]


def live_endpoint(backend: SageMakerModelBackend, name: str) -> EmulatedEndpoint | None:
    with clock.LOCK:
        _purge(backend)
        endpoint = backend.endpoints.get(name)
        return endpoint if isinstance(endpoint, EmulatedEndpoint) else None


def _get(backend: SageMakerModelBackend, name: str) -> EmulatedEndpoint:
    endpoint = live_endpoint(backend, name)
    if endpoint is None:
        raise _not_found(backend, name)
    return endpoint


def _config(backend: SageMakerModelBackend, name: str) -> FakeEndpointConfig:
    config = backend.endpoint_configs.get(name)
    if config is None:
        arn = FakeEndpointConfig.arn_formatter(name, backend.account_id, backend.region_name)
        raise ValidationError(f'Could not find endpoint configuration "{arn}".')
    return config


def create_endpoint(
    self: SageMakerModelBackend,
    endpoint_name: str,
    endpoint_config_name: str,
    tags: list[dict[str, str]] | None,
) -> EmulatedEndpoint:
    with clock.LOCK:
        if live_endpoint(self, endpoint_name) is not None:
            arn = FakeEndpoint.arn_formatter(endpoint_name, self.account_id, self.region_name)
            raise ValidationError(f'Cannot create already existing endpoint "{arn}".')
        endpoint = EmulatedEndpoint(self, endpoint_name, _config(self, endpoint_config_name), tags)
        self.endpoints[endpoint_name] = endpoint  # type: ignore[assignment]
        return endpoint


def describe_endpoint(self: SageMakerModelBackend, endpoint_name: str) -> dict[str, Any]:
    with clock.LOCK:
        return _get(self, endpoint_name).describe()


def delete_endpoint(self: SageMakerModelBackend, endpoint_name: str) -> None:
    # AWS deletes an InService or Failed endpoint (the only operation a Failed one takes)
    # and refuses one that is Creating or Updating with the same words as UpdateEndpoint.
    # A second delete while Deleting changes nothing.
    with clock.LOCK:
        endpoint = _get(self, endpoint_name)
        if endpoint.change is not None and endpoint.change.kind == "delete":
            return
        if endpoint.endpoint_status in {"Creating", "Updating"}:
            raise ValidationError(f'Cannot update in-progress endpoint "{endpoint.arn}".')
        endpoint.start(Change(kind="delete", started=clock.now()))


def update_endpoint(
    self: SageMakerModelBackend,
    endpoint_name: str,
    endpoint_config_name: str,
    retain_all_variant_properties: bool = False,
    exclude_retained_variant_properties: list[dict[str, str]] | None = None,
    deployment_config: dict[str, Any] | None = None,
) -> str:
    with clock.LOCK:
        endpoint = _get(self, endpoint_name)
        config = _config(self, endpoint_config_name)
        endpoint.require_in_service()
        started = clock.now()
        targets = _variants_from_config(self, config, started)
        if retain_all_variant_properties:
            excluded = {p["VariantPropertyType"] for p in exclude_retained_variant_properties or []}
            current = {v.name: v for v in endpoint.variants}
            for target in targets:
                old = current.get(target.name)
                if old is None:
                    continue
                if "DesiredInstanceCount" not in excluded:
                    target.desired_count = old.desired_count
                if "DesiredWeight" not in excluded:
                    target.desired_weight = old.desired_weight
        try:
            rollouts.check(deployment_config, [t.desired_count or 0 for t in targets])
        except rollouts.InvalidDeployment as error:
            raise ValidationError(str(error)) from error
        if deployment_config is not None:
            endpoint.last_deployment_config = deployment_config
        rollout = rollouts.from_config(
            deployment_config,
            sum(t.desired_count or 0 for t in targets),
            started,
            self.account_id,
            self.region_name,
            variant_instances=[t.desired_count or 0 for t in targets],
        )
        endpoint.start(
            Change(
                kind="update",
                started=started,
                config_name=endpoint_config_name,
                variants=targets,
                metrics_config=getattr(config, "metrics_config", None),
                failure_reason=failure_reason(self, config),
                rollout=rollout,
            )
        )
        return endpoint.arn


def update_endpoint_weights_and_capacities(
    self: SageMakerModelBackend,
    endpoint_name: str,
    desired_weights_and_capacities: list[dict[str, Any]],
) -> str:
    with clock.LOCK:
        endpoint = _get(self, endpoint_name)
        endpoint.require_in_service()
        targets = {v.name: copy.copy(v) for v in endpoint.variants}
        seen: set[str] = set()
        for wanted in desired_weights_and_capacities:
            name = wanted.get("VariantName", "")
            if name in seen:
                raise ValidationError(
                    f'The variant name "{name}" was non-unique within the request.'
                )
            seen.add(name)
            if name not in targets:
                raise ValidationError(
                    f'The variant name(s) "{name}" is/are not present within endpoint '
                    f'configuration "{endpoint.endpoint_config_name}".'
                )
            if wanted.get("DesiredWeight") is None and wanted.get("DesiredInstanceCount") is None:
                raise ValidationError(
                    f'Variant "{name}" must specify DesiredWeight or DesiredInstanceCount.'
                )
            if wanted.get("DesiredWeight") is not None:
                targets[name].desired_weight = float(wanted["DesiredWeight"])
            if wanted.get("DesiredInstanceCount") is not None:
                targets[name].desired_count = int(wanted["DesiredInstanceCount"])
        endpoint.start(
            Change(
                kind="capacity",
                started=clock.now(),
                variants=[targets[v.name] for v in endpoint.variants],
            )
        )
        return endpoint.arn


def list_endpoints(self: SageMakerModelBackend, **kwargs: Any) -> Any:
    with clock.LOCK:
        _purge(self)
        return _ORIGINAL_LIST(self, **kwargs)


def _update_endpoint_action(self: SageMakerResponse) -> ActionResult:
    # Through the backend, so that a later patch of UpdateEndpoint (autoscaling) applies.
    arn: str = getattr(self.sagemaker_backend, "update_endpoint")(  # noqa: B009
        endpoint_name=self._get_param("EndpointName"),
        endpoint_config_name=self._get_param("EndpointConfigName"),
        retain_all_variant_properties=bool(self._get_param("RetainAllVariantProperties")),
        exclude_retained_variant_properties=self._get_param("ExcludeRetainedVariantProperties"),
        deployment_config=self._get_param("DeploymentConfig"),
    )
    return ActionResult({"EndpointArn": arn})


def install() -> None:
    backend = SageMakerModelBackend
    setattr(backend, "create_endpoint", create_endpoint)  # noqa: B010
    setattr(backend, "describe_endpoint", describe_endpoint)  # noqa: B010
    setattr(backend, "delete_endpoint", delete_endpoint)  # noqa: B010
    setattr(backend, "update_endpoint", update_endpoint)  # noqa: B010
    setattr(backend, "list_endpoints", list_endpoints)  # noqa: B010
    setattr(  # noqa: B010
        backend, "update_endpoint_weights_and_capacities", update_endpoint_weights_and_capacities
    )
    setattr(SageMakerResponse, "update_endpoint", _update_endpoint_action)  # noqa: B010
