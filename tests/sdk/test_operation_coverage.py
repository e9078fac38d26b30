"""Every operationId in spec/openapi.yaml has a typed method in both SDKs.

A new operation in the spec fails these tests until it has one; the message names the
missing operationIds and the files to add them to (see "Adding an operation" in
clients/python/README.md and clients/typescript/README.md).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from mlm_client import MLM, AsyncMLM

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "spec" / "openapi.yaml"
PYTHON_SOURCE = "clients/python/mlm_client/async_client.py"
TYPESCRIPT_SOURCE = "clients/typescript/src/client.ts"
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
# A method of MlmClient: two spaces in, optionally async and/or a generator, then its name.
TS_METHOD = re.compile(r"^  (?:async )?\*?([a-z][A-Za-z0-9]*)\(", re.MULTILINE)


def operation_ids() -> list[str]:
    spec = yaml.safe_load(SPEC.read_text())
    return [
        operation["operationId"]
        for item in spec["paths"].values()
        for method, operation in item.items()
        if method in METHODS
    ]


def camel(operation_id: str) -> str:
    head, *rest = operation_id.split("_")
    return head + "".join(part.capitalize() for part in rest)


def test_the_spec_has_operations() -> None:
    assert len(operation_ids()) >= 22


def test_every_operation_has_a_typed_method_in_the_python_sdk() -> None:
    missing = [
        op
        for op in operation_ids()
        if not (callable(getattr(AsyncMLM, op, None)) and callable(getattr(MLM, op, None)))
    ]
    assert not missing, (
        f"operationIds without a typed method in the Python SDK: {', '.join(missing)}. "
        f"Add `async def <operationId>(…)` to {PYTHON_SOURCE} (AsyncMLM), then run "
        "`make generate` so clients/python/mlm_client/sync_client.py (MLM) gets it too; "
        "see 'Adding an operation' in clients/python/README.md."
    )


def test_every_operation_has_a_typed_method_in_the_typescript_sdk() -> None:
    defined = set(TS_METHOD.findall((REPO / TYPESCRIPT_SOURCE).read_text()))
    missing = [f"{op} ({camel(op)})" for op in operation_ids() if camel(op) not in defined]
    assert not missing, (
        f"operationIds without a typed method in the TypeScript SDK: {', '.join(missing)}. "
        f"Add the camelCase method to MlmClient in {TYPESCRIPT_SOURCE}; see 'Adding an "
        "operation' in clients/typescript/README.md."
    )
