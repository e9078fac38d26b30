"""Replicas sharing one AWS account (the emulator) under simultaneous requests.

Four replicas (each its own container, clients and caches, as four server processes
would be) take 20 simultaneous requests between them. SageMaker changes are held in
progress while the requests run (on AWS they last minutes), then released to settle.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.reliability.harness import (
    Answer,
    Environment,
    Inventory,
    Replica,
    hold_transitions,
    new_keys,
    poll,
    release_transitions,
)
from tests.reliability.matrix import ENDPOINT, MODEL, MODEL_BODY, ONE_VARIANT, VERSION_BODY
from tests.reliability.summary import CONCURRENCY_PROPERTY

READ_TIMEOUT_S = 15.0
REPLICAS = 4
REQUESTS = 20


def _replicas(env: Environment) -> tuple[str, list[Replica]]:
    """One new tenant, and every replica restarted for it."""
    keys = new_keys()
    # No stall is injected here, so no reason for the matrix's 1 s read timeout: late in a
    # run on 2 busy cores the shared emulator's list calls can take longer than that.
    return keys.tenant, [
        env.replica(index, keys, read_timeout_s=READ_TIMEOUT_S) for index in range(REPLICAS)
    ]


def _all_at_once(replicas: list[Replica], send: Callable[[Replica, int], Answer]) -> list[Answer]:
    """``send`` REQUESTS times at once (released together), spread over the replicas."""
    start = threading.Barrier(REQUESTS)

    def one(index: int) -> Answer:
        start.wait(timeout=30)
        return send(replicas[index % len(replicas)], index)

    with ThreadPoolExecutor(max_workers=REQUESTS) as pool:
        return list(pool.map(one, range(REQUESTS)))


def _settled(replica: Replica) -> Answer:
    answer: Answer = poll(
        lambda: replica.call("GET", f"/endpoints/{ENDPOINT}"),
        lambda a: a.status != 200 or a.body["status"] in {"in_service", "failed"},
    )
    return answer


def _report(request: pytest.FixtureRequest, name: str, answers: list[Answer]) -> Counter[str]:
    tally = Counter(str(answer) for answer in answers)
    request.node.user_properties.append((CONCURRENCY_PROPERTY, json.dumps([name, dict(tally)])))
    return tally


def test_simultaneous_creates_of_one_name_make_one_endpoint(
    env: Environment, request: pytest.FixtureRequest
) -> None:
    tenant, replicas = _replicas(env)
    release_transitions()
    replicas[0].ok("POST", "/models", MODEL_BODY)
    replicas[0].ok("POST", f"/models/{MODEL}/versions", VERSION_BODY)

    def create(replica: Replica, index: int) -> Answer:
        return replica.call("POST", "/endpoints", ONE_VARIANT)

    hold_transitions()
    answers = _all_at_once(replicas, create)
    release_transitions()
    tally = _report(request, "20 x POST /v1/endpoints, one name", answers)
    endpoint = _settled(replicas[0])
    inventory = Inventory.read(env, tenant)

    problems = []
    if [a.status for a in answers].count(202) != 1:
        problems.append("want exactly one 202")
    if not all(a.status in {202, 409} for a in answers):
        problems.append("want 409 for every other request")
    if endpoint.status != 200 or endpoint.body["status"] != "in_service":
        problems.append(f"endpoint: {endpoint} {endpoint.body}")
    if len(inventory.endpoints) != 1:
        problems.append(f"endpoints {sorted(inventory.endpoints)}")
    problems += inventory.missing() + inventory.orphans()
    assert not problems, f"{dict(tally)}: {problems}"


def test_simultaneous_changes_with_one_etag_apply_at_most_one(
    env: Environment, request: pytest.FixtureRequest
) -> None:
    tenant, replicas = _replicas(env)
    release_transitions()
    replicas[0].ok("POST", "/models", MODEL_BODY)
    replicas[0].ok("POST", f"/models/{MODEL}/versions", VERSION_BODY)
    replicas[0].ok("POST", "/endpoints", ONE_VARIANT)
    live = _settled(replicas[0])
    assert live.body["status"] == "in_service", live.body
    etag = live.headers["etag"]

    def change(replica: Replica, index: int) -> Answer:
        body = {"variants": [{"name": "primary", "instance_count": 2 + index}]}
        return replica.call("PATCH", f"/endpoints/{ENDPOINT}", body, {"If-Match": etag})

    hold_transitions()
    answers = _all_at_once(replicas, change)
    release_transitions()
    tally = _report(request, "20 x PATCH /v1/endpoints/{name}, one If-Match", answers)
    final = _settled(replicas[0])
    inventory = Inventory.read(env, tenant)
    accepted = [2 + i for i, a in enumerate(answers) if a.status == 202]

    problems = []
    if len(accepted) > 1:
        problems.append(f"{len(accepted)} changes accepted")
    if not all(a.status in {202, 409, 412} for a in answers):
        problems.append("want 409 or 412 for every other request")
    count = final.body["variants"][0]["current_instance_count"]
    if count != (accepted[0] if len(accepted) == 1 else 1):
        problems.append(f"instance count {count}, accepted {accepted}")
    problems += inventory.missing() + inventory.orphans()
    assert not problems, f"{dict(tally)}: {problems}"
