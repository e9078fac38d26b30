from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.endpoint_page import EndpointPage
from ...models.endpoint_status import EndpointStatus
from ...models.list_endpoints_view import ListEndpointsView
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    view: ListEndpointsView | Unset = ListEndpointsView.SUMMARY,
    status: EndpointStatus | Unset = UNSET,
    model_name: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_view: str | Unset = UNSET
    if not isinstance(view, Unset):
        json_view = view.value

    params["view"] = json_view

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["model_name"] = model_name

    params["page_size"] = page_size

    params["page_token"] = page_token


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/endpoints",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EndpointPage | Problem:
    if response.status_code == 200:
        response_200 = EndpointPage.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EndpointPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    view: ListEndpointsView | Unset = ListEndpointsView.SUMMARY,
    status: EndpointStatus | Unset = UNSET,
    model_name: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> Response[EndpointPage | Problem]:
    """ List endpoints

     The tenant's endpoints with status and per-variant instance counts. Without
    filters the list pages over SageMaker's ListEndpoints and reads each endpoint of
    the page from AWS. Filtered lists (`status`, `model_name`) and `view=overview` come
    from MLM's fleet index instead: one read for the whole fleet, no AWS call per
    endpoint, kept fresh by MLM's own changes, SageMaker's state-change events and a
    periodic reconciliation (so a change made outside MLM shows within seconds, at
    worst within the reconciliation interval). With `view=overview` each item also
    carries `observability` (latest per-GPU utilization and in-flight requests per
    variant), read in batches: one CloudWatch GetMetricData per 500 series; figures may
    be reused for a few seconds, and say how old they are and how old the endpoint's
    own record is. Role: viewer.

    Args:
        view (ListEndpointsView | Unset):  Default: ListEndpointsView.SUMMARY.
        status (EndpointStatus | Unset):
        model_name (str | Unset): Lowercase letters, digits and single hyphens; starts with a
            letter; at most 32.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointPage | Problem]
     """


    kwargs = _get_kwargs(
        view=view,
status=status,
model_name=model_name,
page_size=page_size,
page_token=page_token,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    view: ListEndpointsView | Unset = ListEndpointsView.SUMMARY,
    status: EndpointStatus | Unset = UNSET,
    model_name: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> EndpointPage | Problem | None:
    """ List endpoints

     The tenant's endpoints with status and per-variant instance counts. Without
    filters the list pages over SageMaker's ListEndpoints and reads each endpoint of
    the page from AWS. Filtered lists (`status`, `model_name`) and `view=overview` come
    from MLM's fleet index instead: one read for the whole fleet, no AWS call per
    endpoint, kept fresh by MLM's own changes, SageMaker's state-change events and a
    periodic reconciliation (so a change made outside MLM shows within seconds, at
    worst within the reconciliation interval). With `view=overview` each item also
    carries `observability` (latest per-GPU utilization and in-flight requests per
    variant), read in batches: one CloudWatch GetMetricData per 500 series; figures may
    be reused for a few seconds, and say how old they are and how old the endpoint's
    own record is. Role: viewer.

    Args:
        view (ListEndpointsView | Unset):  Default: ListEndpointsView.SUMMARY.
        status (EndpointStatus | Unset):
        model_name (str | Unset): Lowercase letters, digits and single hyphens; starts with a
            letter; at most 32.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointPage | Problem
     """


    return sync_detailed(
        client=client,
view=view,
status=status,
model_name=model_name,
page_size=page_size,
page_token=page_token,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    view: ListEndpointsView | Unset = ListEndpointsView.SUMMARY,
    status: EndpointStatus | Unset = UNSET,
    model_name: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> Response[EndpointPage | Problem]:
    """ List endpoints

     The tenant's endpoints with status and per-variant instance counts. Without
    filters the list pages over SageMaker's ListEndpoints and reads each endpoint of
    the page from AWS. Filtered lists (`status`, `model_name`) and `view=overview` come
    from MLM's fleet index instead: one read for the whole fleet, no AWS call per
    endpoint, kept fresh by MLM's own changes, SageMaker's state-change events and a
    periodic reconciliation (so a change made outside MLM shows within seconds, at
    worst within the reconciliation interval). With `view=overview` each item also
    carries `observability` (latest per-GPU utilization and in-flight requests per
    variant), read in batches: one CloudWatch GetMetricData per 500 series; figures may
    be reused for a few seconds, and say how old they are and how old the endpoint's
    own record is. Role: viewer.

    Args:
        view (ListEndpointsView | Unset):  Default: ListEndpointsView.SUMMARY.
        status (EndpointStatus | Unset):
        model_name (str | Unset): Lowercase letters, digits and single hyphens; starts with a
            letter; at most 32.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointPage | Problem]
     """


    kwargs = _get_kwargs(
        view=view,
status=status,
model_name=model_name,
page_size=page_size,
page_token=page_token,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    view: ListEndpointsView | Unset = ListEndpointsView.SUMMARY,
    status: EndpointStatus | Unset = UNSET,
    model_name: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> EndpointPage | Problem | None:
    """ List endpoints

     The tenant's endpoints with status and per-variant instance counts. Without
    filters the list pages over SageMaker's ListEndpoints and reads each endpoint of
    the page from AWS. Filtered lists (`status`, `model_name`) and `view=overview` come
    from MLM's fleet index instead: one read for the whole fleet, no AWS call per
    endpoint, kept fresh by MLM's own changes, SageMaker's state-change events and a
    periodic reconciliation (so a change made outside MLM shows within seconds, at
    worst within the reconciliation interval). With `view=overview` each item also
    carries `observability` (latest per-GPU utilization and in-flight requests per
    variant), read in batches: one CloudWatch GetMetricData per 500 series; figures may
    be reused for a few seconds, and say how old they are and how old the endpoint's
    own record is. Role: viewer.

    Args:
        view (ListEndpointsView | Unset):  Default: ListEndpointsView.SUMMARY.
        status (EndpointStatus | Unset):
        model_name (str | Unset): Lowercase letters, digits and single hyphens; starts with a
            letter; at most 32.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
view=view,
status=status,
model_name=model_name,
page_size=page_size,
page_token=page_token,

    )).parsed
