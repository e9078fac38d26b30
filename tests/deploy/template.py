"""deploy/packaging.yaml and deploy/packager.Dockerfile, read for tests of what the linters
cannot see (whether they agree with the code)."""

from __future__ import annotations

import fnmatch
import re
from functools import cache
from pathlib import Path
from typing import Any

from cfnlint.decode import cfn_yaml

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
TEMPLATE_PATH = DEPLOY / "packaging.yaml"
DOCKERFILE_PATH = DEPLOY / "packager.Dockerfile"


@cache
def template() -> dict[str, Any]:
    """The template with short-form intrinsics (!Ref, !Sub…) in their long form."""
    loaded: dict[str, Any] = cfn_yaml.load(str(TEMPLATE_PATH))
    return loaded


def properties(resource: str) -> dict[str, Any]:
    found: dict[str, Any] = template()["Resources"][resource]["Properties"]
    return found


def default(parameter: str) -> Any:
    return template()["Parameters"][parameter]["Default"]


def substitute(value: Any, parameters: dict[str, str]) -> Any:
    """A ``Ref`` or ``Fn::Sub`` of parameters only, with the given parameter values."""
    if isinstance(value, dict) and set(value) == {"Ref"}:
        return parameters[value["Ref"]]
    if isinstance(value, dict) and set(value) == {"Fn::Sub"}:
        return re.sub(r"\$\{([^}]+)\}", lambda m: parameters[m[1]], value["Fn::Sub"])
    return value


def allowed_by(resource_patterns: list[str], arn: str) -> bool:
    """Whether an IAM resource pattern (``*`` and ``?`` wildcards) covers ``arn``."""
    return any(fnmatch.fnmatchcase(arn, pattern) for pattern in resource_patterns)


def event_pattern_matches(pattern: dict[str, Any], event: dict[str, Any]) -> bool:
    """EventBridge matching for exact values: every field of the pattern is in the event
    and its value is one of the pattern's (nested objects match field by field)."""
    for field, expected in pattern.items():
        value = event.get(field)
        if isinstance(expected, dict):
            if not isinstance(value, dict) or not event_pattern_matches(expected, value):
                return False
        elif value not in expected:
            return False
    return True


def dockerfile_stages() -> dict[str, list[tuple[str, str]]]:
    """Each ``FROM … AS <name>`` stage's instructions as (keyword, rest of the line)."""
    stages: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] = []
    text = DOCKERFILE_PATH.read_text().replace("\\\n", " ")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if keyword.upper() == "FROM":
            current = []
            stages[rest.split()[-1]] = current
        current.append((keyword.upper(), rest.strip()))
    return stages
