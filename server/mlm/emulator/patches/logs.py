"""CloudWatch Logs FilterLogEvents as AWS answers it (moto 5.2.5 gaps).

- ``logStreamNamePrefix`` limits the search to the streams whose names start with it
  (AWS: "Filters the results to include only events from log streams that have names
  starting with this prefix"); moto ignored it and searched every stream.
- Events of several streams come back interleaved, oldest first (AWS: the
  ``interleaved`` parameter "is ignored and the value is assumed to be true"); moto
  returned them stream after stream unless ``interleaved`` was sent.
- Both ``logStreamNames`` and ``logStreamNamePrefix`` → ``InvalidParameterException``.
"""

from __future__ import annotations

import json
from typing import Any

from moto.logs.exceptions import InvalidParameterException, ResourceNotFoundException
from moto.logs.responses import LogsResponse


def filter_log_events(self: LogsResponse) -> str:
    group_name = self._get_param("logGroupName")
    names = self._get_param("logStreamNames", [])
    prefix = self._get_param("logStreamNamePrefix")
    if prefix and names:
        raise InvalidParameterException(
            msg="Cannot specify both logStreamNames and logStreamNamePrefix"
        )
    group = self.logs_backend.groups.get(group_name)
    if group is None:
        raise ResourceNotFoundException()
    if prefix:
        names = [name for name in group.streams if name.startswith(prefix)]
    events: list[dict[str, Any]] = []
    next_token = None
    searched: list[dict[str, Any]] = []
    if names or not prefix:  # moto reads "no names" as "every stream"
        events, next_token, searched = self.logs_backend.filter_log_events(
            group_name,
            names,
            self._get_param("startTime"),
            self._get_param("endTime"),
            self._get_param("limit"),
            self._get_param("nextToken"),
            self._get_param("filterPattern"),
            True,
        )
    return json.dumps({"events": events, "nextToken": next_token, "searchedLogStreams": searched})


def install() -> None:
    setattr(LogsResponse, "filter_log_events", filter_log_events)  # noqa: B010
