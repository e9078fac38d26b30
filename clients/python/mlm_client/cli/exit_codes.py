"""Exit codes scripts can rely on, and the mapping of every SDK error onto one.

| code | meaning |
|---|---|
| 0 | done |
| 1 | an error not listed below (an unexpected answer) |
| 2 | usage: a wrong command line, or the server refused the request as invalid (400, 422) |
| 3 | not found (404) |
| 4 | conflict: the resource's state or someone else's change (409, 412) |
| 5 | authentication or permission: no key, a wrong key, a role that may not (401, 403) |
| 6 | unavailable: the server cannot be reached, is throttling or timed out (429, 503, 504) |
| 7 | failed: what was waited for ended failed or cancelled, or the model answered an error |
| 8 | a --wait ran out of time |
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import IntEnum
from typing import NoReturn, ParamSpec, TypeVar

import httpx
import typer
from rich.console import Console

from ..errors import (
    BadRequest,
    Conflict,
    Forbidden,
    InvocationStreamError,
    MLMError,
    ModelFailed,
    NotFound,
    PreconditionFailed,
    ResourceFailed,
    ServiceUnavailable,
    TooManyRequests,
    Unauthorized,
    ValidationFailed,
    WaiterTimeout,
)


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    NOT_FOUND = 3
    CONFLICT = 4
    AUTH = 5
    UNAVAILABLE = 6
    FAILED = 7
    TIMEOUT = 8


class UsageProblem(Exception):
    """A command line the CLI itself refuses (exit 2), said in plain words."""


_BY_ERROR: list[tuple[type[BaseException] | tuple[type[BaseException], ...], ExitCode]] = [
    ((UsageProblem, BadRequest, ValidationFailed), ExitCode.USAGE),
    (NotFound, ExitCode.NOT_FOUND),
    ((Conflict, PreconditionFailed), ExitCode.CONFLICT),
    ((Unauthorized, Forbidden), ExitCode.AUTH),
    ((TooManyRequests, ServiceUnavailable, httpx.TransportError), ExitCode.UNAVAILABLE),
    ((ResourceFailed, ModelFailed, InvocationStreamError), ExitCode.FAILED),
    (WaiterTimeout, ExitCode.TIMEOUT),
]

stderr = Console(stderr=True)

P = ParamSpec("P")
R = TypeVar("R")


def exit_code(error: BaseException) -> ExitCode:
    for kinds, code in _BY_ERROR:
        if isinstance(error, kinds):
            return code
    if isinstance(error, MLMError) and error.status == 504:
        return ExitCode.UNAVAILABLE
    return ExitCode.ERROR


def handled(command: Callable[P, R]) -> Callable[P, R]:
    """Run a command; an SDK error becomes one line on stderr and its exit code."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except (MLMError, httpx.TransportError, UsageProblem, ResourceFailed) as error:
            fail(error)
        except (WaiterTimeout, InvocationStreamError) as error:
            fail(error)

    return run


def fail(error: BaseException) -> NoReturn:
    message = str(error)
    if isinstance(error, httpx.TransportError):
        message = f"cannot reach the MLM API: {error}"
    if isinstance(error, MLMError):
        message = f"error {message}"
        for field in error.errors:
            message += f"\n  {field.field or '(request)'}: {field.message}"
    stderr.print(message, style="red", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code=int(exit_code(error)))
