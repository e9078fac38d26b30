"""Write the spec as openapi-python-client should read it, as JSON, to stdout.

The contract writes a nullable reference the OpenAPI 3.0 way, with a `type` beside it
because the server's validator (openapi-schema-validator) only honours `nullable` next to
`type`:

    approved_at: {allOf: [{$ref: Timestamp}], nullable: true, type: string}

openapi-python-client 0.29.1 drops the `nullable` when `type` stands beside `allOf`, so
`approved_at: null` would crash the generated parser. Without the `type` it generates
`datetime | None`, which is what the contract means.

A component that is itself nullable (`PackagingOutput: {type: object, nullable: true, …}`)
makes 0.29.1 name it `PackagingOutputType0` and then drop it whole when one of its own
properties is a nullable map ("Invalid property in union"): `PackagingJob.output` would
parse into a class that was never generated, and `output.environment` would be lost. The
generator handles the same meaning written the other way round, so here the component
becomes non-nullable and every `$ref` to it becomes `{allOf: [$ref], nullable: true}`.

Nothing else changes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML


def normalise(node: Any) -> Any:
    if isinstance(node, dict):
        node = {key: normalise(value) for key, value in node.items()}
        all_of = node.get("allOf")
        if node.get("nullable") is True and isinstance(all_of, list) and len(all_of) == 1:
            node.pop("type", None)
        return node
    if isinstance(node, list):
        return [normalise(item) for item in node]
    return node


def nullable_refs_outside(spec: dict[str, Any]) -> dict[str, Any]:
    """Nullable components made non-nullable, with the nullability moved to each reference."""
    schemas = spec.get("components", {}).get("schemas", {})
    nullable = {
        f"#/components/schemas/{name}"
        for name, schema in schemas.items()
        if isinstance(schema, dict) and schema.get("nullable") is True
    }

    def move(node: Any) -> Any:
        if isinstance(node, dict):
            if set(node) == {"$ref"} and node["$ref"] in nullable:
                return {"allOf": [node], "nullable": True}
            return {key: move(value) for key, value in node.items()}
        if isinstance(node, list):
            return [move(item) for item in node]
        return node

    spec = move(spec)
    for ref in nullable:
        spec["components"]["schemas"][ref.rsplit("/", 1)[1]].pop("nullable")
    return spec


def main(spec_path: str) -> None:
    spec = YAML(typ="safe", pure=True).load(Path(spec_path).read_text())
    json.dump(nullable_refs_outside(normalise(spec)), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
