from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.endpoint_alarms import EndpointAlarms
from ...models.endpoint_alarms_update import EndpointAlarmsUpdate
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    endpoint_name: str,
    *,
    body: EndpointAlarmsUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/endpoints/{endpoint_name}/alarms".format(endpoint_name=quote(str(endpoint_name), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EndpointAlarms | Problem:
    if response.status_code == 200:
        response_200 = EndpointAlarms.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EndpointAlarms | Problem]:
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
    body: EndpointAlarmsUpdate,

) -> Response[EndpointAlarms | Problem]:
    """ Set an endpoint's alarms

     Replaces the endpoint's alarms with these (an empty list removes them all), on
    every variant: `error_rate_5xx` (percent of invocations answered 5xx, default 5),
    `latency_p99_ms` (the model latency's 99th percentile, threshold required),
    `no_traffic` (fewer invocations a minute than the threshold, default 1) and
    `gpu_memory_utilization` (percent per GPU, default 90). Each watches one-minute
    periods and alarms after `evaluation_periods` breaching ones; all notify the
    endpoint's SNS topic on ALARM and on OK. Safe to repeat. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        body (EndpointAlarmsUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointAlarms | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: EndpointAlarmsUpdate,

) -> EndpointAlarms | Problem | None:
    """ Set an endpoint's alarms

     Replaces the endpoint's alarms with these (an empty list removes them all), on
    every variant: `error_rate_5xx` (percent of invocations answered 5xx, default 5),
    `latency_p99_ms` (the model latency's 99th percentile, threshold required),
    `no_traffic` (fewer invocations a minute than the threshold, default 1) and
    `gpu_memory_utilization` (percent per GPU, default 90). Each watches one-minute
    periods and alarms after `evaluation_periods` breaching ones; all notify the
    endpoint's SNS topic on ALARM and on OK. Safe to repeat. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        body (EndpointAlarmsUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointAlarms | Problem
     """


    return sync_detailed(
        endpoint_name=endpoint_name,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: EndpointAlarmsUpdate,

) -> Response[EndpointAlarms | Problem]:
    """ Set an endpoint's alarms

     Replaces the endpoint's alarms with these (an empty list removes them all), on
    every variant: `error_rate_5xx` (percent of invocations answered 5xx, default 5),
    `latency_p99_ms` (the model latency's 99th percentile, threshold required),
    `no_traffic` (fewer invocations a minute than the threshold, default 1) and
    `gpu_memory_utilization` (percent per GPU, default 90). Each watches one-minute
    periods and alarms after `evaluation_periods` breaching ones; all notify the
    endpoint's SNS topic on ALARM and on OK. Safe to repeat. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        body (EndpointAlarmsUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointAlarms | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: EndpointAlarmsUpdate,

) -> EndpointAlarms | Problem | None:
    """ Set an endpoint's alarms

     Replaces the endpoint's alarms with these (an empty list removes them all), on
    every variant: `error_rate_5xx` (percent of invocations answered 5xx, default 5),
    `latency_p99_ms` (the model latency's 99th percentile, threshold required),
    `no_traffic` (fewer invocations a minute than the threshold, default 1) and
    `gpu_memory_utilization` (percent per GPU, default 90). Each watches one-minute
    periods and alarms after `evaluation_periods` breaching ones; all notify the
    endpoint's SNS topic on ALARM and on OK. Safe to repeat. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        body (EndpointAlarmsUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointAlarms | Problem
     """


    return (await asyncio_detailed(
        endpoint_name=endpoint_name,
client=client,
body=body,

    )).parsed
