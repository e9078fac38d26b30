"""Where the contract lives: packaged beside the code, or spec/ in a source checkout."""

from __future__ import annotations

import copy
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml


def spec_path() -> Path:
    packaged = Path(__file__).with_name("openapi.yaml")
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"


@cache
def _document() -> dict[str, Any]:
    # libyaml's parser where PyYAML has it: the contract is ~8,000 nodes, and the pure-Python
    # one takes a third of a second for them (on every cold start of the API's Lambda).
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loaded: dict[str, Any] = yaml.load(spec_path().read_text(), Loader=loader)  # noqa: S506
    return loaded


def document() -> dict[str, Any]:
    """The contract as a mapping (a copy: connexion resolves references in place)."""
    return copy.deepcopy(_document())


_HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@cache
def _path_methods() -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """Each path of the contract (under the /v1 base path) as a pattern, with its methods."""
    routes = []
    for template, item in _document()["paths"].items():
        methods = {method.upper() for method in item if method in _HTTP_METHODS}
        if "GET" in methods:
            methods.add("HEAD")  # served for every GET (Flask answers it)
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
        routes.append((re.compile(f"^/v1{pattern}/?$"), tuple(sorted(methods))))
    return tuple(routes)


def allowed_methods(path: str) -> list[str]:
    """The methods the contract has for ``path`` (an ``Allow`` header's list; RFC 9110
    §10.2.1 wants all of them), empty when no path of the contract matches."""
    for pattern, methods in _path_methods():
        if pattern.match(path):
            return list(methods)
    return []
