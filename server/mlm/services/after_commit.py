"""Reading a resource back after its change committed.

The change has happened in AWS, so a read that fails now must not turn it into an
error: the read is tried twice, then the answer is what the change itself makes known.
Endpoints, models and versions all answer their changes this way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from mlm.errors import BadGateway, NotFound, ServiceUnavailable

log = logging.getLogger("mlm.after_commit")
T = TypeVar("T")


def read_back(read: Callable[[], T], known: Callable[[], T], what: str) -> T:
    for _ in range(2):
        try:
            return read()
        except (ServiceUnavailable, BadGateway, NotFound) as error:
            log.warning("%s: read after the change failed: %s", what, error)
    return known()
