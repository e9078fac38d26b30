"""Where the contract lives: packaged beside the code, or spec/ in a source checkout."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml


def spec_path() -> Path:
    packaged = Path(__file__).with_name("openapi.yaml")
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"


_HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@cache
def _path_methods() -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """Each path of the contract (under the /v1 base path) as a pattern, with its methods."""
    document = yaml.safe_load(spec_path().read_text())
    routes = []
    for template, item in document["paths"].items():
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
