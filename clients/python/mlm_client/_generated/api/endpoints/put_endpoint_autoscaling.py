from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.endpoint_autoscaling import EndpointAutoscaling
from ...models.endpoint_autoscaling_update import EndpointAutoscalingUpdate
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    endpoint_name: str,
    *,
    body: EndpointAutoscalingUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/endpoints/{endpoint_name}/autoscaling".format(endpoint_name=quote(str(endpoint_name), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EndpointAutoscaling | Problem:
    if response.status_code == 200:
        response_200 = EndpointAutoscaling.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EndpointAutoscaling | Problem]:
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
    body: EndpointAutoscalingUpdate,

) -> Response[EndpointAutoscaling | Problem]:
    """ Set an endpoint's autoscaling

     Replaces the endpoint's autoscaling: each listed variant scales between
    `min_instances` and `max_instances` by target tracking on one metric
    (`invocations_per_instance`: invocations a minute per instance, default target 70;
    `concurrent_requests_per_model`: requests in flight per model, published every
    10 s, so it reacts faster; `gpu_utilization`: percent per GPU). Application Auto
    Scaling adds instances when the metric stays above the target and removes them
    when it stays well below, waiting the cooldowns between changes; `schedules`
    change the bounds at set times. Variants left out stop scaling (their instance
    count stays as it is). Real-time endpoints cannot scale to zero. The endpoint must
    be `in_service`. Safe to repeat. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        body (EndpointAutoscalingUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointAutoscaling | Problem]
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
    body: EndpointAutoscalingUpdate,

) -> EndpointAutoscaling | Problem | None:
    """ Set an endpoint's autoscaling

     Replaces the endpoint's autoscaling: each listed variant scales between
    `min_instances` and `max_instances` by target tracking on one metric
    (`invocations_per_instance`: invocations a minute per instance, default target 70;
    `concurrent_requests_per_model`: requests in flight per model, published every
    10 s, so it reacts faster; `gpu_utilization`: percent per GPU). Application Auto
    Scaling adds instances when the metric stays above the target and removes them
    when it stays well below, waiting the cooldowns between changes; `schedules`
    change the bounds at set times. Variants left out stop scaling (their instance
    count stays as it is). Real-time endpoints cannot scale to zero. The endpoint must
    be `in_service`. Safe to repeat. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        body (EndpointAutoscalingUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointAutoscaling | Problem
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
    body: EndpointAutoscalingUpdate,

) -> Response[EndpointAutoscaling | Problem]:
    """ Set an endpoint's autoscaling

     Replaces the endpoint's autoscaling: each listed variant scales between
    `min_instances` and `max_instances` by target tracking on one metric
    (`invocations_per_instance`: invocations a minute per instance, default target 70;
    `concurrent_requests_per_model`: requests in flight per model, published every
    10 s, so it reacts faster; `gpu_utilization`: percent per GPU). Application Auto
    Scaling adds instances when the metric stays above the target and removes them
    when it stays well below, waiting the cooldowns between changes; `schedules`
    change the bounds at set times. Variants left out stop scaling (their instance
    count stays as it is). Real-time endpoints cannot scale to zero. The endpoint must
    be `in_service`. Safe to repeat. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        body (EndpointAutoscalingUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointAutoscaling | Problem]
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
    body: EndpointAutoscalingUpdate,

) -> EndpointAutoscaling | Problem | None:
    """ Set an endpoint's autoscaling

     Replaces the endpoint's autoscaling: each listed variant scales between
    `min_instances` and `max_instances` by target tracking on one metric
    (`invocations_per_instance`: invocations a minute per instance, default target 70;
    `concurrent_requests_per_model`: requests in flight per model, published every
    10 s, so it reacts faster; `gpu_utilization`: percent per GPU). Application Auto
    Scaling adds instances when the metric stays above the target and removes them
    when it stays well below, waiting the cooldowns between changes; `schedules`
    change the bounds at set times. Variants left out stop scaling (their instance
    count stays as it is). Real-time endpoints cannot scale to zero. The endpoint must
    be `in_service`. Safe to repeat. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        body (EndpointAutoscalingUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointAutoscaling | Problem
     """


    return (await asyncio_detailed(
        endpoint_name=endpoint_name,
client=client,
body=body,

    )).parsed
