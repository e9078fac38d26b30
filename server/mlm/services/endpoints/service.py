"""SageMaker real-time endpoints: create, read, scale, blue/green update, delete.

An endpoint is three kinds of AWS resources: one SageMaker model per variant, an
endpoint config naming them, and the endpoint. Names are deterministic
(``endpoint_names``), every resource carries the managed tags, a failed multi-step
change removes what it made, and configs/models an update left behind are collected
lazily whenever the endpoint is read in a settled state (``endpoint_cleanup``).

DeleteEndpoint is attempted in every state except SystemUpdating; AWS refuses it while
the endpoint is Creating or Updating too, and the client then gets 409
ENDPOINT_NOT_READY with Retry-After.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from mlm import naming
from mlm.aws.autoscaling import VariantScaling
from mlm.aws.immutable_cache import ImmutableCache
from mlm.aws.sagemaker_hosting import (
    Batch,
    CapacityChange,
    ConfigRecord,
    DataCapture,
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
from mlm.services.after_commit import read_back
from mlm.services.endpoints import cleanup, data_capture, names, scaling_guard
from mlm.services.endpoints.data_capture import DataCaptureSpec
from mlm.services.endpoints.requests import (
    BatchSize,
    Deployment,
    InstanceTypeCheck,
    NewEndpoint,
    RollbackGuards,
    VariantChange,
    check_changes,
    check_new,
    check_rolling_fleet,
)
from mlm.services.endpoints.scaling_guard import ScalingGuard
from mlm.services.endpoints.views import (
    Deployable,
    Endpoint,
    EndpointReader,
    Variant,
    VersionLookup,
    snake,
)
from mlm.services.fan_out import parallel
from mlm.services.locking import Held, ResourceLocks

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
_ROUTING = {
    "all_at_once": "ALL_AT_ONCE",
    "canary": "CANARY",
    "linear": "LINEAR",
    "rolling": "ROLLING",
}


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
        locks: ResourceLocks,
        on_change: Callable[[str, str], object] | None = None,
        capture_base_uri: str | None = None,
        scaling: ScalingGuard | None = None,
        guards: RollbackGuards | None = None,
    ) -> None:
        """``on_change(tenant, name)`` runs after every committed change (the fleet index
        learns of MLM's own writes at once); its failure never fails the change.
        ``capture_base_uri``: where data capture goes (``<it>/<tenant>/…``).
        ``scaling`` sets autoscaling aside around instance-type changes (AWS requires it);
        ``guards`` puts the alarms an update with auto-rollback watches."""
        self._scaling = scaling
        self._guards = guards
        self._on_change = on_change
        self._locks = locks
        self._capture_base = capture_base_uri
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

    def create(self, tenant: str, request: NewEndpoint, request_key: str | None = None) -> Endpoint:
        """``request_key`` (the Idempotency-Key) makes a retry derive the same part names,
        so it finds and finishes what an earlier attempt made instead of duplicating it."""
        check_new(request, self._catalog)
        physical = names.endpoint_name(tenant, request.name)
        with self._locks.hold(tenant, "endpoint", request.name) as held:
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
            nonce = names.request_nonce(tenant, request_key)
            capture = self._capture(tenant, request.data_capture)
            digest = names.desired_digest(
                _with_capture(
                    targets_fingerprint(targets, request.enhanced_metrics, nonce), capture
                )
            )
            config_name = names.config_name(tenant, request.name, digest)
            existing = self._hosting.describe_endpoint(physical)
            if existing is not None:
                if config_name not in (existing.config_name, existing.pending_config_name):
                    raise _already_exists(request.name)
                log.info("endpoint %s: create answered again (same request)", physical)
            else:
                tags = names.tags(tenant, request.name, request.tags)
                undo = cleanup.Undo(self._hosting)
                try:
                    self._build_config(
                        tenant,
                        request.name,
                        targets,
                        request.enhanced_metrics,
                        tags,
                        undo,
                        digest,
                        capture,
                    )
                    held.confirm()
                    self._hosting.create_endpoint(physical, config_name, tags)  # commit point
                except Exception:
                    seen = self._reread(physical)
                    if not (isinstance(seen, EndpointRecord) and seen.config_name == config_name):
                        self._undo(undo, seen)
                        raise
                    # AWS created it; only the reply was lost (or a later read failed).
                log.info("endpoint %s creating (config %s)", physical, config_name)
        return self._view_after_change(tenant, request.name, lambda: _known_view(request, targets))

    def update(
        self,
        tenant: str,
        name: str,
        changes: Sequence[VariantChange],
        deployment: Deployment | None = None,
        precondition: Callable[[Endpoint], None] | None = None,
        data_capture: DataCaptureSpec | None = None,
    ) -> Endpoint:
        """``precondition`` sees the current endpoint first (If-Match), under the lease, so
        compare-and-set is atomic across replicas. A ``data_capture`` change needs a new
        endpoint config, so it is a blue/green update (variants unchanged unless named)."""
        with self._locks.hold(tenant, "endpoint", name) as held:
            record = self._describe(tenant, name)
            before = EndpointReader(self._hosting, tenant).view(name, record)
            if precondition is not None:
                precondition(before)
            if record.status != "InService":
                raise _not_ready(name, record.status, "changed")
            record = self._settled(tenant, name, record, held)
            config = self._current_config(record)
            capture = self._capture(tenant, data_capture)
            if capture is None or changes:
                check_changes(changes, [v.name for v in config.variants], deployment, self._catalog)
            targets = self._targets(tenant, record, config, changes)
            if all(t.weight <= 0 for t in targets):
                raise Unprocessable(
                    code="INVALID_ENDPOINT_UPDATE",
                    detail="At least one variant needs a weight above 0.",
                )
            blue_green = capture is not None or any(
                t.model_name is None or t.instance_type != cv.instance_type
                for t, cv in zip(targets, config.variants, strict=True)
            )
            if blue_green:
                check_rolling_fleet(deployment, {t.name: t.instance_count for t in targets})
                self._blue_green(tenant, name, record, config, targets, deployment, held, capture)
            else:
                # A model version or instance type that already runs needs no deployment (a
                # retry of a change that was made): only a pure scale with one is refused.
                if deployment is not None and not any(
                    c.instance_type is not None or c.model_version is not None for c in changes
                ):
                    raise Unprocessable(
                        code="DEPLOYMENT_NOT_APPLICABLE",
                        detail="A deployment strategy applies only to instance type or model "
                        "version changes; instance counts and weights change in place.",
                    )
                self._scale(tenant, name, record, targets, held)
        return self._view_after_change(tenant, name, lambda: replace(before, status="updating"))

    def delete(
        self, tenant: str, name: str, precondition: Callable[[Endpoint], None] | None = None
    ) -> Endpoint:
        """``precondition`` sees the current endpoint first (If-Match), under the lease."""
        physical = names.endpoint_name(tenant, name)
        prefix = names.parts_prefix(tenant, name)
        if not naming.is_api_name(name):
            raise _not_found(name)
        with self._locks.hold(tenant, "endpoint", name) as held:
            record = self._hosting.describe_endpoint(physical)
            if record is None:
                # A retry after a crash may have left configs or models: finish the job.
                self._delete_parts(prefix)
                raise _not_found(name)
            before = EndpointReader(self._hosting, tenant).view(name, record)
            if precondition is not None:
                precondition(before)
            if record.status == "SystemUpdating":
                raise _not_ready(name, record.status, "deleted")
            if record.status != "Deleting":
                try:
                    held.confirm()
                    self._hosting.delete_endpoint(physical)  # commit point
                except ApiError as error:
                    # A repeat of a delete whose reply was lost finds it deleting or gone.
                    seen = self._reread(physical)
                    if not (seen is None or getattr(seen, "status", "") == "Deleting"):
                        if isinstance(error, Conflict | BadRequest) and seen is not UNKNOWN:
                            raise _not_ready(name, record.status, "deleted") from error
                        raise
            # AWS allows deleting the config and models once DeleteEndpoint was accepted.
            self._delete_parts(prefix)
        log.info("endpoint %s deleting", physical)
        self._notify(tenant, name)
        return replace(before, status="deleting", updated_at=self._updated_at(physical, before))

    def _notify(self, tenant: str, name: str) -> None:
        if self._on_change is None:
            return
        try:
            self._on_change(tenant, name)
        except Exception as error:  # the index is a cache: events and the reconciler catch up
            log.warning("endpoint %s: the fleet index missed this change: %s", name, error)

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

    def _settled(
        self, tenant: str, name: str, record: EndpointRecord, held: Held | None = None
    ) -> EndpointRecord:
        """Collect what a finished update left behind and put back the autoscaling it set
        aside (idempotent; settled states only). ``held``: the caller's endpoint lease."""
        state = f"{record.arn}@{record.updated_at.isoformat()}@{record.status}"
        if self._collected.get(state):
            return record
        cleanup.collect_garbage(self._hosting, record, names.parts_prefix(tenant, name))
        if record.status in cleanup.SETTLED and self._scaling_restored(tenant, name, record, held):
            self._collected.put(state, True)
        return record

    def _scaling_restored(
        self, tenant: str, name: str, record: EndpointRecord, held: Held | None
    ) -> bool:
        """Whether no autoscaling is left to put back (after restoring it, if due)."""
        if self._scaling is None or record.status != "InService" or record.pending_config_name:
            return True
        # The view reads these tags anyway (cached), so the check costs no extra call.
        if not scaling_guard.pending(self._hosting.tags(record.arn)):
            return True
        try:
            if held is not None:
                self._scaling.restore(record)
            else:
                with self._locks.hold(tenant, "endpoint", name) as mine:
                    mine.confirm()
                    self._scaling.restore(record)
        except ApiError as error:  # a change in progress, or AWS failed: the next read
            log.info("endpoint %s: autoscaling not restored yet: %s", name, error)
            return False
        return True

    def _read_quietly(self, reader: EndpointReader, tenant: str, name: str) -> Endpoint | None:
        """An endpoint for a listing; None when it vanished since it was listed."""
        record = self._hosting.describe_endpoint(names.endpoint_name(tenant, name))
        if record is None:
            return None
        return reader.view(name, self._settled(tenant, name, record))

    def _view_after_change(self, tenant: str, name: str, known: Callable[[], Endpoint]) -> Endpoint:
        """The endpoint after a committed change (``after_commit``)."""
        view = read_back(
            lambda: EndpointReader(self._hosting, tenant).view(name, self._describe(tenant, name)),
            known,
            f"endpoint {name}",
        )
        self._notify(tenant, name)
        return view

    def _reread(self, physical: str) -> EndpointRecord | _Unknown | None:
        """After a commit-point call failed: what AWS holds now, to learn whether it did
        the work anyway (a lost reply). ``UNKNOWN`` when even this read fails: then
        nothing is undone (deleting blind could remove what the endpoint serves); a retry
        with the same Idempotency-Key, or the janitor, settles it."""
        try:
            return self._hosting.describe_endpoint(physical)
        except ApiError as error:
            log.warning("could not read %s after a failed change: %s", physical, error)
            return UNKNOWN

    def _delete_parts(self, prefix: str) -> None:
        """Delete an endpoint's configs and models; what fails is the janitor's."""
        try:
            cleanup.delete_all(self._hosting, prefix)
        except ApiError as error:
            log.warning("could not remove the parts %s* yet (the janitor will): %s", prefix, error)

    def _updated_at(self, physical: str, before: Endpoint) -> datetime:
        try:
            after = self._hosting.describe_endpoint(physical)
        except ApiError:
            return before.updated_at
        return after.updated_at if after else before.updated_at

    def _undo(self, undo: cleanup.Undo, seen: EndpointRecord | _Unknown | None) -> None:
        """Remove what a failed change made, except what the endpoint (if any) uses."""
        if isinstance(seen, _Unknown):
            return
        try:
            keep = cleanup.in_use(self._hosting, seen) if seen else set()
        except ApiError as error:
            log.warning("could not read what %s uses to undo a failed change: %s", seen, error)
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
        held: Held,
    ) -> None:
        """Counts and weights change in place (UpdateEndpointWeightsAndCapacities)."""
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
        if not capacity:  # asking for what already runs changes nothing
            return
        physical = names.endpoint_name(tenant, name)
        try:
            held.confirm()
            self._hosting.update_capacities(physical, capacity)  # commit point
        except Exception:
            seen = self._reread(physical)
            if not (isinstance(seen, EndpointRecord) and _asks_for(seen, capacity)):
                raise
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
        tags: dict[str, str],
        undo: cleanup.Undo,
        digest: str,
        capture: DataCapture | None = None,
    ) -> str:
        """Ensure the models and the config for ``targets``, named by ``digest``. Their
        names are this request's alone, so each goes on the undo list before it is
        created: a create whose reply was lost is undone too."""
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
        self._hosting.ensure_config(config_name, variants, enhanced_metrics, tags, capture)
        return config_name

    def _capture(self, tenant: str, spec: DataCaptureSpec | None) -> DataCapture | None:
        if spec is None:
            return None
        return data_capture.to_aws(spec, data_capture.destination(self._capture_base, tenant))

    def _blue_green(
        self,
        tenant: str,
        name: str,
        record: EndpointRecord,
        config: ConfigRecord,
        targets: list[_Target],
        deployment: Deployment | None,
        held: Held,
        capture: DataCapture | None = None,
    ) -> None:
        # The config's data capture carries over unless this change sets a new one.
        capture = capture or config.data_capture
        # Unchanged variants keep their model; their package ARN only feeds the hash.
        filled: list[_Target] = []
        for target in targets:
            if target.model_name is not None:
                model = self._hosting.describe_model(target.model_name)
                arn = model.model_package_arn if model and model.model_package_arn else ""
                target = replace(target, package_arn=arn or target.model_name)
            filled.append(target)
        user_tags = naming.user_tag_map(self._hosting.tags(record.arn))
        tags = names.tags(tenant, name, user_tags)
        undo = cleanup.Undo(self._hosting)
        physical = names.endpoint_name(tenant, name)
        # A PATCH has no Idempotency-Key: each one gets parts of its own, so no two
        # requests ever share (and so never delete) each other's config or models.
        nonce = names.request_nonce(tenant, None)
        digest = names.desired_digest(
            _with_capture(targets_fingerprint(filled, config.enhanced_metrics, nonce), capture)
        )
        config_name = names.config_name(tenant, name, digest)
        retyped = [
            t.name
            for t, cv in zip(filled, config.variants, strict=True)
            if t.instance_type != cv.instance_type
        ]
        watched = self._guarded(tenant, name, filled, deployment)  # a refusal makes nothing
        set_aside: list[VariantScaling] = []
        try:
            self._build_config(
                tenant, name, filled, config.enhanced_metrics, tags, undo, digest, capture
            )
            held.confirm()
            if retyped and self._scaling is not None:
                set_aside = self._scaling.suspend(record, retyped)
            routing = _routing(deployment, watched)
            self._hosting.update_endpoint(physical, config_name, routing)  # commit
        except Exception:
            seen = self._reread(physical)
            ours = isinstance(seen, EndpointRecord) and config_name in (
                seen.config_name,
                seen.pending_config_name,
            )
            if not ours:
                self._undo(undo, seen)
                self._put_back(record, set_aside)
                raise
        log.info("endpoint %s updating to config %s", physical, config_name)

    def _guarded(
        self, tenant: str, name: str, targets: Sequence[_Target], deployment: Deployment | None
    ) -> tuple[str, ...]:
        """The alarms the update's auto-rollback watches (put now, before anything else)."""
        guard = None if deployment is None else deployment.auto_rollback
        if guard is None:
            return ()
        if self._guards is None:
            raise Unprocessable(
                code="AUTO_ROLLBACK_UNAVAILABLE",
                detail="This server was built without rollout alarms; omit auto_rollback.",
            )
        variants = [(t.name, t.instance_type) for t in targets]
        return self._guards.prepare(tenant, name, variants, guard)

    def _put_back(self, record: EndpointRecord, set_aside: Sequence[VariantScaling]) -> None:
        """After a refused update: the autoscaling it set aside, back at once (if that
        fails too, the tags keep it and the next settled read restores it)."""
        if not set_aside or self._scaling is None:
            return
        try:
            self._scaling.restore(record, set_aside)
        except ApiError as error:
            log.warning("endpoint %s: autoscaling not put back yet: %s", record.name, error)


class _Unknown:
    """What AWS holds could not be read."""


UNKNOWN = _Unknown()


def targets_fingerprint(
    targets: Sequence[_Target], enhanced_metrics: bool, nonce: str
) -> dict[str, object]:
    """What names a change's parts: the desired variants and the request's nonce."""
    return {
        "variants": [t.fingerprint() for t in targets],
        "enhanced": enhanced_metrics,
        "request": nonce,
    }


def _with_capture(fingerprint: dict[str, object], capture: DataCapture | None) -> dict[str, object]:
    # Without capture the fingerprint (and so every part name) is what it always was.
    return fingerprint if capture is None else fingerprint | {"data_capture": repr(capture)}


def _asks_for(record: EndpointRecord, capacity: Sequence[CapacityChange]) -> bool:
    """Whether the endpoint already asks for these counts and weights (this change)."""
    live = {v.name: v for v in record.variants}
    for change in capacity:
        variant = live.get(change.variant)
        if variant is None:
            return False
        if change.instance_count is not None and (
            variant.desired_instance_count != change.instance_count
        ):
            return False
        if change.weight is not None and variant.desired_weight != change.weight:
            return False
    return True


def _known_view(request: NewEndpoint, targets: Sequence[_Target]) -> Endpoint:
    """A new endpoint as its create makes it known (AWS: Creating, nothing running yet)."""
    now = datetime.now(UTC)
    return Endpoint(
        name=request.name,
        status="creating",
        failure_reason=None,
        variants=[
            Variant(
                name=spec.name,
                model_name=spec.model_name,
                model_version=spec.model_version,
                instance_type=target.instance_type,
                current_instance_count=None,
                desired_instance_count=target.instance_count,
                current_weight=None,
                desired_weight=target.weight,
                status="creating",
            )
            for spec, target in zip(request.variants, targets, strict=True)
        ],
        enhanced_metrics=request.enhanced_metrics,
        tags=dict(request.tags),
        created_at=now,
        updated_at=now,
    )


def _routing(deployment: Deployment | None, watched: tuple[str, ...]) -> TrafficRouting | None:
    if deployment is None:
        return None  # AWS's default blue/green: all traffic at once
    return TrafficRouting(
        kind=_ROUTING[deployment.strategy],
        wait_seconds=deployment.wait_seconds,
        step_percent=None
        if deployment.strategy in ("all_at_once", "rolling")
        else deployment.traffic_percent,
        termination_wait_seconds=deployment.termination_wait_seconds,
        rollback_alarms=watched,
        maximum_execution_seconds=deployment.maximum_execution_seconds,
        batch=_batch(deployment.batch_size),
        rollback_batch=_batch(deployment.rollback_batch_size),
    )


def _batch(size: BatchSize | None) -> Batch | None:
    if size is None:
        return None
    return Batch("INSTANCE_COUNT" if size.unit == "instances" else "CAPACITY_PERCENT", size.value)


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
    return Conflict(
        code="ENDPOINT_NOT_READY",
        detail=f"Endpoint '{name}' is {status}; {advice}",
        headers={} if status == "failed" else {"Retry-After": "5"},
    )
