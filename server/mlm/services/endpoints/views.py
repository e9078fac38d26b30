"""The endpoint as clients see it, assembled from what AWS reports (AWS keeps the truth).

Endpoint → its config (instance types, SageMaker models) → each model's package ARN →
the model version behind it. Nothing is cached between requests.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Protocol

from mlm import naming
from mlm.aws.sagemaker_hosting import (
    Batch,
    ConfigRecord,
    DataCapture,
    EndpointRecord,
    LastDeployment,
    SageMakerHosting,
    VariantState,
)
from mlm.services.endpoints import data_capture
from mlm.services.endpoints.deployments import version_of_package_arn
from mlm.timestamps import rfc3339

_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")
# When AWS reports no state for a variant yet, its state follows the endpoint's.
_VARIANT_STATUS_FROM_ENDPOINT = {
    "creating": "creating",
    "updating": "updating",
    "system_updating": "updating",
    "rolling_back": "updating",
    "deleting": "deleting",
}


def snake(aws_status: str) -> str:
    """``InService`` → ``in_service`` (the API's spelling of AWS statuses)."""
    return _CAMEL.sub("_", aws_status).lower()


class Deployable(Protocol):
    """A model version ready to deploy (mlm.services.registry.versions.DeployableVersion)."""

    @property
    def model_package_arn(self) -> str: ...


class VersionLookup(Protocol):
    """What the endpoint service needs from the model-version service."""

    def get_deployable(self, tenant: str, model_name: str, version: int) -> Deployable: ...


@dataclass(frozen=True)
class Variant:
    name: str
    model_name: str | None
    model_version: int | None
    instance_type: str | None
    current_instance_count: int | None
    desired_instance_count: int | None
    current_weight: float | None
    desired_weight: float | None
    status: str
    # AWS's words on the status, e.g. a rollout's step and how long it bakes.
    status_message: str | None = None


@dataclass(frozen=True)
class Endpoint:
    name: str
    status: str
    failure_reason: str | None
    variants: list[Variant]
    enhanced_metrics: bool
    tags: dict[str, str]
    created_at: datetime
    updated_at: datetime
    data_capture: DataCapture | None = None
    # The latest blue/green update's traffic shifting and rollback alarms (API shape).
    deployment: dict[str, Any] | None = None

    def to_api(self) -> dict[str, Any]:
        """The API representation (the spec's Endpoint schema)."""
        return {
            "name": self.name,
            "status": self.status,
            "failure_reason": self.failure_reason,
            "variants": [asdict(v) for v in self.variants],
            "enhanced_metrics": self.enhanced_metrics,
            "tags": self.tags,
            "created_at": rfc3339(self.created_at),
            "updated_at": rfc3339(self.updated_at),
            "data_capture": data_capture.to_api(self.data_capture),
            "deployment": self.deployment,
        }


def endpoint_from_api(doc: dict[str, Any]) -> Endpoint:
    """The inverse of ``Endpoint.to_api`` (the fleet index stores views as JSON)."""
    return Endpoint(
        name=doc["name"],
        status=doc["status"],
        failure_reason=doc.get("failure_reason"),
        variants=[Variant(**v) for v in doc["variants"]],
        enhanced_metrics=bool(doc["enhanced_metrics"]),
        tags=dict(doc.get("tags") or {}),
        created_at=datetime.fromisoformat(doc["created_at"]),
        updated_at=datetime.fromisoformat(doc["updated_at"]),
        data_capture=data_capture.from_api(doc.get("data_capture")),
        deployment=doc.get("deployment"),
    )


class EndpointReader:
    """Builds Endpoint views; one instance per request (it memoises model look-ups)."""

    def __init__(self, hosting: SageMakerHosting, tenant: str) -> None:
        self._hosting = hosting
        self._tenant = tenant
        self._models: dict[str, tuple[str, int] | None] = {}

    def version_of_model(self, sagemaker_model: str) -> tuple[str, int] | None:
        """(model name, version) a SageMaker model of ours serves, None when unknown."""
        if sagemaker_model not in self._models:
            record = self._hosting.describe_model(sagemaker_model)
            arn = record.model_package_arn if record else None
            self._models[sagemaker_model] = (
                version_of_package_arn(self._tenant, arn) if arn else None
            )
        return self._models[sagemaker_model]

    def view(self, api_name: str, record: EndpointRecord) -> Endpoint:
        config = self._hosting.describe_config(record.config_name)
        status = snake(record.status)
        live = {v.name: v for v in record.variants}
        if config is not None:
            variants = [
                self._variant(status, cv.name, cv.model_name, cv.instance_type, live)
                for cv in config.variants
            ]
        else:  # config gone (should not happen): report what the endpoint itself says
            variants = [self._variant(status, v.name, None, None, live) for v in record.variants]
        return Endpoint(
            name=api_name,
            status=status,
            failure_reason=record.failure_reason,
            variants=variants,
            enhanced_metrics=_enhanced(config, record),
            tags=naming.user_tag_map(self._hosting.tags(record.arn)),
            created_at=record.created_at,
            updated_at=record.updated_at,
            data_capture=config.data_capture if config is not None else None,
            deployment=_deployment(record.last_deployment),
        )

    def _variant(
        self,
        endpoint_status: str,
        name: str,
        sagemaker_model: str | None,
        instance_type: str | None,
        states: dict[str, VariantState],
    ) -> Variant:
        version = self.version_of_model(sagemaker_model) if sagemaker_model else None
        live = states.get(name)
        if live is not None and live.latest_status:
            status = snake(live.latest_status)
        else:  # AWS reports no variant status (it often does not): follow the endpoint's
            status = _VARIANT_STATUS_FROM_ENDPOINT.get(endpoint_status, "in_service")
        return Variant(
            name=name,
            model_name=version[0] if version else None,
            model_version=version[1] if version else None,
            instance_type=instance_type or None,
            current_instance_count=live.current_instance_count if live else None,
            desired_instance_count=live.desired_instance_count if live else None,
            current_weight=live.current_weight if live else None,
            desired_weight=live.desired_weight if live else None,
            status=status,
            status_message=live.latest_status_message if live else None,
        )


_STRATEGIES = {
    "ALL_AT_ONCE": "all_at_once",
    "CANARY": "canary",
    "LINEAR": "linear",
    "ROLLING": "rolling",
}
_BATCH_UNITS = {"INSTANCE_COUNT": "instances", "CAPACITY_PERCENT": "percent"}


def _deployment(last: LastDeployment | None) -> dict[str, Any] | None:
    if last is None:
        return None
    return {
        "strategy": _STRATEGIES.get(last.kind, last.kind.lower()),
        "traffic_percent": last.step_percent,
        "wait_seconds": last.wait_seconds,
        "termination_wait_seconds": last.termination_wait_seconds,
        "maximum_execution_seconds": last.maximum_execution_seconds,
        "rollback_alarms": list(last.rollback_alarms),
        "batch_size": _batch(last.batch),
        "rollback_batch_size": _batch(last.rollback_batch),
    }


def _batch(batch: Batch | None) -> dict[str, Any] | None:
    if batch is None:
        return None
    return {"unit": _BATCH_UNITS.get(batch.unit, batch.unit.lower()), "value": batch.value}


def _enhanced(config: ConfigRecord | None, record: EndpointRecord) -> bool:
    if config is not None and config.enhanced_metrics:
        return True
    return bool(record.enhanced_metrics)
