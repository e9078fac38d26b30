"""The committed Postman collection, run by newman against a live `mlm serve`.

The whole collection runs: the Lifecycle folder (create model → version → endpoint → scale →
delete, with bounded polls) and then one reference request per operation. The reference
requests use the spec's examples, so some of them answer 404 or 409 (e.g. a version of the
model the reference "Delete a model" just removed); the collection-level contract test
checks every answer, success or error, against the statuses and schemas the spec documents.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.live_server import LiveServer, live_server

REPO = Path(__file__).parents[2]
COLLECTION = REPO / "postman" / "mlm.postman_collection.json"
ENVIRONMENT = REPO / "postman" / "mlm.postman_environment.json"
SPEC = REPO / "spec" / "openapi.yaml"
NEWMAN_TIMEOUT_SECONDS = 300
LIFECYCLE = [
    ("Lifecycle: register a model", 201),
    ("Lifecycle: register version", 201),
    ("Lifecycle: create an endpoint", 202),
    ("Lifecycle: get the endpoint", 200),
    ("Lifecycle: wait until in service", 200),
    ("Lifecycle: scale to 2 instances", 202),
    ("Lifecycle: wait until scaled", 200),
    ("Lifecycle: delete the endpoint", 202),
    ("Lifecycle: wait until the endpoint is gone", 404),
    ("Lifecycle: delete the model and its versions", 204),
    ("Lifecycle: the model is gone", 404),
]

Run = dict[str, Any]


def newman(server: LiveServer, collection: Path, report: Path, *args: str) -> Run:
    result = subprocess.run(
        [
            "npx",
            "--no-install",
            "newman",
            "run",
            str(collection),
            "-e",
            str(ENVIRONMENT),
            "--env-var",
            f"baseUrl={server.base_url}",
            "--env-var",
            f"apiKey={server.api_key}",
            "--reporters",
            "cli,json",
            "--reporter-json-export",
            str(report),
            *args,
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=NEWMAN_TIMEOUT_SECONDS,
        check=False,
    )
    run: Run = json.loads(report.read_text())["run"]
    run["exit_code"] = result.returncode
    run["output"] = result.stdout + result.stderr
    return run


def operation_count() -> int:
    paths = yaml.safe_load(SPEC.read_text())["paths"]
    methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
    return sum(1 for item in paths.values() for method in item if method in methods)


def assertions(run: Run) -> list[dict[str, Any]]:
    return [a for execution in run["executions"] for a in execution.get("assertions", [])]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with live_server(tmp_path_factory.mktemp("newman")) as running:
        yield running


@pytest.fixture(scope="module")
def full_run(server: LiveServer, tmp_path_factory: pytest.TempPathFactory) -> Run:
    return newman(server, COLLECTION, tmp_path_factory.mktemp("report") / "run.json")


def test_newman_exits_zero_with_no_failed_assertion(full_run: Run) -> None:
    assert full_run["exit_code"] == 0, full_run["output"]
    assert full_run["stats"]["assertions"]["failed"] == 0, full_run["output"]


def test_every_operation_of_the_spec_gets_its_answer_checked(full_run: Run) -> None:
    operations = {
        a["assertion"].rsplit(" for ", 1)[1]
        for a in assertions(full_run)
        if "status documented for" in a["assertion"]
    }
    assert len(operations) == operation_count(), sorted(operations)
    # Each answer gets at least three: operation matched, status, content type or no body.
    assert full_run["stats"]["assertions"]["total"] >= 3 * len(full_run["executions"])


def test_lifecycle_runs_in_order_with_the_expected_statuses(full_run: Run) -> None:
    seen: list[tuple[str, int]] = []
    for execution in full_run["executions"]:
        step = (execution["item"]["name"], execution["response"]["code"])
        if step[0].startswith("Lifecycle:") and (not seen or seen[-1][0] != step[0]):
            seen.append(step)
        elif seen and seen[-1][0] == step[0]:
            seen[-1] = step  # a poll: keep its last answer
    assert seen == LIFECYCLE


def with_contract(collection: dict[str, Any], change: Any) -> dict[str, Any]:
    """The collection with `change` applied to the contract its test script embeds."""
    script = "\n".join(collection["event"][0]["script"]["exec"])
    head, rest = script.split("const CONTRACT = ", 1)
    embedded, tail = rest.split("\n};\n", 1)
    contract = json.loads(embedded + "\n}")
    change(contract)
    script = f"{head}const CONTRACT = {json.dumps(contract)};\n{tail}"
    collection["event"][0]["script"]["exec"] = script.splitlines()
    return collection


def test_the_contract_check_fails_on_answers_the_spec_does_not_describe(
    server: LiveServer, tmp_path: Path
) -> None:
    def tamper(contract: dict[str, Any]) -> None:
        # Models must now carry a field they do not have; 201 is no longer documented.
        contract["schemas"]["definitions"]["Model"]["required"].append("no_such_field")
        create = next(op for op in contract["operations"] if op["operationId"] == "create_model")
        del create["responses"]["201"]

    tampered = tmp_path / "tampered.postman_collection.json"
    tampered.write_text(json.dumps(with_contract(json.loads(COLLECTION.read_text()), tamper)))

    run = newman(server, tampered, tmp_path / "run.json", "--folder", "models")

    failed = [a["assertion"] for a in assertions(run) if a.get("error")]
    assert run["exit_code"] != 0
    assert any("body matches the documented schema" in name for name in failed), failed
    assert any("201: status documented for create_model" in name for name in failed), failed
