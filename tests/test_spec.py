"""What the contract says about rules OpenAPI 3.0 cannot express in a schema."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from mlm.spec import spec_path


@pytest.fixture(scope="module")
def schemas() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(spec_path().read_text())
    return dict(document["components"]["schemas"])


@pytest.mark.parametrize("name", ["Metadata", "MetadataPatch"])
def test_metadata_key_lengths_are_described(schemas: dict[str, Any], name: str) -> None:
    """OpenAPI 3.0 has no propertyNames: the 1 to 128 character keys the service enforces
    are said in words."""
    assert "1 to 128 characters" in " ".join(schemas[name]["description"].split())


def test_an_endpoint_needs_a_weighted_variant_is_described(schemas: dict[str, Any]) -> None:
    """No `contains` in OpenAPI 3.0: the rule that traffic must go somewhere is in words."""
    described = " ".join(schemas["EndpointCreate"]["properties"]["variants"]["description"].split())
    assert "at least one must have an `initial_weight` above 0" in described


def test_optional_query_filters_carry_no_example(schemas: dict[str, Any]) -> None:
    """Swagger UI's "Try it out" fills a parameter in from its schema's example; a
    filter pre-filled that way makes a first try answer a filtered list."""
    document: dict[str, Any] = yaml.safe_load(spec_path().read_text())

    def resolved(node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            target: Any = document
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            node = target
        return node

    prefilled = [
        f"{method.upper()} {path} {parameter['name']}"
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method != "parameters"
        for parameter in map(resolved, operation.get("parameters", []))
        if parameter["in"] == "query"
        and not parameter.get("required")
        and ("example" in parameter or "example" in resolved(parameter.get("schema", {})))
    ]
    assert prefilled == []
