"""The connexion app: the spec routes, validates and authenticates; handlers do the rest."""

from __future__ import annotations

import flask
from connexion import FlaskApp
from connexion.exceptions import ProblemException
from connexion.middleware import MiddlewarePosition
from connexion.options import SwaggerUIOptions
from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware

from mlm import problems, spec, validation
from mlm.container import Container
from mlm.errors import ApiError
from mlm.middleware import RequestContextMiddleware

EXPOSED_HEADERS = [
    "ETag",
    "Location",
    "X-Request-Id",
    "Retry-After",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
]
ALLOWED_HEADERS = [
    "X-Api-Key",
    "Authorization",
    "If-Match",
    "Idempotency-Key",
    "Content-Type",
    "X-Request-Id",
]


class _Response(flask.Response):
    # A bodiless answer (204) must not claim a Content-Type; Flask's default is text/html.
    default_mimetype = None


def create_app(container: Container, validate_responses: bool = False) -> FlaskApp:
    app = FlaskApp(__name__, specification_dir=str(spec.spec_path().parent))
    app.app.response_class = _Response
    settings = container.settings
    if settings.cors_allowed_origins:
        app.add_middleware(
            CORSMiddleware,
            position=MiddlewarePosition.BEFORE_EXCEPTION,
            allow_origins=settings.cors_allowed_origins,
            allow_methods=["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
            allow_headers=ALLOWED_HEADERS,
            expose_headers=EXPOSED_HEADERS,
        )
    app.add_middleware(
        RequestContextMiddleware, position=MiddlewarePosition.BEFORE_EXCEPTION, container=container
    )
    app.add_api(
        spec.document(),
        base_path="/v1",
        strict_validation=True,
        validate_responses=validate_responses,
        validator_map=validation.VALIDATOR_MAP,
        swagger_ui_options=SwaggerUIOptions(swagger_ui_path="/ui", spec_path="/openapi.json"),
    )
    app.add_error_handler(ApiError, problems.handle_api_error)
    app.add_error_handler(ProblemException, problems.handle_problem)
    app.add_error_handler(HTTPException, problems.handle_http_exception)
    app.add_error_handler(UnicodeDecodeError, problems.handle_undecodable)
    app.add_error_handler(Exception, problems.handle_unexpected)
    return app
