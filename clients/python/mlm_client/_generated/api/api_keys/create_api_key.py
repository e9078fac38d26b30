from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.api_key_create import ApiKeyCreate
from ...models.api_key_secret import ApiKeySecret
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: ApiKeyCreate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api-keys",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ApiKeySecret | Problem:
    if response.status_code == 201:
        response_201 = ApiKeySecret.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ApiKeySecret | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyCreate,

) -> Response[ApiKeySecret | Problem]:
    """ Create an API key

     A new key for the caller's tenant. The secret is in this answer only: MLM keeps its
    SHA-256, never the key, and cannot show it again (rotate the key for a new one). Not
    replayable with `Idempotency-Key` for that reason: a retry after a lost answer gets
    `409 API_KEY_NAME_TAKEN`. Role: admin.

    Args:
        body (ApiKeyCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeySecret | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyCreate,

) -> ApiKeySecret | Problem | None:
    """ Create an API key

     A new key for the caller's tenant. The secret is in this answer only: MLM keeps its
    SHA-256, never the key, and cannot show it again (rotate the key for a new one). Not
    replayable with `Idempotency-Key` for that reason: a retry after a lost answer gets
    `409 API_KEY_NAME_TAKEN`. Role: admin.

    Args:
        body (ApiKeyCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeySecret | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyCreate,

) -> Response[ApiKeySecret | Problem]:
    """ Create an API key

     A new key for the caller's tenant. The secret is in this answer only: MLM keeps its
    SHA-256, never the key, and cannot show it again (rotate the key for a new one). Not
    replayable with `Idempotency-Key` for that reason: a retry after a lost answer gets
    `409 API_KEY_NAME_TAKEN`. Role: admin.

    Args:
        body (ApiKeyCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeySecret | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyCreate,

) -> ApiKeySecret | Problem | None:
    """ Create an API key

     A new key for the caller's tenant. The secret is in this answer only: MLM keeps its
    SHA-256, never the key, and cannot show it again (rotate the key for a new one). Not
    replayable with `Idempotency-Key` for that reason: a retry after a lost answer gets
    `409 API_KEY_NAME_TAKEN`. Role: admin.

    Args:
        body (ApiKeyCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeySecret | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
