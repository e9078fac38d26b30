from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.endpoint import Endpoint
from ...models.endpoint_create import EndpointCreate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: EndpointCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/endpoints",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Endpoint | Problem:
    if response.status_code == 202:
        response_202 = Endpoint.from_dict(response.json())



        return response_202

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Endpoint | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EndpointCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Endpoint | Problem]:
    """ Create an endpoint

     Deploys model versions to a SageMaker real-time endpoint (one SageMaker model per
    variant, an endpoint config, the endpoint). Answers `202` at once with the endpoint
    in `creating`; poll `GET /v1/endpoints/{endpoint_name}` until `in_service` or
    `failed`. If a step fails, what was created is removed. Role: operator.

    Args:
        idempotency_key (str | Unset):
        body (EndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Endpoint | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: EndpointCreate,
    idempotency_key: str | Unset = UNSET,

) -> Endpoint | Problem | None:
    """ Create an endpoint

     Deploys model versions to a SageMaker real-time endpoint (one SageMaker model per
    variant, an endpoint config, the endpoint). Answers `202` at once with the endpoint
    in `creating`; poll `GET /v1/endpoints/{endpoint_name}` until `in_service` or
    `failed`. If a step fails, what was created is removed. Role: operator.

    Args:
        idempotency_key (str | Unset):
        body (EndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Endpoint | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EndpointCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Endpoint | Problem]:
    """ Create an endpoint

     Deploys model versions to a SageMaker real-time endpoint (one SageMaker model per
    variant, an endpoint config, the endpoint). Answers `202` at once with the endpoint
    in `creating`; poll `GET /v1/endpoints/{endpoint_name}` until `in_service` or
    `failed`. If a step fails, what was created is removed. Role: operator.

    Args:
        idempotency_key (str | Unset):
        body (EndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Endpoint | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: EndpointCreate,
    idempotency_key: str | Unset = UNSET,

) -> Endpoint | Problem | None:
    """ Create an endpoint

     Deploys model versions to a SageMaker real-time endpoint (one SageMaker model per
    variant, an endpoint config, the endpoint). Answers `202` at once with the endpoint
    in `creating`; poll `GET /v1/endpoints/{endpoint_name}` until `in_service` or
    `failed`. If a step fails, what was created is removed. Role: operator.

    Args:
        idempotency_key (str | Unset):
        body (EndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Endpoint | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
