"""Patches for what moto 5.2.5 lacks (see shared/design/AWS_FACTS.md, "moto gaps").

They change moto's in-process SageMaker backend and response classes, so they hold for
every request the embedded moto server answers. Each patch mimics a documented AWS
behaviour and has a test of that name under tests/emulator/.

Model registry (``registry.py``)
- CreateModelPackageGroup with a name in use → ValidationException "Model Package Group
  already exists" (moto overwrote the group).
- DeleteModelPackageGroup (missing in moto): deletes an empty group; a group that still
  has model packages → ConflictException; an unknown group → ValidationException.
- DeleteModelPackage (missing in moto): deletes one version; unknown → ValidationException.
- CreateModelPackage in a group numbers versions 1, 2, 3… and never reuses the number of
  a deleted version (moto counted the packages left, so a delete led to clashing ARNs).
- CreateModelPackage with the ClientToken of a package of the same group answers that
  package's ARN and creates nothing (AWS: the token "guarantees that the call to this API
  is idempotent"; botocore fills in a fresh token per call when none is given, and its
  retries of one call resend it). moto created another version.
- UpdateModelPackage changes only what the request names: CustomerMetadataProperties are
  merged, then CustomerMetadataPropertiesToRemove are removed; approval status and
  description stay unless given (moto reset all of them on every update).

Tagging (``tagging.py``)
- AddTags / ListTags / DeleteTags work on model package ARNs
  (``model-package/<group>/<version>``; moto answered 500) and on every other
  SageMaker ARN the service uses.
- An ARN that names nothing → ValidationException "Resource <arn> does not exist."
  (moto answered 500).
- AddTags with a key already set replaces its value (moto added a second tag).

Hosting (``hosting.py``)
- CreateModel with a name in use → ValidationException "Cannot create already existing
  model"; a container naming an unknown ModelPackageName → ValidationException.
- ListModels honours NameContains, SortBy, SortOrder, CreationTime filters, MaxResults and
  NextToken (moto returned every model).
- CreateEndpointConfig accepts every value of botocore's ``ProductionVariantInstanceType``
  enum (read from botocore at run time) and rejects anything else with AWS's enum
  ValidationException; stores MetricsConfig (EnableEnhancedMetrics,
  MetricPublishFrequencyInSeconds) and returns it from DescribeEndpointConfig; a name in
  use → ValidationException "Cannot create already existing endpoint configuration".
- DescribeModel and DescribeEndpointConfig leave out members never set, as AWS does
  (moto answered ``PrimaryContainer: {}``, ``VpcConfig: {}``, ``DataCaptureConfig: {}``).

CloudWatch (``cloudwatch.py``)
- ListMetrics lists each metric (namespace, name, dimensions) once; moto listed a
  metric with two dimensions once per data point.

Endpoints (``endpoints.py``)
- CreateEndpoint: Creating → InService after the transition delay; a name in use
  (including an endpoint still Deleting) → ValidationException "Cannot create already
  existing endpoint"; an unknown config → ValidationException.
- DescribeEndpoint / ListEndpoints compute the status from timestamps when read. Variants
  carry VariantName, DeployedImages (the model's or its model package's images),
  CurrentWeight/DesiredWeight, CurrentInstanceCount/DesiredInstanceCount: current is the
  serving value until a transition ends, desired the target (a new endpoint has no current
  values until InService). No CurrentServerlessConfig. PendingDeploymentSummary is shown
  while a config is being deployed; MetricsConfig when the config has one.
- UpdateEndpoint (missing in moto): Updating → InService on the new config. Accepts
  DeploymentConfig (returned as LastDeploymentConfig), RetainAllVariantProperties and
  ExcludeRetainedVariantProperties. EndpointConfigName shows the new config as soon as
  the update starts; LastModifiedTime moves. Refused unless InService, as AWS does:
  ValidationException 'Cannot update in-progress endpoint "<arn>".' (Creating, Updating)
  or 'Cannot update failed endpoint "<arn>".' (Failed).
- Blue/green rollouts (``rollouts.py``): an UpdateEndpoint with a BlueGreenUpdatePolicy
  provisions the new fleet (the transition delay), then shifts traffic all at once, as a
  canary or linearly at WaitIntervalInSeconds, with a baking period after each shift
  (VariantStatus ``Creating`` → ``Baking``/``ActivatingTraffic``, with the step in its
  StatusMessage) and TerminationWaitInSeconds at the end; invocations are routed to the
  new fleet by its current share. The AutoRollbackConfiguration's alarms are evaluated at
  every metric minute of baking: one in ALARM (or MaximumExecutionTimeoutInSeconds
  passing) rolls back — ``RollingBack`` for a transition, then InService on the old config
  with a FailureReason that names the alarm and the step. A RollingUpdatePolicy replaces
  the fleet MaximumBatchSize at a time (each batch provisioned in a transition, then baked
  under the same alarms; a rollback takes a transition per RollbackMaximumBatchSize), and
  a batch outside 5 % to 50 % of a variant is a ValidationException.
- UpdateEndpointWeightsAndCapacities: Updating → InService with the new weights/counts;
  refused unless InService with the same exceptions; variant names must exist and be
  unique; each entry needs a weight or a count (moto set the missing one to null and
  skipped Updating).
- DeleteEndpoint: Deleting, then gone; DescribeEndpoint then raises ValidationException
  "Could not find endpoint". Accepted when InService or Failed; while Creating or Updating
  AWS refuses it with 'Cannot update in-progress endpoint "<arn>".' (moto deleted at once);
  a repeat while Deleting is a no-op.

Failure injection (``failures.py``)
- A deployment whose SageMaker model has a container Environment variable
  ``MLM_EMULATOR_FAILURE_REASON=<text>`` (on the model's container or on the container of
  the model package it names) fails after the transition delay: CreateEndpoint ends
  ``Failed`` with ``FailureReason=<text>``; UpdateEndpoint ends like AWS's failed
  blue/green update: back to ``InService`` on the OLD config (old variants still serving)
  with ``FailureReason=<text>``. The next successful update clears FailureReason.
- ``MLM_EMULATOR_MODEL_ERROR=<status> <message>`` deploys fine, but the model answers every
  invocation with that error (a ``ModelError``, counted in Invocation5XXErrors for a 5xx):
  a faulty version, for rollouts that must roll back.

SageMaker Runtime (``invocations.py``; frames in ``invocation_stream.py``, metrics in
``traffic_metrics.py``)
- InvokeEndpoint and InvokeEndpointWithResponseStream (missing in moto) serve an
  in-service endpoint: unknown or not serving → ValidationError; variants chosen by their
  current weights or TargetVariant; a deterministic echo (streamed in several PayloadPart
  event-stream frames); ``"mlm_emulator"`` controls in a JSON body provoke a ModelError,
  a slow answer or a container timeout; every served request publishes AWS/SageMaker
  traffic metrics (Invocations, errors, latencies, ConcurrentRequestsPerModel).

Container logs (``container_logs.py``)
- Each instance's container output goes to ``/aws/sagemaker/Endpoints/<endpoint>``, stream
  ``<variant>/<instance id>``: start-up lines when a deployment finishes (failure lines
  when it fails), one access line per served invocation, a shutdown line on delete.

Data capture (``data_capture.py``)
- An endpoint config's DataCaptureConfig is acted on: InitialSamplingPercentage of
  InvokeEndpoint's answers are written to ``<DestinationS3Uri>/<endpoint>/<variant>/
  yyyy/mm/dd/hh/*.jsonl`` in SageMaker's record format (``captureData``,
  ``eventMetadata``), SSE-KMS with KmsKeyId; DescribeEndpoint reports DataCaptureConfig.

CloudWatch statistics (``metric_statistics.py``)
- Percentile statistics (``p50``, ``p99``, ``p99.9`` …) in GetMetricData and
  GetMetricStatistics, by nearest rank over the period's values (moto answered null).

CloudWatch alarms (``alarm_actions.py``, evaluating with ``alarms.py``)
- DescribeAlarms evaluates the alarms it answers with from the emulated metrics (moto
  never evaluated them) and, on a state change, publishes CloudWatch's notification to
  the SNS topics of AlarmActions / OKActions (when ActionsEnabled).

SNS (``sns.py``)
- Subscribe of an email or HTTP(S) endpoint answers "pending confirmation" (unless
  ReturnSubscriptionArn), as AWS does until the subscriber confirms.

CloudWatch Logs (``logs.py``)
- FilterLogEvents honours ``logStreamNamePrefix`` (moto searched every stream) and
  always interleaves the streams' events oldest first (moto only when asked).

Batch (``batch.py``)
- A job whose command starts with ``mlm`` (the packager's job definition) runs that
  command as a child process against the emulator: SUBMITTED → PENDING → RUNNABLE →
  STARTING → RUNNING while it runs → SUCCEEDED (exit 0) | FAILED (exitCode, statusReason
  from the packager's error); output in CloudWatch Logs; TerminateJob (and CancelJob
  before the job starts) stops it. Other jobs keep moto's "SUCCEEDED at once".

DynamoDB (``dynamodb.py``)
- Item reads and writes (PutItem, GetItem, UpdateItem, DeleteItem, Query, Scan,
  TransactWriteItems) are serialized, so a conditional write is checked and applied
  atomically (moto checked, then wrote, with no lock: two simultaneous compare-and-swaps
  from one value both succeeded).

Timing (``clock.py``)
- Transitions take ``transition_seconds`` (``MLM_EMULATOR_TRANSITION_SECONDS``, default 2).
  ``configure(transition_seconds=…)`` changes it at run time, for changes in flight too.
"""

from __future__ import annotations

from mlm.emulator.patches import (
    alarm_actions,
    autoscaling,
    batch,
    clock,
    cloudwatch,
    container_logs,
    data_capture,
    dynamodb,
    endpoints,
    hosting,
    invocations,
    logs,
    metric_statistics,
    registry,
    sns,
    tagging,
)
from mlm.emulator.patches.failures import FAILURE_ENV

__all__ = ["FAILURE_ENV", "apply", "configure"]

_applied = False


def configure(transition_seconds: float) -> None:
    """Set how long Creating/Updating/Deleting last (seconds, >= 0)."""
    clock.configure(transition_seconds)


def apply(transition_seconds: float, minute_seconds: float = 60.0) -> None:
    """Install every patch once per process (moto backends are process-global).

    Safe to call again: later calls only change the transition delay and the length of an
    emulated metric minute.
    """
    global _applied
    configure(transition_seconds)
    clock.configure_minute(minute_seconds)
    if _applied:
        return
    registry.install()
    tagging.install()
    hosting.install()
    endpoints.install()
    autoscaling.install()  # wraps the endpoints patch
    container_logs.install()
    data_capture.install()
    invocations.install()
    logs.install()
    metric_statistics.install()
    alarm_actions.install()
    sns.install()
    batch.install()
    cloudwatch.install()
    dynamodb.install()
    _applied = True
