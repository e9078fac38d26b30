"""Removing endpoint configs and SageMaker models that no endpoint needs any more.

Three situations: a multi-step change failed half-way (undo what it made), an update has
finished (the previous config and its models are garbage), and the endpoint is being
deleted (everything with its prefix goes). Every delete tolerates "already gone", so each
of these can run again after a crash.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import TypeVar

from mlm.aws.sagemaker_hosting import EndpointRecord, SageMakerHosting
from mlm.errors import ApiError

log = logging.getLogger("mlm.endpoints")
T = TypeVar("T")

# SageMaker statuses in which no change is in flight, so what the current config does not
# use is garbage (AWS forbids deleting a config an ongoing Create/Update relies on).
SETTLED = frozenset({"InService", "Failed"})


@dataclass
class Undo:
    """What one multi-step change created, to delete if a later step fails."""

    hosting: SageMakerHosting
    models: list[str] = field(default_factory=list)
    configs: list[str] = field(default_factory=list)

    def run(self, keep: set[str] | frozenset[str] = frozenset()) -> None:
        """Delete configs first (they reference the models); never raise."""
        for name in reversed(self.configs):
            if name not in keep:
                _quietly(self.hosting.delete_config, name)
        for name in reversed(self.models):
            if name not in keep:
                _quietly(self.hosting.delete_model, name)


def in_use(hosting: SageMakerHosting, record: EndpointRecord) -> set[str]:
    """Names of the configs the endpoint uses now (or is moving to) and of their models."""
    names: set[str] = set()
    for config_name in filter(None, (record.config_name, record.pending_config_name)):
        names.add(config_name)
        config = hosting.describe_config(config_name)
        if config is not None:
            names.update(v.model_name for v in config.variants)
    return names


def collect_garbage(hosting: SageMakerHosting, record: EndpointRecord, prefix: str) -> None:
    """Delete this endpoint's configs and models the settled endpoint no longer uses.

    Only what was created no later than the endpoint's last modification is removed: a
    config made by an update that has not reached UpdateEndpoint yet is newer than that,
    so a concurrent read cannot pull it away from under the update.
    """
    if record.status not in SETTLED:
        return
    if hosting.describe_config(record.config_name) is None:
        return  # what is in use cannot be known; keep everything
    keep = in_use(hosting, record)
    for config in hosting.list_configs(prefix):
        if config.name not in keep and _settled_before(config.created_at, record.updated_at):
            _quietly(hosting.delete_config, config.name)
    for model in hosting.list_models(prefix):
        if model.name not in keep and _settled_before(model.created_at, record.updated_at):
            _quietly(hosting.delete_model, model.name)


def delete_all(hosting: SageMakerHosting, prefix: str) -> None:
    """Delete every config and model of an endpoint that is gone or being deleted (each
    step tried twice: what still fails is raised, and left to the janitor)."""
    for config in _twice(lambda: hosting.list_configs(prefix)):
        _twice(partial(hosting.delete_config, config.name))
    for model in _twice(lambda: hosting.list_models(prefix)):
        _twice(partial(hosting.delete_model, model.name))


def _settled_before(created: datetime | None, modified: datetime) -> bool:
    return created is None or created <= modified


def _quietly(delete: Callable[[str], None], name: str) -> None:
    # Cleanup must not mask the error that triggered it; what is left is the janitor's.
    try:
        _twice(lambda: delete(name))
    except ApiError as error:
        log.warning("could not delete %s yet: %s", name, error)


def _twice(step: Callable[[], T]) -> T:
    """``step()``, once more if it fails: botocore's retries of one call can run out
    while a fresh call goes through, and a leftover otherwise waits for the janitor."""
    try:
        return step()
    except ApiError as error:
        log.info("retrying a cleanup step once: %s", error)
        return step()
