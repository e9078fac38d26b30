"""The fault matrix: every mutating operation, each AWS call it makes, faults at each.

For each operation a clean run through the proxy records its AWS calls as positions
(``sagemaker:CreateModel#1``: the first CreateModel); a case injects one fault at one
position and then checks, in order:

1. the answer came within the deadline (no hang);
2. it is a success, or a problem+json with a 5xx; a 409 only where the API documents it
   for exactly this (``IDEMPOTENCY_KEY_IN_PROGRESS`` on a create with an Idempotency-Key);
3. once AWS has settled, the tenant has no orphans (nothing that no endpoint or model
   uses) and nothing in use names a missing resource;
4. the same request again (same Idempotency-Key for creates) answers as a retry should,
   and the tenant converges on exactly one resource in the requested state, with no
   orphans and nothing missing.

Endpoint changes run while transitions are held (SageMaker is Creating/Updating for the
whole request, as it is for minutes on AWS, so botocore's retries of a lost reply meet an
endpoint in the middle of the change) and settle with transitions released. Packaging
holds transitions throughout, so Batch jobs stay queued and no packager process starts.
"""

from __future__ import annotations

import os
import re
import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from mlm import naming
from mlm.emulator.patches import clock
from mlm.services.endpoints import names as endpoint_names
from tests.reliability.harness import (
    READ_TIMEOUT_SECONDS,
    Answer,
    Environment,
    Inventory,
    Replica,
    environment,
    hold_transitions,
    new_keys,
    poll,
    release_transitions,
    stop_jobs,
)
from tests.reliability.proxy import FAULTS, Fault

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"
MODEL = "m"
ENDPOINT = "e"
MODEL_BODY = {"name": MODEL, "metadata": {"license": "mit"}}
VERSION_BODY = {"container": {"image": IMAGE}}
ONE_VARIANT = {
    "name": ENDPOINT,
    "variants": [{"model_name": MODEL, "model_version": 1, "instance_type": "ml.g5.2xlarge"}],
}
TWO_VARIANTS = {
    "name": ENDPOINT,
    "variants": [
        {
            "name": "a",
            "model_name": MODEL,
            "model_version": 1,
            "instance_type": "ml.g5.2xlarge",
            "initial_weight": 1.0,
        },
        {
            "name": "b",
            "model_name": MODEL,
            "model_version": 2,
            "instance_type": "ml.g5.xlarge",
            "initial_weight": 1.0,
        },
    ],
}
RETRY_BUDGET_SECONDS = 4.0
CLEAN_RUN_READ_TIMEOUT_SECONDS = 15.0
SETTLE_SECONDS = 5.0

Kind = Literal["create", "change", "delete", "cancel"]
Context = dict[str, Any]


# --- operations -----------------------------------------------------------------------


@dataclass(frozen=True)
class Operation:
    name: str
    kind: Kind
    method: str
    path: Callable[[Context], str]
    body: Callable[[Context], Any]
    prepare: Callable[[Replica, Environment, Context], None]
    settle: Callable[[Replica, Context], None]
    # What is wrong with the tenant's state after the retry (empty: converged).
    check: Callable[[Inventory, Replica, Context], list[str]]
    hold_throughout: bool = False
    # Faults only at these actions (empty: at every call): for a variant of an operation
    # the matrix covers already, the calls that variant adds.
    focus: tuple[str, ...] = ()


def _model(replica: Replica, versions: int = 0) -> None:
    replica.ok("POST", "/models", MODEL_BODY)
    for _ in range(versions):
        replica.ok("POST", f"/models/{MODEL}/versions", VERSION_BODY)


def _endpoint_in_service(replica: Replica, body: dict[str, Any], versions: int) -> None:
    _model(replica, versions)
    replica.ok("POST", "/endpoints", body)
    answer = _read_settled(replica)
    assert answer.status == 200, f"setup: GET the endpoint: {answer}"
    assert answer.body["status"] == "in_service", f"setup: the endpoint is {answer.body}"


def _read_settled(replica: Replica) -> Answer:
    """Read the endpoint until it is settled or gone. A read of a settled endpoint also
    removes what a finished update left behind (the service collects it then)."""
    answer: Answer = poll(
        lambda: replica.call("GET", f"/endpoints/{ENDPOINT}"),
        lambda a: a.status != 200 or a.body["status"] in {"in_service", "failed"},
        SETTLE_SECONDS,
    )
    return answer


def _settle_endpoint(replica: Replica, ctx: Context) -> None:
    _read_settled(replica)


def _nothing(replica: Replica, ctx: Context) -> None:
    return


def _group(ctx: Context) -> str:
    return naming.physical_name(ctx["tenant"], MODEL)


def _model_created(inv: Inventory, replica: Replica, ctx: Context) -> list[str]:
    problems = []
    if list(inv.groups) != [_group(ctx)]:
        problems.append(f"model package groups {sorted(inv.groups)}, want one")
    if (answer := replica.call("GET", f"/models/{MODEL}")).status != 200:
        problems.append(f"GET the model: {answer}")
    return problems


def _model_gone(inv: Inventory, replica: Replica, ctx: Context) -> list[str]:
    problems = [f"model package group {name} left" for name in inv.groups]
    if (answer := replica.call("GET", f"/models/{MODEL}")).status != 404:
        problems.append(f"GET the model: {answer}, want 404")
    return problems


def _versions(count: int) -> Callable[[Inventory, Replica, Context], list[str]]:
    def check(inv: Inventory, replica: Replica, ctx: Context) -> list[str]:
        problems = []
        packages = inv.packages.get(_group(ctx), [])
        if len(packages) != count:
            problems.append(f"{len(packages)} model packages, want {count}")
        listed = replica.call("GET", f"/models/{MODEL}/versions")
        if listed.status != 200 or len(listed.body["items"]) != count:
            problems.append(f"GET the versions: {listed} {_items(listed)}, want {count} version(s)")
        return problems

    return check


def _items(answer: Answer) -> Any:
    """The version numbers a list answered (or its body, when it is not a list)."""
    if isinstance(answer.body, dict) and isinstance(answer.body.get("items"), list):
        return [item.get("version") for item in answer.body["items"]]
    return answer.body


def _endpoint(
    variants: int, want: Callable[[dict[str, Any]], str | None] = lambda view: None
) -> Callable[[Inventory, Replica, Context], list[str]]:
    """Exactly one endpoint, in service, with ``variants`` variants, one config and one
    model per variant (nothing extra), in the requested state (``want`` says what is off)."""

    def check(inv: Inventory, replica: Replica, ctx: Context) -> list[str]:
        tenant = ctx["tenant"]
        physical = endpoint_names.endpoint_name(tenant, ENDPOINT)
        problems = []
        if list(inv.endpoints) != [physical]:
            problems.append(f"endpoints {sorted(inv.endpoints)}, want one")
        configs, models = inv.endpoint_parts(tenant, ENDPOINT)
        if len(configs) != 1 or len(models) != variants:
            problems.append(
                f"{len(configs)} configs and {len(models)} models, want 1 and {variants}"
            )
        answer = replica.call("GET", f"/endpoints/{ENDPOINT}")
        if answer.status != 200:
            return [*problems, f"GET the endpoint: {answer}"]
        view = answer.body
        if view["status"] != "in_service":
            problems.append(f"endpoint is {view['status']} ({view.get('failure_reason')})")
        if len(view["variants"]) != variants:
            problems.append(f"{len(view['variants'])} variants, want {variants}")
        off = want(view)
        if off:
            problems.append(off)
        return problems

    return check


def _primary(field_name: str, value: Any) -> Callable[[dict[str, Any]], str | None]:
    def want(view: dict[str, Any]) -> str | None:
        variant = view["variants"][0]
        if variant[field_name] != value:
            return f"variant {field_name} is {variant[field_name]}, want {value}"
        return None

    return want


def _endpoint_gone(inv: Inventory, replica: Replica, ctx: Context) -> list[str]:
    configs, models = inv.endpoint_parts(ctx["tenant"], ENDPOINT)
    problems = [f"endpoint {name} left" for name in inv.endpoints]
    problems += [f"{name} left" for name in configs + models]
    if (answer := replica.call("GET", f"/endpoints/{ENDPOINT}")).status != 404:
        problems.append(f"GET the endpoint: {answer}, want 404")
    return problems


def _packaging_body(ctx: Context) -> dict[str, Any]:
    uri = f"s3://{ctx['bucket']}/{ctx['tenant']}/nothing-here/"
    return {
        "source": {"platform": "s3", "s3_uri": uri},
        "target": {"model_name": MODEL, "register_version": False},
    }


def _one_job(inv: Inventory, replica: Replica, ctx: Context) -> list[str]:
    names = sorted(job["jobName"] for job in inv.jobs)
    return [] if len(names) == 1 else [f"{len(names)} Batch jobs {names}, want one"]


def _job_cancelled(inv: Inventory, replica: Replica, ctx: Context) -> list[str]:
    problems = _one_job(inv, replica, ctx)
    answer = replica.call("GET", f"/packaging-jobs/{ctx['job_id']}")
    status = answer.body.get("status") if isinstance(answer.body, dict) else None
    if status != "cancelled":
        problems.append(f"GET the job: {answer} status {status}, want cancelled")
    return problems


def _submitted_job(replica: Replica, env: Environment, ctx: Context) -> None:
    _model(replica)
    ctx["job_id"] = replica.ok("POST", "/packaging-jobs", _packaging_body(ctx))["job_id"]


def _update(change: dict[str, Any]) -> Callable[[Context], Any]:
    return lambda ctx: {"variants": [{"name": "primary", **change}]}


def _live(body: dict[str, Any], versions: int) -> Callable[[Replica, Environment, Context], None]:
    return lambda replica, env, ctx: _endpoint_in_service(replica, body, versions)


# A blue/green update that bakes for one AWS minute under MLM's default 5xx-rate alarm.
GUARDED = {"strategy": "all_at_once", "wait_seconds": 60, "auto_rollback": {}}


def _settle_after_baking(replica: Replica, ctx: Context) -> None:
    """Let the bake pass (the emulator's clock moves; nothing failed, so no alarm trips)."""
    clock.travel(60)
    _read_settled(replica)


SCALING = {
    "variants": [{"variant": "primary", "min_instances": 1, "max_instances": 3, "target_value": 50}]
}


def _scaled(inv: Inventory, replica: Replica, ctx: Context) -> str | None:
    """What is off in the endpoint's autoscaling (want: SCALING, active)."""
    answer = replica.call("GET", f"/endpoints/{ENDPOINT}/autoscaling")
    if answer.status != 200:
        return f"GET the autoscaling: {answer}"
    shown = [
        (v["variant"], v["state"], v["max_instances"], v.get("target_value"))
        for v in answer.body["variants"]
    ]
    if shown != [("primary", "active", 3, 50.0)]:
        return f"autoscaling {shown}, want primary active up to 3 at 50"
    return None


def _autoscaling(inv: Inventory, replica: Replica, ctx: Context) -> list[str]:
    off = _scaled(inv, replica, ctx)
    return _endpoint(1)(inv, replica, ctx) + ([off] if off else [])


def _no_autoscaling(inv: Inventory, replica: Replica, ctx: Context) -> list[str]:
    problems = _endpoint(1)(inv, replica, ctx)
    answer = replica.call("GET", f"/endpoints/{ENDPOINT}/autoscaling")
    if answer.status != 200 or answer.body["variants"]:
        problems.append(f"GET the autoscaling: {answer}, want none")
    return problems


def _retyped_and_scaled(inv: Inventory, replica: Replica, ctx: Context) -> list[str]:
    problems = _endpoint(1, _primary("instance_type", "ml.g6e.xlarge"))(inv, replica, ctx)
    off = _scaled(inv, replica, ctx)
    return problems + ([off] if off else [])


def _live_and_scaled(replica: Replica, env: Environment, ctx: Context) -> None:
    _endpoint_in_service(replica, ONE_VARIANT, versions=1)
    replica.ok("PUT", f"/endpoints/{ENDPOINT}/autoscaling", SCALING)


OPERATIONS: dict[str, Operation] = {
    op.name: op
    for op in [
        Operation(
            name="create_model",
            kind="create",
            method="POST",
            path=lambda ctx: "/models",
            body=lambda ctx: MODEL_BODY,
            prepare=lambda replica, env, ctx: None,
            settle=_nothing,
            check=_model_created,
        ),
        Operation(
            name="delete_model",
            kind="delete",
            method="DELETE",
            path=lambda ctx: f"/models/{MODEL}?force=true",
            body=lambda ctx: None,
            prepare=lambda replica, env, ctx: _model(replica, versions=1),
            settle=_nothing,
            check=_model_gone,
        ),
        Operation(
            name="create_version",
            kind="create",
            method="POST",
            path=lambda ctx: f"/models/{MODEL}/versions",
            body=lambda ctx: VERSION_BODY,
            prepare=lambda replica, env, ctx: _model(replica),
            settle=_nothing,
            check=_versions(1),
        ),
        Operation(
            name="delete_version",
            kind="delete",
            method="DELETE",
            path=lambda ctx: f"/models/{MODEL}/versions/1",
            body=lambda ctx: None,
            prepare=lambda replica, env, ctx: _model(replica, versions=1),
            settle=_nothing,
            check=_versions(0),
        ),
        Operation(
            name="create_endpoint",
            kind="create",
            method="POST",
            path=lambda ctx: "/endpoints",
            body=lambda ctx: ONE_VARIANT,
            prepare=lambda replica, env, ctx: _model(replica, versions=1),
            settle=_settle_endpoint,
            check=_endpoint(1),
        ),
        Operation(
            name="create_endpoint_two_variants",
            kind="create",
            method="POST",
            path=lambda ctx: "/endpoints",
            body=lambda ctx: TWO_VARIANTS,
            prepare=lambda replica, env, ctx: _model(replica, versions=2),
            settle=_settle_endpoint,
            check=_endpoint(2),
        ),
        Operation(
            name="scale_endpoint",
            kind="change",
            method="PATCH",
            path=lambda ctx: f"/endpoints/{ENDPOINT}",
            body=_update({"instance_count": 2}),
            prepare=_live(ONE_VARIANT, versions=1),
            settle=_settle_endpoint,
            check=_endpoint(1, _primary("current_instance_count", 2)),
        ),
        Operation(
            name="reweight_endpoint",
            kind="change",
            method="PATCH",
            path=lambda ctx: f"/endpoints/{ENDPOINT}",
            body=_update({"weight": 3.0}),
            prepare=_live(ONE_VARIANT, versions=1),
            settle=_settle_endpoint,
            check=_endpoint(1, _primary("current_weight", 3.0)),
        ),
        Operation(
            name="change_instance_type",
            kind="change",
            method="PATCH",
            path=lambda ctx: f"/endpoints/{ENDPOINT}",
            body=_update({"instance_type": "ml.g6e.xlarge"}),
            prepare=_live(ONE_VARIANT, versions=1),
            settle=_settle_endpoint,
            check=_endpoint(1, _primary("instance_type", "ml.g6e.xlarge")),
        ),
        Operation(
            name="change_model_version",
            kind="change",
            method="PATCH",
            path=lambda ctx: f"/endpoints/{ENDPOINT}",
            body=_update({"model_version": 2}),
            prepare=_live(ONE_VARIANT, versions=2),
            settle=_settle_endpoint,
            check=_endpoint(1, _primary("model_version", 2)),
        ),
        Operation(
            name="change_model_version_guarded",
            kind="change",
            method="PATCH",
            path=lambda ctx: f"/endpoints/{ENDPOINT}",
            body=lambda ctx: _update({"model_version": 2})(ctx) | {"deployment": GUARDED},
            prepare=_live(ONE_VARIANT, versions=2),
            settle=_settle_after_baking,
            check=_endpoint(1, _primary("model_version", 2)),
            # change_model_version has the rest; the guard adds its alarms to the commit.
            focus=("cloudwatch:", "sagemaker:UpdateEndpoint"),
        ),
        Operation(
            name="delete_endpoint",
            kind="delete",
            method="DELETE",
            path=lambda ctx: f"/endpoints/{ENDPOINT}",
            body=lambda ctx: None,
            prepare=_live(ONE_VARIANT, versions=1),
            settle=_settle_endpoint,
            check=_endpoint_gone,
        ),
        Operation(
            name="put_autoscaling",
            kind="change",
            method="PUT",
            path=lambda ctx: f"/endpoints/{ENDPOINT}/autoscaling",
            body=lambda ctx: SCALING,
            prepare=_live(ONE_VARIANT, versions=1),
            settle=_settle_endpoint,
            check=_autoscaling,
        ),
        Operation(
            name="delete_autoscaling",
            kind="delete",
            method="DELETE",
            path=lambda ctx: f"/endpoints/{ENDPOINT}/autoscaling",
            body=lambda ctx: None,
            prepare=_live_and_scaled,
            settle=_settle_endpoint,
            check=_no_autoscaling,
        ),
        Operation(
            name="change_instance_type_of_an_autoscaled_endpoint",
            kind="change",
            method="PATCH",
            path=lambda ctx: f"/endpoints/{ENDPOINT}",
            body=_update({"instance_type": "ml.g6e.xlarge"}),
            prepare=_live_and_scaled,
            settle=_settle_endpoint,
            check=_retyped_and_scaled,
        ),
        Operation(
            name="create_packaging_job",
            kind="create",
            method="POST",
            path=lambda ctx: "/packaging-jobs",
            body=_packaging_body,
            prepare=lambda replica, env, ctx: _model(replica),
            settle=_nothing,
            check=_one_job,
            hold_throughout=True,
        ),
        Operation(
            name="cancel_packaging_job",
            kind="cancel",
            method="POST",
            path=lambda ctx: f"/packaging-jobs/{ctx['job_id']}/cancel",
            body=lambda ctx: None,
            prepare=_submitted_job,
            settle=_nothing,
            check=_job_cancelled,
            hold_throughout=True,
        ),
    ]
}


# --- answers --------------------------------------------------------------------------


def first_answer_problem(op: Operation, answer: Answer) -> str | None:
    """Why the answer to the faulted request is not acceptable (None: it is)."""
    if answer.hung:
        return f"hang: {answer}"
    if 200 <= answer.status < 300:
        return None
    if answer.status >= 500:
        return None if answer.problem and answer.code else f"{answer} is not problem+json"
    if (
        op.kind == "create"
        and answer.status == 409
        and answer.code == "IDEMPOTENCY_KEY_IN_PROGRESS"
    ):
        return None  # documented: the first request with this key still runs
    return f"answered {answer}"


def retry_answer_problem(op: Operation, answer: Answer) -> str | None:
    """Why the answer to the retry is not what a retry should get (None: it is)."""
    if answer.hung:
        return f"hang: {answer}"
    if 200 <= answer.status < 300:
        return None
    if op.kind == "delete" and answer.status == 404:
        return None  # gone: what the first attempt asked for
    if op.kind == "cancel" and answer.code == "PACKAGING_JOB_FINISHED":
        return None  # documented: cancelled already
    return f"retry answered {answer}"


# --- cases ------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Position:
    action: str
    occurrence: int

    def __str__(self) -> str:
        return f"{self.action}#{self.occurrence}"


@dataclass(frozen=True)
class Case:
    operation: str
    position: Position
    fault: Fault

    @property
    def id(self) -> str:
        return f"{self.operation}-{self.position}-{self.fault}"


@dataclass
class Result:
    """One case's outcome, as the session summary reads it."""

    operation: str
    position: str
    fault: str
    injected: int = 0
    first: str = ""
    bad_first: str | None = None
    orphans_after_first: list[str] = field(default_factory=list)
    retry: str = ""
    retry_attempts: int = 0
    bad_retry: str | None = None
    not_converged: list[str] = field(default_factory=list)
    orphans_after_retry: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        found = []
        if not self.injected:
            found.append("the fault was never injected (the call path changed)")
        if self.bad_first:
            found.append(f"first answer: {self.bad_first}")
        found += [f"after the first answer: {o}" for o in self.orphans_after_first]
        if self.bad_retry:
            found.append(f"retry: {self.bad_retry}")
        found += [f"after the retry: {o}" for o in self.not_converged + self.orphans_after_retry]
        return found

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _prepared(
    op: Operation, env: Environment, read_timeout_s: float = READ_TIMEOUT_SECONDS
) -> tuple[Replica, Context]:
    keys = new_keys()
    replica = env.replica(0, keys, read_timeout_s=read_timeout_s)
    ctx: Context = {"tenant": keys.tenant, "bucket": env.settings.artifact_bucket}
    env.proxy.reset()
    if op.hold_throughout:
        hold_transitions()
    else:
        release_transitions()
    op.prepare(replica, env, ctx)
    return replica, ctx


def _send(op: Operation, replica: Replica, ctx: Context, key: str) -> Answer:
    headers = {"Idempotency-Key": key} if op.kind == "create" else {}
    hold_transitions()
    try:
        return replica.call(op.method, op.path(ctx), op.body(ctx), headers)
    finally:
        if not op.hold_throughout:
            release_transitions()


def positions(name: str) -> list[Position]:
    """The AWS calls of a clean run of ``name``, as (action, occurrence), sorted.

    The clean run reads with a long AWS read timeout: under the cases' 1 s one, a call
    that a busy machine answers late is retried by botocore, the proxy records the same
    action twice, and the case at that extra position can never be injected."""
    op = OPERATIONS[name]
    env = environment()
    replica, ctx = _prepared(op, env, read_timeout_s=CLEAN_RUN_READ_TIMEOUT_SECONDS)
    env.proxy.clear_calls()
    answer = _send(op, replica, ctx, str(uuid.uuid4()))
    actions = env.proxy.actions()
    assert 200 <= answer.status < 300, f"clean run of {name}: {answer} {answer.body}"
    op.settle(replica, ctx)
    problems = op.check(Inventory.read(env, ctx["tenant"]), replica, ctx)
    assert not problems, f"clean run of {name} does not converge: {problems}"
    stop_jobs(env, ctx["tenant"])
    counts = Counter(a for a in actions if not op.focus or a.startswith(op.focus))
    return sorted(Position(a, k) for a, n in counts.items() for k in range(1, n + 1))


def cases(names: Sequence[str]) -> list[Case]:
    """Every call that changes something gets the lost reply (AWS did the work, MLM never
    heard: the fault that makes duplicates and orphans) and one of the faults where AWS did
    nothing, taken in turn, so each of those meets a quarter of every operation's writes.
    A read changes nothing, so for it a lost reply is one more way of failing: each read
    gets one fault, all five taken in turn. ``MLM_FAULT_MATRIX=full`` (``make
    fault-matrix``) gives every position every fault."""
    every_fault = os.environ.get("MLM_FAULT_MATRIX") == "full"
    found = []
    for name in names:
        writes = reads = _offset(name)
        for position in positions(name):
            if every_fault:
                kinds = list(FAULTS)
            elif is_read(position.action):
                kinds = [FAULTS[reads % len(FAULTS)]]
                reads += 1
            else:
                kinds = [REPLY_LOST, NOTHING_DONE[writes % len(NOTHING_DONE)]]
                writes += 1
            found += [Case(name, position, fault) for fault in kinds]
    return found


REPLY_LOST: Fault = "reset_after"
NOTHING_DONE: tuple[Fault, ...] = tuple(f for f in FAULTS if f != REPLY_LOST)
READS = re.compile(r"[\w-]+:(Describe|List|Get|Query|Scan|BatchGet)([A-Z]\w*)?$")


def is_read(action: str) -> bool:
    """``service:Action`` only reads (by the AWS naming convention every API here follows)."""
    return READS.match(action) is not None


def _offset(name: str) -> int:
    """Where an operation starts in NOTHING_DONE (stable across runs and processes, so a
    failing case is the same case when run again)."""
    return sum(name.encode())


def run(case: Case, env: Environment) -> Result:
    """Run one case and report everything it found (the caller asserts)."""
    op = OPERATIONS[case.operation]
    result = Result(case.operation, str(case.position), case.fault)
    replica, ctx = _prepared(op, env)
    try:
        return _run(op, case, env, replica, ctx, result)
    finally:
        stop_jobs(env, ctx["tenant"])


def _run(
    op: Operation, case: Case, env: Environment, replica: Replica, ctx: Context, result: Result
) -> Result:
    key = str(uuid.uuid4())
    env.proxy.reset()
    env.proxy.add(case.fault, case.position.action, case.position.occurrence)
    try:
        first = _send(op, replica, ctx, key)
    finally:
        result.injected = len(env.proxy.injected())
        env.proxy.reset()
    result.first = str(first)
    result.bad_first = first_answer_problem(op, first)
    if first.hung:
        return result
    op.settle(replica, ctx)
    inventory = Inventory.read(env, ctx["tenant"])
    result.orphans_after_first = inventory.orphans() + inventory.missing()

    retry, attempts = _retry(op, replica, ctx, key)
    result.retry, result.retry_attempts = str(retry), attempts
    result.bad_retry = retry_answer_problem(op, retry)
    op.settle(replica, ctx)
    inventory = Inventory.read(env, ctx["tenant"])
    result.not_converged = op.check(inventory, replica, ctx)
    result.orphans_after_retry = inventory.orphans() + inventory.missing()
    return result


def _retry(op: Operation, replica: Replica, ctx: Context, key: str) -> tuple[Answer, int]:
    """The same request again, as a client would retry it: again after a 409
    IDEMPOTENCY_KEY_IN_PROGRESS or a 5xx, within a short budget."""
    end = time.monotonic() + RETRY_BUDGET_SECONDS
    attempts = 0
    while True:
        attempts += 1
        answer = _send(op, replica, ctx, key)
        transient = answer.status >= 500 or answer.code == "IDEMPOTENCY_KEY_IN_PROGRESS"
        if answer.hung or not transient or time.monotonic() >= end:
            return answer, attempts
        time.sleep(0.25)
