"""Turn openapi-to-postmanv2's output into the committed Postman collection and environment.

Usage: postman_collection.py SPEC CONVERTED OUT_DIR

The converter gives the reference requests (one folder per tag). Everything it makes up is
replaced by what the spec says, so regenerating gives identical bytes:

- ids are UUIDv5 of the item's method, path and name, not random;
- parameter values come from the spec (example, else default, else `<type>`), request bodies
  from the operation's `example`; saved example responses (faked, random) are dropped;

and it adds what the converter cannot:

- a collection-level test on every request (scripts/generators/postman/contract_test.js)
  with the spec's responses and schemas embedded;
- a "Lifecycle" folder, run first: create model → version → endpoint → get → poll until
  in_service → scale → poll → delete endpoint → poll until gone → delete model, passing
  names and the version number through collection variables.
"""

from __future__ import annotations

import copy
import json
import re
import sys
import uuid
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

HERE = Path(__file__).parent / "postman"
NAMESPACE = uuid.UUID("5b0e9a52-6f1c-4d1e-9a51-0c7c2f3b9e10")
SCHEMAS_ID = "mlm.json"
DEFAULT_BASE_URL = "http://127.0.0.1:8080/v1"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Schema keywords that hold one subschema, a list of them, or a map of them.
ONE = ("additionalProperties", "items", "not")
MANY = ("allOf", "anyOf", "oneOf")
# OpenAPI-only keywords that JSON Schema draft-07 does not know (or knows differently).
DROP = ("example", "discriminator", "xml", "externalDocs", "deprecated", "nullable")
MAX_POLLS = 150
POLL_INTERVAL_MS = 200

Json = dict[str, Any]


def stable_id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(parts)))


def json_schema(node: Any) -> Any:
    """An OpenAPI 3.0 schema object as JSON Schema draft-07, refs pointing into SCHEMAS_ID."""
    if not isinstance(node, dict):
        return node
    out: Json = {}
    for key, value in node.items():
        if key in DROP or key.startswith("x-"):
            continue
        if key == "$ref":
            out[key] = value.replace("#/components/schemas/", f"{SCHEMAS_ID}#/definitions/")
        elif key == "properties":
            out[key] = {name: json_schema(sub) for name, sub in value.items()}
        elif key in ONE:
            out[key] = json_schema(value)
        elif key in MANY:
            out[key] = [json_schema(sub) for sub in value]
        elif key in ("exclusiveMinimum", "exclusiveMaximum"):
            # OpenAPI 3.0 writes these as booleans beside minimum/maximum; draft-07 as numbers.
            bound = "minimum" if key == "exclusiveMinimum" else "maximum"
            if value is True:
                out[key] = node[bound]
        else:
            out[key] = value
    if node.get("exclusiveMinimum") is True:
        out.pop("minimum", None)
    if node.get("exclusiveMaximum") is True:
        out.pop("maximum", None)
    if node.get("nullable") is True:
        if "type" in out:
            out["type"] = [out["type"], "null"]
            if "enum" in out:
                out["enum"] = [*out["enum"], None]
        else:
            out = {"anyOf": [{"type": "null"}, out]}
    return out


def resolve(spec: Json, node: Json) -> Json:
    """Follow a `$ref` to components (responses, parameters, …), if the node is one."""
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def path_regex(base_path: str, template: str) -> str:
    parts = re.split(r"(\{[^}]+\})", template)
    body = "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts)
    return f"^{re.escape(base_path)}{body}$"


def operations(spec: Json) -> list[tuple[str, str, Json, list[Json]]]:
    """(METHOD, path template, operation, parameters) in spec order."""
    found = []
    for template, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method in METHODS:
            if method in item:
                operation = item[method]
                parameters = [resolve(spec, p) for p in [*shared, *operation.get("parameters", [])]]
                found.append((method.upper(), template, operation, parameters))
    return found


def contract(spec: Json, base_path: str) -> Json:
    ops = []
    for method, template, operation, _ in operations(spec):
        responses = {}
        for status, response in operation["responses"].items():
            response = resolve(spec, response)
            content = {
                media: ({"schema": json_schema(body["schema"])} if "schema" in body else {})
                for media, body in response.get("content", {}).items()
            }
            responses[str(status)] = {"content": content}
        literal = sum(1 for seg in template.split("/") if seg and not seg.startswith("{"))
        ops.append(
            (
                -literal,
                {
                    "method": method,
                    "path": template,
                    "pathRegex": path_regex(base_path, template),
                    "operationId": operation["operationId"],
                    "responses": responses,
                },
            )
        )
    ops.sort(key=lambda pair: pair[0])  # stable: spec order among equals
    definitions = {
        name: json_schema(schema) for name, schema in spec["components"]["schemas"].items()
    }
    return {
        "schemasId": SCHEMAS_ID,
        "schemas": {"$id": SCHEMAS_ID, "definitions": definitions},
        "operations": [op for _, op in ops],
    }


def script(kind: str, source: str) -> Json:
    return {"listen": kind, "script": {"type": "text/javascript", "exec": source.splitlines()}}


def placeholder(schema: Json) -> str:
    """A value for a parameter: its example, default or minimum, else Postman's `<type>`."""
    for key in ("example", "default", "minimum"):
        if key in schema:
            value = schema[key]
            return json.dumps(value) if not isinstance(value, str) else value
    return f"<{schema.get('type', 'string')}>"


def raw_body(value: Any) -> Json:
    return {
        "mode": "raw",
        "raw": value if isinstance(value, str) else json.dumps(value, indent=2),
        "options": {"raw": {"headerFamily": "json", "language": "json"}},
    }


def normalise_request(spec: Json, item: Json, operation: Json, parameters: list[Json]) -> None:
    request = item["request"]
    by_name = {(p["in"], p["name"]): p for p in parameters}
    for entry in request["url"].get("query", []):
        entry["value"] = placeholder(by_name[("query", entry["key"])].get("schema", {}))
    for entry in request["url"].get("variable", []):
        param = by_name[("path", entry["key"])]
        entry["value"] = placeholder({**resolve(spec, param.get("schema", {})), **param})
    for entry in request.get("header", []):
        if ("header", entry["key"]) in by_name:
            entry["value"] = placeholder(by_name[("header", entry["key"])].get("schema", {}))
    body = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if body is not None:
        request["body"] = raw_body(body["example"])


def reference_folders(spec: Json, converted: Json) -> tuple[list[Json], dict[str, Json]]:
    """The converter's tag folders with spec-derived values; also the items by operationId."""
    index = {
        (method, re.sub(r"\{([^}]+)\}", r":\1", template)): (operation, parameters)
        for method, template, operation, parameters in operations(spec)
    }
    by_operation: dict[str, Json] = {}
    for folder in converted["item"]:
        folder["id"] = stable_id("folder", folder["name"])
        for item in folder["item"]:
            request = item["request"]
            path = "/" + "/".join(request["url"]["path"])
            operation, parameters = index[(request["method"], path)]
            normalise_request(spec, item, operation, parameters)
            item["id"] = stable_id(request["method"], path, item["name"])
            item["response"] = []
            by_operation[operation["operationId"]] = item
    return converted["item"], by_operation


POLL = """\
// Poll (bounded): ask again until {goal}, at most {max_polls} times.
const polls = Number(pm.collectionVariables.get('lcPolls') || 0) + 1;
const done = {done};
if (!done && polls < {max_polls}) {{
  pm.collectionVariables.set('lcPolls', polls);
  pm.execution.setNextRequest(pm.info.requestName);
}} else {{
  pm.collectionVariables.set('lcPolls', 0);
  pm.test('[lifecycle] {goal} within {max_polls} polls', () => {{
    pm.expect(done, `still ${{pm.response.code}} ${{pm.response.text()}}`).to.equal(true);
  }});
{after}}}
"""

PAUSE = f"""\
// Pause between polls (not before the first one).
if (Number(pm.collectionVariables.get('lcPolls') || 0) > 0) {{
  setTimeout(() => {{}}, {POLL_INTERVAL_MS});
}}
"""

START = """\
// Fresh names per run, so the lifecycle can run again against the same server.
const suffix = Math.random().toString(36).slice(2, 10).replace(/[^a-z0-9]/g, 'x');
pm.collectionVariables.set('lcModel', `pm-model-${suffix}`);
pm.collectionVariables.set('lcEndpoint', `pm-endpoint-${suffix}`);
pm.collectionVariables.set('lcPolls', 0);
"""


def expect_status(code: int, extra: str = "") -> str:
    return (
        f"pm.test('[lifecycle] answers {code}', () => {{\n"
        f"  pm.response.to.have.status({code});\n"
        f"}});\n{extra}"
    )


def poll(goal: str, done: str, after: str = "") -> str:
    return POLL.format(goal=goal, done=done, max_polls=MAX_POLLS, after=after)


def lifecycle_step(
    base: Json,
    name: str,
    *,
    variables: dict[str, str],
    test: str,
    prerequest: str | None = None,
    body: Any = None,
    query: dict[str, str] | None = None,
) -> Json:
    item = copy.deepcopy(base)
    item["name"] = name
    item["request"]["name"] = name
    for entry in item["request"]["url"].get("variable", []):
        entry["value"] = variables[entry["key"]]
    for entry in item["request"]["url"].get("query", []):
        if query and entry["key"] in query:
            entry["value"], entry["disabled"] = query[entry["key"]], False
    if body is not None:
        item["request"]["body"] = raw_body(body)
    events = [script("test", test)]
    if prerequest is not None:
        events.insert(0, script("prerequest", prerequest))
    item["event"] = events
    item["id"] = stable_id("lifecycle", name)
    return item


def example(ops: dict[str, Json], op_id: str) -> Any:
    return copy.deepcopy(ops[op_id]["requestBody"]["content"]["application/json"]["example"])


def lifecycle(spec: Json, items: dict[str, Json]) -> Json:
    ops = {operation["operationId"]: operation for _, _, operation, _ in operations(spec)}
    model = {"model_name": "{{lcModel}}"}
    endpoint = {"endpoint_name": "{{lcEndpoint}}"}

    model_body = example(ops, "create_model") | {"name": "{{lcModel}}"}
    endpoint_body = example(ops, "create_endpoint") | {"name": "{{lcEndpoint}}"}
    variant = endpoint_body["variants"][0]
    variant.update(model_name="{{lcModel}}", model_version="__LC_VERSION__")
    # The version number is an integer in the body: an unquoted variable in the raw text.
    endpoint_raw = json.dumps(endpoint_body, indent=2).replace('"__LC_VERSION__"', "{{lcVersion}}")
    variant_name = variant.get("name", "primary")
    scale_body = {"variants": [{"name": variant_name, "instance_count": 2}]}
    status = "pm.response.code === 200 && pm.response.json().status"

    steps = [
        lifecycle_step(
            items["create_model"],
            "Lifecycle: register a model",
            variables={},
            prerequest=START,
            body=model_body,
            test=expect_status(201),
        ),
        lifecycle_step(
            items["create_model_version"],
            "Lifecycle: register version",
            variables=model,
            body=example(ops, "create_model_version"),
            test=expect_status(
                201, "pm.collectionVariables.set('lcVersion', pm.response.json().version);\n"
            ),
        ),
        lifecycle_step(
            items["create_endpoint"],
            "Lifecycle: create an endpoint",
            variables={},
            body=endpoint_raw,
            test=expect_status(202),
        ),
        lifecycle_step(
            items["get_endpoint"],
            "Lifecycle: get the endpoint",
            variables=endpoint,
            test=expect_status(
                200,
                "pm.test('[lifecycle] is the endpoint just created', () => {\n"
                "  pm.expect(pm.response.json().name).to.equal("
                "pm.collectionVariables.get('lcEndpoint'));\n"
                "});\n",
            ),
        ),
        lifecycle_step(
            items["get_endpoint"],
            "Lifecycle: wait until in service",
            variables=endpoint,
            prerequest=PAUSE,
            test=poll("the endpoint is in_service", f"{status} === 'in_service'"),
        ),
        lifecycle_step(
            items["update_endpoint"],
            "Lifecycle: scale to 2 instances",
            variables=endpoint,
            body=scale_body,
            test=expect_status(202),
        ),
        lifecycle_step(
            items["get_endpoint"],
            "Lifecycle: wait until scaled",
            variables=endpoint,
            prerequest=PAUSE,
            test=poll(
                "the endpoint is in_service again",
                f"{status} === 'in_service'",
                after=(
                    "  pm.test('[lifecycle] runs 2 instances', () => {\n"
                    "    const variant = pm.response.json().variants[0];\n"
                    "    pm.expect(variant.desired_instance_count).to.equal(2);\n"
                    "    pm.expect(variant.current_instance_count).to.equal(2);\n"
                    "  });\n"
                ),
            ),
        ),
        lifecycle_step(
            items["delete_endpoint"],
            "Lifecycle: delete the endpoint",
            variables=endpoint,
            test=expect_status(202),
        ),
        lifecycle_step(
            items["get_endpoint"],
            "Lifecycle: wait until the endpoint is gone",
            variables=endpoint,
            prerequest=PAUSE,
            test=poll("the endpoint is gone", "pm.response.code === 404"),
        ),
        lifecycle_step(
            items["delete_model"],
            "Lifecycle: delete the model and its versions",
            variables=model,
            query={"force": "true"},
            test=expect_status(204),
        ),
        lifecycle_step(
            items["get_model"],
            "Lifecycle: the model is gone",
            variables=model,
            test=expect_status(404),
        ),
    ]
    return {
        "id": stable_id("folder", "Lifecycle"),
        "name": "Lifecycle",
        "description": (
            "Create model → version → endpoint → get → wait until in service → scale → wait → "
            "delete endpoint → wait until gone → delete model. Names and the version number "
            "pass through collection variables (lcModel, lcEndpoint, lcVersion); polls are "
            f"bounded ({MAX_POLLS} at most, lcPolls counts them)."
        ),
        "item": steps,
    }


def collection(spec: Json, converted: Json) -> Json:
    base_path = spec["servers"][0]["url"].rstrip("/")
    folders, items = reference_folders(spec, converted)
    test = (HERE / "contract_test.js").read_text()
    embedded = json.dumps(contract(spec, base_path), indent=1, sort_keys=True, ensure_ascii=False)
    info = converted["info"]
    return {
        "info": {
            "_postman_id": stable_id("collection", info["name"]),
            "name": info["name"],
            "description": info["description"],
            "schema": info["schema"],
        },
        "item": [lifecycle(spec, items), *folders],
        "auth": converted["auth"],
        "event": [script("test", test.replace("__CONTRACT__", embedded))],
        "variable": [
            {"key": "baseUrl", "value": DEFAULT_BASE_URL},
            {"key": "lcModel", "value": ""},
            {"key": "lcEndpoint", "value": ""},
            {"key": "lcVersion", "value": ""},
            {"key": "lcPolls", "value": "0"},
        ],
    }


def environment() -> Json:
    return {
        "id": stable_id("environment", "MLM local"),
        "name": "MLM local (make run)",
        "values": [
            {"key": "baseUrl", "value": DEFAULT_BASE_URL, "type": "default", "enabled": True},
            {"key": "apiKey", "value": "", "type": "secret", "enabled": True},
        ],
        "_postman_variable_scope": "environment",
    }


def write(path: Path, document: Json) -> None:
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def main(spec_path: str, converted_path: str, out_dir: str) -> None:
    spec = YAML(typ="safe", pure=True).load(Path(spec_path).read_text())
    converted = json.loads(Path(converted_path).read_text())
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    write(out / "mlm.postman_collection.json", collection(spec, converted))
    write(out / "mlm.postman_environment.json", environment())


if __name__ == "__main__":
    main(*sys.argv[1:])
