from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.endpoint_metrics import EndpointMetrics
from ...models.metric_name import MetricName
from ...models.metric_statistic import MetricStatistic
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    endpoint_name: str,
    *,
    metric: list[MetricName] | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    period: int | Unset = 60,
    statistic: MetricStatistic | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_metric: list[str] | Unset = UNSET
    if not isinstance(metric, Unset):
        json_metric = []
        for metric_item_data in metric:
            metric_item = metric_item_data.value
            json_metric.append(metric_item)


    params["metric"] = json_metric

    json_start_time: str | Unset = UNSET
    if not isinstance(start_time, Unset):
        json_start_time = start_time.isoformat()
    params["start_time"] = json_start_time

    json_end_time: str | Unset = UNSET
    if not isinstance(end_time, Unset):
        json_end_time = end_time.isoformat()
    params["end_time"] = json_end_time

    params["period"] = period

    json_statistic: str | Unset = UNSET
    if not isinstance(statistic, Unset):
        json_statistic = statistic.value

    params["statistic"] = json_statistic


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/endpoints/{endpoint_name}/metrics".format(endpoint_name=quote(str(endpoint_name), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EndpointMetrics | Problem:
    if response.status_code == 200:
        response_200 = EndpointMetrics.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EndpointMetrics | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    metric: list[MetricName] | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    period: int | Unset = 60,
    statistic: MetricStatistic | Unset = UNSET,

) -> Response[EndpointMetrics | Problem]:
    """ An endpoint's metric series

     Named series over a time range, per variant and, with enhanced metrics, per
    instance. Defaults: every metric, the last hour, 60 s periods, each metric's own
    statistic. At most 1440 points per series and 100,800 per request (one CloudWatch
    read); a wider range is a `400 TIME_RANGE_TOO_WIDE` or `TOO_MANY_DATAPOINTS` that
    says what to ask instead. Role: viewer.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        metric (list[MetricName] | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        period (int | Unset):  Default: 60.
        statistic (MetricStatistic | Unset): `p50`, `p90`, `p99` are percentiles (CloudWatch
            extended statistics), e.g. the
            latency 99 % of requests stayed under.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointMetrics | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,
metric=metric,
start_time=start_time,
end_time=end_time,
period=period,
statistic=statistic,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    metric: list[MetricName] | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    period: int | Unset = 60,
    statistic: MetricStatistic | Unset = UNSET,

) -> EndpointMetrics | Problem | None:
    """ An endpoint's metric series

     Named series over a time range, per variant and, with enhanced metrics, per
    instance. Defaults: every metric, the last hour, 60 s periods, each metric's own
    statistic. At most 1440 points per series and 100,800 per request (one CloudWatch
    read); a wider range is a `400 TIME_RANGE_TOO_WIDE` or `TOO_MANY_DATAPOINTS` that
    says what to ask instead. Role: viewer.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        metric (list[MetricName] | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        period (int | Unset):  Default: 60.
        statistic (MetricStatistic | Unset): `p50`, `p90`, `p99` are percentiles (CloudWatch
            extended statistics), e.g. the
            latency 99 % of requests stayed under.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointMetrics | Problem
     """


    return sync_detailed(
        endpoint_name=endpoint_name,
client=client,
metric=metric,
start_time=start_time,
end_time=end_time,
period=period,
statistic=statistic,

    ).parsed

async def asyncio_detailed(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    metric: list[MetricName] | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    period: int | Unset = 60,
    statistic: MetricStatistic | Unset = UNSET,

) -> Response[EndpointMetrics | Problem]:
    """ An endpoint's metric series

     Named series over a time range, per variant and, with enhanced metrics, per
    instance. Defaults: every metric, the last hour, 60 s periods, each metric's own
    statistic. At most 1440 points per series and 100,800 per request (one CloudWatch
    read); a wider range is a `400 TIME_RANGE_TOO_WIDE` or `TOO_MANY_DATAPOINTS` that
    says what to ask instead. Role: viewer.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        metric (list[MetricName] | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        period (int | Unset):  Default: 60.
        statistic (MetricStatistic | Unset): `p50`, `p90`, `p99` are percentiles (CloudWatch
            extended statistics), e.g. the
            latency 99 % of requests stayed under.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointMetrics | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,
metric=metric,
start_time=start_time,
end_time=end_time,
period=period,
statistic=statistic,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    metric: list[MetricName] | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    period: int | Unset = 60,
    statistic: MetricStatistic | Unset = UNSET,

) -> EndpointMetrics | Problem | None:
    """ An endpoint's metric series

     Named series over a time range, per variant and, with enhanced metrics, per
    instance. Defaults: every metric, the last hour, 60 s periods, each metric's own
    statistic. At most 1440 points per series and 100,800 per request (one CloudWatch
    read); a wider range is a `400 TIME_RANGE_TOO_WIDE` or `TOO_MANY_DATAPOINTS` that
    says what to ask instead. Role: viewer.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        metric (list[MetricName] | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        period (int | Unset):  Default: 60.
        statistic (MetricStatistic | Unset): `p50`, `p90`, `p99` are percentiles (CloudWatch
            extended statistics), e.g. the
            latency 99 % of requests stayed under.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointMetrics | Problem
     """


    return (await asyncio_detailed(
        endpoint_name=endpoint_name,
client=client,
metric=metric,
start_time=start_time,
end_time=end_time,
period=period,
statistic=statistic,

    )).parsed
