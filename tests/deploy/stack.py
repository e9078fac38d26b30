"""deploy/mlm.yaml (the whole stack), read for tests of what cfn-lint cannot see."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from cfnlint.decode import cfn_yaml

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
STACK_PATH = DEPLOY / "mlm.yaml"


@cache
def stack() -> dict[str, Any]:
    loaded: dict[str, Any] = cfn_yaml.load(str(STACK_PATH))
    return loaded


@cache
def packaging() -> dict[str, Any]:
    loaded: dict[str, Any] = cfn_yaml.load(str(DEPLOY / "packaging.yaml"))
    return loaded


def resources(kind: str, template: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """Resources of one type, by logical id."""
    found = (template or stack())["Resources"]
    return {name: r for name, r in found.items() if r["Type"] == kind}


def props(name: str, template: dict[str, Any] | None = None) -> dict[str, Any]:
    found: dict[str, Any] = (template or stack())["Resources"][name]["Properties"]
    return found


def environment(name: str) -> dict[str, Any]:
    """MLM_* variables a function or the API task sets (secrets included)."""
    resource = stack()["Resources"][name]
    if resource["Type"] == "AWS::Lambda::Function":
        variables: dict[str, Any] = resource["Properties"]["Environment"]["Variables"]
        return variables
    [container] = resource["Properties"]["ContainerDefinitions"]
    env = {item["Name"]: item["Value"] for item in container["Environment"]}
    env.update({item["Name"]: item["ValueFrom"] for item in container.get("Secrets", [])})
    return env


def statements(role: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for policy in role["Properties"].get("Policies", []):
        found.extend(policy["PolicyDocument"]["Statement"])
    return found


def actions_of(statement_list: list[dict[str, Any]]) -> set[str]:
    found: set[str] = set()
    for statement in statement_list:
        action = statement["Action"]
        found.update([action] if isinstance(action, str) else action)
    return found
