"""Write the spec as openapi-python-client should read it, as JSON, to stdout.

The contract writes a nullable reference the OpenAPI 3.0 way, with a `type` beside it
because the server's validator (openapi-schema-validator) only honours `nullable` next to
`type`:

    approved_at: {allOf: [{$ref: Timestamp}], nullable: true, type: string}

openapi-python-client 0.29.1 drops the `nullable` when `type` stands beside `allOf`, so
`approved_at: null` would crash the generated parser. Without the `type` it generates
`datetime | None`, which is what the contract means. Nothing else changes.
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


def main(spec_path: str) -> None:
    spec = YAML(typ="safe", pure=True).load(Path(spec_path).read_text())
    json.dump(normalise(spec), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
