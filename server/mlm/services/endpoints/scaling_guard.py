"""Autoscaling set aside around an instance-type change, as AWS requires.

AWS refuses an UpdateEndpoint that changes the instance type of a variant that is an
Application Auto Scaling target (SageMaker developer guide, "Update endpoints that use
auto scaling": delete the scaling policies, deregister the target, update the endpoint,
then register it and put the policies back). The guard does that for MLM:

- ``suspend`` (under the endpoint's lease, just before UpdateEndpoint): what Application
  Auto Scaling holds for those variants is written into the endpoint's own tags first
  (``mlm:autoscaling-restore:*``, the registry's tag codec), then removed from it. The
  tags make the step crash-safe: any replica that later reads the endpoint can finish it.
- ``restore`` once the endpoint is InService again (the first settled read after the
  update, ``EndpointService._settled``): the targets, policies and scheduled actions are
  put back (upserts, so two replicas doing it at once converge), then the tags go.
- an update AWS refused is restored at once.

While the update runs the variant does not scale: AWS allows nothing else.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from mlm.aws.autoscaling import (
    ApplicationAutoScaling,
    ScalableTarget,
    ScheduledAction,
    TargetTracking,
    VariantScaling,
    resource_id,
)
from mlm.aws.sagemaker_hosting import EndpointRecord, SageMakerHosting
from mlm.errors import ApiError
from mlm.services.registry.codec import CorruptDocument, decode_doc, encode_doc

log = logging.getLogger("mlm.endpoints")

TAG_PREFIX = "mlm:autoscaling-restore"


def pending(tags: Mapping[str, str]) -> bool:
    """Whether the tags hold autoscaling set aside for an update."""
    return f"{TAG_PREFIX}:n" in tags


def set_aside(tags: Mapping[str, str]) -> list[VariantScaling]:
    """The autoscaling the tags hold for after an update (none if unreadable)."""
    if not pending(tags):
        return []
    try:
        return _scalings(decode_doc(tags, TAG_PREFIX))
    except (CorruptDocument, KeyError, TypeError, ValueError) as error:
        log.error("unreadable autoscaling set aside in tags: %s", error)
        return []


def forget(hosting: SageMakerHosting, record: EndpointRecord) -> None:
    """Drop what was set aside (a new autoscaling change replaces it)."""
    tags = hosting.tags(record.arn, fresh=True)
    hosting.delete_tags(record.arn, [k for k in tags if k.startswith(TAG_PREFIX)])


class ScalingGuard:
    def __init__(self, hosting: SageMakerHosting, autoscaling: ApplicationAutoScaling) -> None:
        self._hosting = hosting
        self._aas = autoscaling

    def suspend(self, record: EndpointRecord, variants: Sequence[str]) -> list[VariantScaling]:
        """Set aside the autoscaling of ``variants``; what was set aside (maybe nothing)."""
        # What an earlier, interrupted attempt set aside goes back first: reading Application
        # Auto Scaling half-emptied by it and writing that over the tags would lose it.
        self.restore(record)
        held = self._aas.read([resource_id(record.name, v) for v in variants])
        if not held:
            return []
        self._hosting.add_tags(record.arn, encode_doc(_document(held), TAG_PREFIX))
        try:
            for scaling in held:
                self._aas.remove(scaling)
        except ApiError:
            self._put_back_quietly(record, held)
            raise
        log.info("endpoint %s: autoscaling of %s set aside for the update", record.name, variants)
        return held

    def _put_back_quietly(self, record: EndpointRecord, held: Sequence[VariantScaling]) -> None:
        try:
            self.restore(record, held)
        except ApiError as error:  # the tags keep it: the next settled read restores it
            log.warning("endpoint %s: autoscaling not put back yet: %s", record.name, error)

    def restore(self, record: EndpointRecord, held: Sequence[VariantScaling] | None = None) -> None:
        """Put back what ``suspend`` set aside (read from the tags unless given)."""
        tags = self._hosting.tags(record.arn, fresh=True)
        if held is None:
            if not pending(tags):
                return
            held = set_aside(tags)
        for scaling in held:
            self._aas.apply(scaling)
        self._hosting.delete_tags(record.arn, [k for k in tags if k.startswith(TAG_PREFIX)])
        log.info("endpoint %s: autoscaling restored after the update", record.name)


def _document(held: Sequence[VariantScaling]) -> dict[str, Any]:
    return {
        "variants": [
            {
                "target": [s.target.resource_id, s.target.min_capacity, s.target.max_capacity],
                "policies": [
                    {
                        "name": p.policy_name,
                        "value": p.target_value,
                        "predefined": p.predefined_metric,
                        "custom": p.custom_metric,
                        "in": p.scale_in_cooldown,
                        "out": p.scale_out_cooldown,
                        "no_in": p.disable_scale_in,
                    }
                    for p in s.policies
                ],
                "scheduled": [
                    [a.name, a.schedule, a.min_capacity, a.max_capacity, a.timezone]
                    for a in s.scheduled
                ],
            }
            for s in held
        ]
    }


def _scalings(doc: Mapping[str, Any]) -> list[VariantScaling]:
    found: list[VariantScaling] = []
    for v in doc["variants"]:
        resource, low, high = v["target"]
        found.append(
            VariantScaling(
                target=ScalableTarget(str(resource), int(low), int(high)),
                policies=[
                    TargetTracking(
                        policy_name=str(p["name"]),
                        resource_id=str(resource),
                        target_value=float(p["value"]),
                        predefined_metric=p["predefined"],
                        custom_metric=p["custom"],
                        scale_in_cooldown=int(p["in"]),
                        scale_out_cooldown=int(p["out"]),
                        disable_scale_in=bool(p["no_in"]),
                    )
                    for p in v["policies"]
                ],
                scheduled=[
                    ScheduledAction(str(n), str(resource), str(s), low_, high_, tz)
                    for n, s, low_, high_, tz in v["scheduled"]
                ],
            )
        )
    return found
