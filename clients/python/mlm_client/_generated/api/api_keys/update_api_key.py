from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.api_key import ApiKey
from ...models.api_key_update import ApiKeyUpdate
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    key_name: str,
    *,
    body: ApiKeyUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api-keys/{key_name}".format(key_name=quote(str(key_name), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ApiKey | Problem:
    if response.status_code == 200:
        response_200 = ApiKey.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ApiKey | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    key_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyUpdate,

) -> Response[ApiKey | Problem]:
    """ Change an API key's expiry or limits

     A JSON merge patch of `expires_at` and `limits`: a field set to `null` goes back to
    none (expiry) or to the server's default (a limit). Role: admin.

    Args:
        key_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 64. Example: ci-deployer.
        body (ApiKeyUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKey | Problem]
     """


    kwargs = _get_kwargs(
        key_name=key_name,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    key_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyUpdate,

) -> ApiKey | Problem | None:
    """ Change an API key's expiry or limits

     A JSON merge patch of `expires_at` and `limits`: a field set to `null` goes back to
    none (expiry) or to the server's default (a limit). Role: admin.

    Args:
        key_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 64. Example: ci-deployer.
        body (ApiKeyUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKey | Problem
     """


    return sync_detailed(
        key_name=key_name,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    key_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyUpdate,

) -> Response[ApiKey | Problem]:
    """ Change an API key's expiry or limits

     A JSON merge patch of `expires_at` and `limits`: a field set to `null` goes back to
    none (expiry) or to the server's default (a limit). Role: admin.

    Args:
        key_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 64. Example: ci-deployer.
        body (ApiKeyUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKey | Problem]
     """


    kwargs = _get_kwargs(
        key_name=key_name,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    key_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyUpdate,

) -> ApiKey | Problem | None:
    """ Change an API key's expiry or limits

     A JSON merge patch of `expires_at` and `limits`: a field set to `null` goes back to
    none (expiry) or to the server's default (a limit). Role: admin.

    Args:
        key_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 64. Example: ci-deployer.
        body (ApiKeyUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKey | Problem
     """


    return (await asyncio_detailed(
        key_name=key_name,
client=client,
body=body,

    )).parsed
