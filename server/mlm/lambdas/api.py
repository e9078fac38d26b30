"""The entry point API Gateway calls: the whole REST API, the same connexion app `mlm serve`
runs, through Mangum (ASGI over Lambda events).

Mangum reads REST API (payload 1.0) and HTTP API (payload 2.0) events: headers, multi-value
query strings, base64 bodies; it answers binary bodies base64-encoded. The app and its
service container are built once per Lambda container (the cold start) and reused by every
invocation after it. This module never imports the emulator (an import-linter contract):
the function runs against the AWS its settings name (``MLM_MODE=aws`` in deploy/mlm.yaml).
"""

from __future__ import annotations

import os
from functools import cache
from typing import Any

from mangum import Mangum
from mangum.adapter import DEFAULT_TEXT_MIME_TYPES

from mlm.app import create_app
from mlm.container import Container, build_container
from mlm.logs import configure_logging
from mlm.settings import Settings

# Problems are JSON too: answer them as text, not base64 (API Gateway decodes either).
TEXT_MIME_TYPES = [*DEFAULT_TEXT_MIME_TYPES, "application/problem+json"]


def make_handler(container: Container) -> Mangum:
    """The Lambda handler of one container's app (tests build one over the emulator)."""
    # No lifespan: the app has no startup or shutdown work (the janitor has its own Lambda).
    return Mangum(create_app(container), lifespan="off", text_mime_types=TEXT_MIME_TYPES)


@cache
def _handler() -> Mangum:
    settings = Settings()
    configure_logging(settings.log_format, settings.log_level)
    return make_handler(build_container(settings))


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return _handler()(event, context)


if "AWS_LAMBDA_FUNCTION_NAME" in os.environ:
    # Inside Lambda, build during the init phase: provisioned concurrency runs it before any
    # request, and bad settings fail the init with their message instead of a request.
    _handler()
