from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.api_key_secret import ApiKeySecret
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    key_name: str,
    *,
    grace_seconds: int | Unset = 0,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["grace_seconds"] = grace_seconds


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api-keys/{key_name}/rotate".format(key_name=quote(str(key_name), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ApiKeySecret | Problem:
    if response.status_code == 200:
        response_200 = ApiKeySecret.from_dict(response.json())



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
    key_name: str,
    *,
    client: AuthenticatedClient | Client,
    grace_seconds: int | Unset = 0,

) -> Response[ApiKeySecret | Problem]:
    """ Rotate an API key

     A new secret for the key (shown once; same name, role and limits). The old secret
    stops working after `grace_seconds` (0, the default: at once). Role: admin.

    Args:
        key_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 64. Example: ci-deployer.
        grace_seconds (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeySecret | Problem]
     """


    kwargs = _get_kwargs(
        key_name=key_name,
grace_seconds=grace_seconds,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    key_name: str,
    *,
    client: AuthenticatedClient | Client,
    grace_seconds: int | Unset = 0,

) -> ApiKeySecret | Problem | None:
    """ Rotate an API key

     A new secret for the key (shown once; same name, role and limits). The old secret
    stops working after `grace_seconds` (0, the default: at once). Role: admin.

    Args:
        key_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 64. Example: ci-deployer.
        grace_seconds (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeySecret | Problem
     """


    return sync_detailed(
        key_name=key_name,
client=client,
grace_seconds=grace_seconds,

    ).parsed

async def asyncio_detailed(
    key_name: str,
    *,
    client: AuthenticatedClient | Client,
    grace_seconds: int | Unset = 0,

) -> Response[ApiKeySecret | Problem]:
    """ Rotate an API key

     A new secret for the key (shown once; same name, role and limits). The old secret
    stops working after `grace_seconds` (0, the default: at once). Role: admin.

    Args:
        key_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 64. Example: ci-deployer.
        grace_seconds (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeySecret | Problem]
     """


    kwargs = _get_kwargs(
        key_name=key_name,
grace_seconds=grace_seconds,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    key_name: str,
    *,
    client: AuthenticatedClient | Client,
    grace_seconds: int | Unset = 0,

) -> ApiKeySecret | Problem | None:
    """ Rotate an API key

     A new secret for the key (shown once; same name, role and limits). The old secret
    stops working after `grace_seconds` (0, the default: at once). Role: admin.

    Args:
        key_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 64. Example: ci-deployer.
        grace_seconds (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeySecret | Problem
     """


    return (await asyncio_detailed(
        key_name=key_name,
client=client,
grace_seconds=grace_seconds,

    )).parsed
