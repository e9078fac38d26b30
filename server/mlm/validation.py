"""Request validation that answers in plain words and names the field or parameter.

connexion validates parameters and JSON bodies against the contract; its messages are
jsonschema's own ("'x' does not match '^[a-z]…'", or for parameters the whole
"Failed validating 'pattern' in schema …" dump) and a parameter's name is lost. These
validators run the same checks and raise a ``BadRequest`` whose ``errors[]`` names the
parameter (``page_size``) or the body field (``variants.0.instance_type``).
"""

from __future__ import annotations

import copy
import json
from typing import Any

from connexion.datastructures import MediaTypeDict
from connexion.json_schema import Draft4RequestValidator, Draft4Validator
from connexion.utils import is_null, is_nullable
from connexion.validators import (
    FormDataValidator,
    JSONRequestBodyValidator,
    JSONResponseBodyValidator,
    MultiPartFormDataValidator,
    ParameterValidator,
    TextResponseBodyValidator,
)
from jsonschema import ValidationError
from jsonschema.exceptions import best_match, relevance

from mlm.errors import BadRequest, FieldError

CODE = "INVALID_REQUEST"
_TYPES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object",
}
_FORMATS = {"date-time": "an RFC 3339 date-time such as 2026-11-22T01:02:03Z"}


def plain_message(error: ValidationError) -> str:
    """What is wrong, in words a person reads (the schema's description when it has one)."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    expected: Any = error.validator_value
    keyword = error.validator
    if keyword == "type":
        kinds = expected if isinstance(expected, list) else [expected]
        return "must be " + " or ".join(_TYPES.get(str(k), str(k)) for k in kinds)
    if keyword == "pattern":
        described = str(schema.get("description") or "").strip().rstrip(".")
        if described:
            return f"is not valid: {described}"
        return f"has characters or a form that is not allowed (it must match {expected})"
    if keyword == "enum":
        return "must be one of " + ", ".join(str(v) for v in expected)
    if keyword == "format":
        return "must be " + _FORMATS.get(str(expected), f"a valid {expected}")
    simple = {
        "minLength": f"must be at least {expected} characters long",
        "maxLength": f"must be at most {expected} characters long",
        "minimum": f"must be at least {expected}",
        "maximum": f"must be at most {expected}",
        "exclusiveMinimum": f"must be more than {schema.get('minimum', expected)}",
        "exclusiveMaximum": f"must be less than {schema.get('maximum', expected)}",
        "minItems": f"must have at least {expected} item(s)",
        "maxItems": f"must have at most {expected} items",
        "minProperties": f"must have at least {expected} entr{'y' if expected == 1 else 'ies'}",
        "maxProperties": f"must have at most {expected} entries",
        "required": "is required",
        "additionalProperties": "is not allowed here",
        "uniqueItems": "must not repeat an item",
        "not": "is not allowed here",
    }
    if keyword in simple:
        return simple[keyword]
    if keyword in {"oneOf", "anyOf"}:
        return "does not match any of the accepted forms"
    return str(error.message)


def _chosen_branch_error(error: ValidationError) -> ValidationError:
    """For a ``oneOf`` with a discriminator, the failure inside the branch the
    discriminator names (``platform: s3`` → what is wrong as an S3 source); else
    the error itself."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    discriminator = schema.get("discriminator") or {}
    name = discriminator.get("propertyName")
    if error.validator != "oneOf" or not name or not isinstance(error.instance, dict):
        return error
    wanted = error.instance.get(name)
    for index, branch in enumerate(error.validator_value):
        allowed = branch.get("properties", {}).get(name, {}).get("enum", [])
        if wanted in allowed:
            inside = [e for e in error.context or [] if e.relative_schema_path[0] == index]
            chosen = best_match(inside)
            return error if chosen is None else _chosen_branch_error(chosen)
    return error


def plain_error(error: ValidationError) -> tuple[str, str]:
    """(the field's dotted path, what is wrong with it) for one body error."""
    error = _chosen_branch_error(error)
    schema = error.schema if isinstance(error.schema, dict) else {}
    name = (schema.get("discriminator") or {}).get("propertyName")
    if error.validator == "oneOf" and name and isinstance(error.instance, dict):
        choices = sorted(schema.get("discriminator", {}).get("mapping", {}))
        field = ".".join([*(str(p) for p in error.absolute_path), name])
        return field, "must be one of " + ", ".join(choices)
    return _body_field(error), plain_message(error)


def _body_field(error: ValidationError) -> str:
    path = [str(part) for part in error.absolute_path]
    if error.validator == "required":
        missing = [name for name in error.validator_value if name not in (error.instance or {})]
        path.append(missing[0] if missing else "")
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = set((error.schema or {}).get("properties", {}))
        extra = sorted(key for key in error.instance if key not in known)
        if extra:
            path.append(extra[0])
    return ".".join(part for part in path if part)


def _invalid(field: str, message: str, where: str = "field") -> BadRequest:
    label = f"{where.capitalize()} '{field}'" if field else "The request body"
    return BadRequest(code=CODE, detail=f"{label} {message}.", errors=[FieldError(field, message)])


class PlainParameterValidator(ParameterValidator):  # type: ignore[misc]
    """connexion's parameter checks; a failure names the parameter, in plain words."""

    @staticmethod
    def _check(kind: str, value: Any, param: dict[str, Any]) -> None:
        name = str(param["name"])
        if value is None:
            if param.get("required"):
                raise _invalid(name, "is required", f"{kind} parameter")
            return
        if is_nullable(param) and is_null(value):
            return
        schema = copy.deepcopy(param.get("schema", param))
        validator = Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)
        error = best_match(validator.iter_errors(value))
        if error is not None:
            raise _invalid(name, plain_message(error), f"{kind} parameter")

    def validate_request(self, request: Any) -> None:
        if self.strict_validation:
            extra = self.validate_query_parameter_list(
                request, security_params=self.security_query_params
            )
            if extra:
                names = sorted(extra)
                raise BadRequest(
                    code=CODE,
                    detail=f"Unknown query parameter(s): {', '.join(names)}.",
                    errors=[FieldError(n, "is not a parameter of this operation") for n in names],
                )
        sources = {
            "query": request.query_params,
            "path": request.path_params,
            "header": request.headers,
            "cookie": request.cookies,
        }
        for kind, values in sources.items():
            for param in self.parameters.get(kind, []):
                key = param["name"].replace("-", "_") if kind == "path" else param["name"]
                self._check(kind, values.get(key), param)


_EMPTY = object()  # a body of no bytes, unlike the JSON document `null`


class PlainJSONBodyValidator(JSONRequestBodyValidator):  # type: ignore[misc]
    """connexion's JSON body checks; a failure names the field, in plain words."""

    async def _parse(self, stream: Any, scope: Any) -> Any:
        raw = b"".join([message async for message in stream])
        text = raw.decode(self._encoding)
        if not text:
            return _EMPTY
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise BadRequest(
                code=CODE,
                detail=f"The request body is not valid JSON ({exc.msg} at line {exc.lineno}, "
                f"column {exc.colno}).",
                errors=[FieldError("", "is not valid JSON")],
            ) from exc

    def _validate(self, body: Any) -> dict[str, Any] | None:
        # connexion took a JSON `null` for a missing body; only an empty one is missing,
        # and `null` is checked like any other document (a schema without a type takes it).
        if body is _EMPTY:
            if self._nullable:
                return None
            raise _invalid("", "must not be empty")
        validator = Draft4RequestValidator(
            self._schema, format_checker=Draft4Validator.FORMAT_CHECKER
        )
        errors = list(validator.iter_errors(body))
        if errors:
            # best_match would descend into a oneOf's branches at random; plain_error
            # follows the discriminator instead.
            top = max(errors, key=relevance)
            if top.validator in {"oneOf", "anyOf"} and not (top.schema or {}).get("discriminator"):
                top = best_match([top])
            raise _invalid(*plain_error(top))
        return None


class BodilessHeadJSONResponseValidator(JSONResponseBodyValidator):  # type: ignore[misc]
    """A HEAD answer has no content (RFC 9110 §9.3.2), though its GET's schema wants one."""

    def wrap_send(self, send: Any) -> Any:
        if self._scope.get("method") == "HEAD":
            return send
        return super().wrap_send(send)


VALIDATOR_MAP = {
    "parameter": PlainParameterValidator,
    "body": MediaTypeDict(
        {
            "*/*json": PlainJSONBodyValidator,
            "application/x-www-form-urlencoded": FormDataValidator,
            "multipart/form-data": MultiPartFormDataValidator,
        }
    ),
    "response": MediaTypeDict(
        {
            "*/*json": BodilessHeadJSONResponseValidator,
            "text/plain": TextResponseBodyValidator,
        }
    ),
}
