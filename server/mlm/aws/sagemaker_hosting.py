"""SageMaker hosting: models, endpoint configs and endpoints (one adapter, one boto3 client).

Returns small records instead of AWS response shapes so the service never reads raw
dicts. Creates are "ensure" operations: a resource of that name left by an earlier
attempt is reused, which makes multi-step changes safe to retry. Deletes of something
already gone succeed (cleanup is idempotent).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from mlm.aws.errors import aws_errors, describe_or_none
from mlm.aws.immutable_cache import ImmutableCache
from mlm.aws.read_cache import ReadCache
from mlm.errors import Conflict, NotFound

if TYPE_CHECKING:
    from mypy_boto3_sagemaker import SageMakerClient


@dataclass(frozen=True)
class ModelRecord:
    name: str
    model_package_arn: str | None
    created_at: datetime | None
    arn: str | None = None


@dataclass(frozen=True)
class ConfigVariant:
    """One production variant as an endpoint config declares it."""

    name: str
    model_name: str
    instance_type: str
    instance_count: int
    weight: float


@dataclass(frozen=True)
class DataCapture:
    """An endpoint config's DataCaptureConfig (what SageMaker writes to S3, and how)."""

    enabled: bool
    sampling_percent: int
    destination_s3_uri: str
    capture_input: bool = True
    capture_output: bool = True
    csv_content_types: tuple[str, ...] = ()
    json_content_types: tuple[str, ...] = ()
    kms_key_id: str | None = None


@dataclass(frozen=True)
class ConfigRecord:
    name: str
    variants: list[ConfigVariant]
    enhanced_metrics: bool
    created_at: datetime | None
    arn: str | None = None
    data_capture: DataCapture | None = None


@dataclass(frozen=True)
class VariantState:
    """What DescribeEndpoint reports for a variant now (None where AWS reports nothing)."""

    name: str
    current_instance_count: int | None
    desired_instance_count: int | None
    current_weight: float | None
    desired_weight: float | None
    latest_status: str | None
    latest_status_message: str | None = None  # e.g. a rollout's step and baking time


@dataclass(frozen=True)
class LastDeployment:
    """DescribeEndpoint's LastDeploymentConfig: how the latest blue/green update shifts
    traffic and what it watches."""

    kind: str  # ALL_AT_ONCE | CANARY | LINEAR | ROLLING
    step_percent: int | None
    wait_seconds: int
    termination_wait_seconds: int
    maximum_execution_seconds: int | None
    rollback_alarms: tuple[str, ...]
    batch: Batch | None = None
    rollback_batch: Batch | None = None


@dataclass(frozen=True)
class EndpointRecord:
    name: str
    arn: str
    config_name: str
    pending_config_name: str | None
    status: str
    failure_reason: str | None
    variants: list[VariantState]
    enhanced_metrics: bool | None
    created_at: datetime
    updated_at: datetime
    last_deployment: LastDeployment | None = None


@dataclass(frozen=True)
class EndpointSummary:
    """One ListEndpoints entry."""

    name: str
    status: str
    updated_at: datetime


@dataclass(frozen=True)
class Batch:
    """A rolling update's batch (AWS's CapacitySize)."""

    unit: str  # INSTANCE_COUNT | CAPACITY_PERCENT
    value: int


@dataclass(frozen=True)
class TrafficRouting:
    """UpdateEndpoint's DeploymentConfig (AWS_FACTS.md, "Changing an endpoint"): blue/green
    routing, or with ``kind`` ROLLING a RollingUpdatePolicy of ``batch``-sized steps."""

    kind: str  # ALL_AT_ONCE | CANARY | LINEAR | ROLLING
    wait_seconds: int
    step_percent: int | None = None
    termination_wait_seconds: int = 0
    rollback_alarms: tuple[str, ...] = ()  # AutoRollbackConfiguration's alarm names
    maximum_execution_seconds: int | None = None
    batch: Batch | None = None
    rollback_batch: Batch | None = None


@dataclass(frozen=True)
class CapacityChange:
    variant: str
    instance_count: int | None = None
    weight: float | None = None


@dataclass(frozen=True)
class NewVariant:
    name: str
    model_name: str
    instance_type: str
    instance_count: int
    weight: float


@dataclass(frozen=True)
class NewModel:
    name: str
    model_package_arn: str


class SageMakerHosting:
    def __init__(
        self,
        client: SageMakerClient,
        tags_ttl_seconds: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``tags_ttl_seconds``: how long tags read from AWS are reused. MLM writes an
        endpoint's tags only when it creates it, so a read needs no ListTags call most
        of the time; a tag changed in AWS directly shows within the TTL."""
        self._sm = client
        self._models: ImmutableCache[ModelRecord] = ImmutableCache()
        self._configs: ImmutableCache[ConfigRecord] = ImmutableCache()
        self._tags: ReadCache[str, dict[str, str]] = ReadCache(tags_ttl_seconds, clock=clock)

    # --- models -------------------------------------------------------------------------

    def describe_model(self, name: str, fresh: bool = False) -> ModelRecord | None:
        """``fresh`` asks AWS even when cached (to learn whether it still exists)."""
        cached = None if fresh else self._models.get(name)
        if cached is not None:
            return cached
        out = describe_or_none(lambda: self._sm.describe_model(ModelName=name))
        if out is None:
            return None
        containers: Sequence[Any] = out.get("Containers") or [out.get("PrimaryContainer") or {}]
        arn = next(
            (c.get("ModelPackageName") for c in containers if c.get("ModelPackageName")), None
        )
        record = ModelRecord(
            name=name,
            model_package_arn=arn,
            created_at=out.get("CreationTime"),
            arn=out.get("ModelArn"),
        )
        self._models.put(name, record)
        return record

    def ensure_model(self, model: NewModel, role_arn: str | None, tags: Mapping[str, str]) -> None:
        if self.describe_model(model.name, fresh=True) is not None:
            return
        # The package carries image, artifact and environment; the model only points at it.
        args: dict[str, Any] = {
            "ModelName": model.name,
            "Containers": [{"ModelPackageName": model.model_package_arn}],
            "Tags": _aws_tags(tags),
        }
        if role_arn:
            args["ExecutionRoleArn"] = role_arn
        with _existing_is_fine():  # botocore's repeat of a create whose reply was lost
            self._sm.create_model(**args)

    def delete_model(self, name: str) -> None:
        self._models.forget(name)
        with suppress(NotFound), aws_errors():
            self._sm.delete_model(ModelName=name)

    def list_models(self, prefix: str) -> list[ModelRecord]:
        """Models whose name starts with ``prefix`` (NameContains is a substring match)."""
        found: list[ModelRecord] = []
        with aws_errors():
            for page in self._sm.get_paginator("list_models").paginate(NameContains=prefix):
                for item in page.get("Models", []):
                    if item["ModelName"].startswith(prefix):
                        found.append(
                            ModelRecord(
                                item["ModelName"], None, item.get("CreationTime"), item["ModelArn"]
                            )
                        )
        return found

    # --- endpoint configs ---------------------------------------------------------------

    def describe_config(self, name: str, fresh: bool = False) -> ConfigRecord | None:
        """``fresh`` asks AWS even when cached (to learn whether it still exists)."""
        cached = None if fresh else self._configs.get(name)
        if cached is not None:
            return cached
        out = describe_or_none(lambda: self._sm.describe_endpoint_config(EndpointConfigName=name))
        if out is None:
            return None
        variants = [
            ConfigVariant(
                name=v["VariantName"],
                model_name=v.get("ModelName", ""),
                instance_type=v.get("InstanceType", ""),
                instance_count=int(v.get("InitialInstanceCount", 1)),
                weight=float(v.get("InitialVariantWeight", 1.0)),
            )
            for v in out.get("ProductionVariants", [])
        ]
        metrics = out.get("MetricsConfig") or {}
        record = ConfigRecord(
            name=name,
            variants=variants,
            enhanced_metrics=bool(metrics.get("EnableEnhancedMetrics", False)),
            created_at=out.get("CreationTime"),
            arn=out.get("EndpointConfigArn"),
            data_capture=_data_capture_of(out.get("DataCaptureConfig")),
        )
        self._configs.put(name, record)
        return record

    def ensure_config(
        self,
        name: str,
        variants: Sequence[NewVariant],
        enhanced_metrics: bool,
        tags: Mapping[str, str],
        data_capture: DataCapture | None = None,
    ) -> None:
        if self.describe_config(name, fresh=True) is not None:
            return
        args: dict[str, Any] = {
            "EndpointConfigName": name,
            "ProductionVariants": [
                {
                    "VariantName": v.name,
                    "ModelName": v.model_name,
                    "InstanceType": v.instance_type,
                    "InitialInstanceCount": v.instance_count,
                    "InitialVariantWeight": v.weight,
                }
                for v in variants
            ],
            "Tags": _aws_tags(tags),
        }
        if enhanced_metrics:
            # Per-instance metrics (an InstanceId dimension), published every 10 s.
            args["MetricsConfig"] = {
                "EnableEnhancedMetrics": True,
                "MetricPublishFrequencyInSeconds": 10,
            }
        if data_capture is not None:
            args["DataCaptureConfig"] = _data_capture_args(data_capture)
        with _existing_is_fine():
            self._sm.create_endpoint_config(**args)

    def delete_config(self, name: str) -> None:
        self._configs.forget(name)
        with suppress(NotFound), aws_errors():
            self._sm.delete_endpoint_config(EndpointConfigName=name)

    def list_configs(self, prefix: str) -> list[ConfigRecord]:
        """Configs whose name starts with ``prefix`` (variants not filled in)."""
        found: list[ConfigRecord] = []
        with aws_errors():
            paginator = self._sm.get_paginator("list_endpoint_configs")
            for page in paginator.paginate(NameContains=prefix):
                for item in page.get("EndpointConfigs", []):
                    name = item["EndpointConfigName"]
                    if name.startswith(prefix):
                        found.append(
                            ConfigRecord(
                                name, [], False, item.get("CreationTime"), item["EndpointConfigArn"]
                            )
                        )
        return found

    # --- endpoints ----------------------------------------------------------------------

    def describe_endpoint(self, name: str) -> EndpointRecord | None:
        out = describe_or_none(lambda: self._sm.describe_endpoint(EndpointName=name))
        if out is None:
            return None
        pending = out.get("PendingDeploymentSummary") or {}
        metrics = out.get("MetricsConfig")
        return EndpointRecord(
            name=name,
            arn=out["EndpointArn"],
            config_name=out.get("EndpointConfigName", ""),
            pending_config_name=pending.get("EndpointConfigName"),
            status=out["EndpointStatus"],
            failure_reason=out.get("FailureReason") or None,
            variants=[_variant_state(v) for v in out.get("ProductionVariants", [])],
            enhanced_metrics=None
            if metrics is None
            else bool(metrics.get("EnableEnhancedMetrics", False)),
            created_at=out["CreationTime"],
            updated_at=out.get("LastModifiedTime", out["CreationTime"]),
            last_deployment=_last_deployment(out.get("LastDeploymentConfig")),
        )

    def list_endpoint_names(self, prefix: str) -> list[str]:
        return [summary.name for summary in self.list_endpoint_summaries(prefix)]

    def list_endpoint_summaries(self, prefix: str) -> list[EndpointSummary]:
        """Every endpoint whose name starts with ``prefix``: name, status, last change."""
        found: list[EndpointSummary] = []
        with aws_errors():
            for page in self._sm.get_paginator("list_endpoints").paginate(NameContains=prefix):
                found += [
                    EndpointSummary(
                        item["EndpointName"], item["EndpointStatus"], item["LastModifiedTime"]
                    )
                    for item in page.get("Endpoints", [])
                    if item["EndpointName"].startswith(prefix)
                ]
        return found

    def create_endpoint(self, name: str, config_name: str, tags: Mapping[str, str]) -> None:
        exists = Conflict(
            code="ENDPOINT_ALREADY_EXISTS", detail="An endpoint with this name already exists."
        )
        with aws_errors(exists=exists):
            self._sm.create_endpoint(
                EndpointName=name,
                EndpointConfigName=config_name,
                Tags=_aws_tags(tags),  # type: ignore[arg-type]
            )

    def update_endpoint(self, name: str, config_name: str, routing: TrafficRouting | None) -> None:
        args: dict[str, Any] = {"EndpointName": name, "EndpointConfigName": config_name}
        if routing is not None:
            args["DeploymentConfig"] = (
                {"RollingUpdatePolicy": _rolling(routing)}
                if routing.kind == "ROLLING"
                else {"BlueGreenUpdatePolicy": _blue_green(routing)}
            )
            if routing.rollback_alarms:
                args["DeploymentConfig"]["AutoRollbackConfiguration"] = {
                    "Alarms": [{"AlarmName": name} for name in routing.rollback_alarms]
                }
        with aws_errors():
            self._sm.update_endpoint(**args)

    def update_capacities(self, name: str, changes: Sequence[CapacityChange]) -> None:
        desired: list[dict[str, Any]] = []
        for change in changes:
            item: dict[str, Any] = {"VariantName": change.variant}
            if change.instance_count is not None:
                item["DesiredInstanceCount"] = change.instance_count
            if change.weight is not None:
                item["DesiredWeight"] = change.weight
            desired.append(item)
        with aws_errors():
            self._sm.update_endpoint_weights_and_capacities(
                EndpointName=name,
                DesiredWeightsAndCapacities=desired,  # type: ignore[arg-type]
            )

    def delete_endpoint(self, name: str) -> None:
        with aws_errors():
            self._sm.delete_endpoint(EndpointName=name)

    def tags(self, arn: str, fresh: bool = False) -> dict[str, str]:
        """``fresh`` asks AWS even when the tags were read within the TTL."""
        cached = None if fresh else self._tags.get(arn)
        if cached is not None:
            return dict(cached)
        tags: dict[str, str] = {}
        with aws_errors():
            for page in self._sm.get_paginator("list_tags").paginate(ResourceArn=arn):
                tags.update((t["Key"], t["Value"]) for t in page.get("Tags", []))
        self._tags.put(arn, dict(tags))
        return tags

    def add_tags(self, arn: str, tags: Mapping[str, str]) -> None:
        """AddTags replaces the value of a key already set."""
        if not tags:
            return
        try:
            with aws_errors():
                self._sm.add_tags(
                    ResourceArn=arn,
                    Tags=[{"Key": k, "Value": v} for k, v in tags.items()],
                )
        finally:
            self._tags.forget(arn)  # also when the reply was lost: AWS may have done it

    def delete_tags(self, arn: str, keys: Sequence[str]) -> None:
        if not keys:
            return
        try:
            with aws_errors():
                self._sm.delete_tags(ResourceArn=arn, TagKeys=list(keys))
        finally:
            self._tags.forget(arn)


@contextmanager
def _existing_is_fine() -> Iterator[None]:
    """For creates of names that belong to one request: "already exists" means this
    request made it (the first attempt's reply was lost), which is what it wanted."""
    exists = Conflict(code="AWS_RESOURCE_EXISTS", detail="It exists already.")
    try:
        with aws_errors(exists=exists):
            yield
    except Conflict as error:
        if error is not exists:
            raise


def _aws_tags(tags: Mapping[str, str]) -> list[dict[str, str]]:
    return [{"Key": key, "Value": value} for key, value in sorted(tags.items())]


def _variant_state(v: Any) -> VariantState:
    statuses = sorted(
        v.get("VariantStatus") or [],
        # Entries without a StartTime sort first; the tuple never compares None with a time.
        key=lambda s: (s.get("StartTime") is not None, s.get("StartTime") or 0),
    )
    return VariantState(
        name=v["VariantName"],
        current_instance_count=v.get("CurrentInstanceCount"),
        desired_instance_count=v.get("DesiredInstanceCount"),
        current_weight=_float_or_none(v.get("CurrentWeight")),
        desired_weight=_float_or_none(v.get("DesiredWeight")),
        latest_status=statuses[-1]["Status"] if statuses else None,
        latest_status_message=statuses[-1].get("StatusMessage") if statuses else None,
    )


def _last_deployment(config: Mapping[str, Any] | None) -> LastDeployment | None:
    alarms = ((config or {}).get("AutoRollbackConfiguration") or {}).get("Alarms") or []
    rolling = (config or {}).get("RollingUpdatePolicy")
    if rolling:
        timeout = rolling.get("MaximumExecutionTimeoutInSeconds")
        return LastDeployment(
            kind="ROLLING",
            step_percent=None,
            wait_seconds=int(rolling.get("WaitIntervalInSeconds", 0)),
            termination_wait_seconds=0,
            maximum_execution_seconds=None if timeout is None else int(timeout),
            rollback_alarms=tuple(str(a["AlarmName"]) for a in alarms),
            batch=_batch_of(rolling.get("MaximumBatchSize")),
            rollback_batch=_batch_of(rolling.get("RollbackMaximumBatchSize")),
        )
    policy = (config or {}).get("BlueGreenUpdatePolicy")
    if not policy:
        return None  # none yet
    routing = policy.get("TrafficRoutingConfiguration") or {}
    size = routing.get("CanarySize") or routing.get("LinearStepSize") or {}
    timeout = policy.get("MaximumExecutionTimeoutInSeconds")
    return LastDeployment(
        kind=str(routing.get("Type", "ALL_AT_ONCE")),
        step_percent=int(size["Value"]) if size.get("Type") == "CAPACITY_PERCENT" else None,
        wait_seconds=int(routing.get("WaitIntervalInSeconds", 0)),
        termination_wait_seconds=int(policy.get("TerminationWaitInSeconds", 0)),
        maximum_execution_seconds=None if timeout is None else int(timeout),
        rollback_alarms=tuple(str(a["AlarmName"]) for a in alarms),
    )


def _float_or_none(value: Any) -> float | None:
    return None if value is None else float(value)


def _batch_of(size: Mapping[str, Any] | None) -> Batch | None:
    if not size or size.get("Type") is None or size.get("Value") is None:
        return None
    return Batch(str(size["Type"]), int(size["Value"]))


def _capacity_size(batch: Batch) -> dict[str, Any]:
    return {"Type": batch.unit, "Value": batch.value}


def _rolling(routing: TrafficRouting) -> dict[str, Any]:
    if routing.batch is None:
        raise ValueError("a rolling update needs a batch size")
    policy: dict[str, Any] = {
        "MaximumBatchSize": _capacity_size(routing.batch),
        "WaitIntervalInSeconds": routing.wait_seconds,
    }
    if routing.rollback_batch is not None:
        policy["RollbackMaximumBatchSize"] = _capacity_size(routing.rollback_batch)
    if routing.maximum_execution_seconds is not None:
        policy["MaximumExecutionTimeoutInSeconds"] = routing.maximum_execution_seconds
    return policy


def _blue_green(routing: TrafficRouting) -> dict[str, Any]:
    traffic: dict[str, Any] = {"Type": routing.kind, "WaitIntervalInSeconds": routing.wait_seconds}
    if routing.step_percent is not None:
        size = {"Type": "CAPACITY_PERCENT", "Value": routing.step_percent}
        traffic["CanarySize" if routing.kind == "CANARY" else "LinearStepSize"] = size
    policy: dict[str, Any] = {
        "TrafficRoutingConfiguration": traffic,
        "TerminationWaitInSeconds": routing.termination_wait_seconds,
    }
    if routing.maximum_execution_seconds is not None:
        policy["MaximumExecutionTimeoutInSeconds"] = routing.maximum_execution_seconds
    return policy


def _data_capture_args(capture: DataCapture) -> dict[str, Any]:
    modes = [
        {"CaptureMode": mode}
        for mode, wanted in (("Input", capture.capture_input), ("Output", capture.capture_output))
        if wanted
    ]
    args: dict[str, Any] = {
        "EnableCapture": capture.enabled,
        "InitialSamplingPercentage": capture.sampling_percent,
        "DestinationS3Uri": capture.destination_s3_uri,
        "CaptureOptions": modes,
        "CaptureContentTypeHeader": {
            "CsvContentTypes": list(capture.csv_content_types),
            "JsonContentTypes": list(capture.json_content_types),
        },
    }
    if not capture.csv_content_types:
        del args["CaptureContentTypeHeader"]["CsvContentTypes"]
    if not capture.json_content_types:
        del args["CaptureContentTypeHeader"]["JsonContentTypes"]
    if not args["CaptureContentTypeHeader"]:
        del args["CaptureContentTypeHeader"]
    if capture.kms_key_id:
        args["KmsKeyId"] = capture.kms_key_id
    return args


def _data_capture_of(config: Mapping[str, Any] | None) -> DataCapture | None:
    if not config or "DestinationS3Uri" not in config:
        return None
    modes = {str(o.get("CaptureMode", "")) for o in config.get("CaptureOptions", [])}
    header = config.get("CaptureContentTypeHeader") or {}
    return DataCapture(
        enabled=bool(config.get("EnableCapture", False)),
        sampling_percent=int(config.get("InitialSamplingPercentage", 0)),
        destination_s3_uri=str(config["DestinationS3Uri"]),
        capture_input="Input" in modes or "InputAndOutput" in modes,
        capture_output="Output" in modes or "InputAndOutput" in modes,
        csv_content_types=tuple(header.get("CsvContentTypes", [])),
        json_content_types=tuple(header.get("JsonContentTypes", [])),
        kms_key_id=config.get("KmsKeyId") or None,
    )
