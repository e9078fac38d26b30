from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    key_name: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api-keys/{key_name}".format(key_name=quote(str(key_name), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
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

) -> Response[Any | Problem]:
    """ Revoke an API key

     The key is refused (`401`) from the next request on, on every replica; so is any
    older key of the same name still in a rotation's grace period. The name can be used
    again. Role: admin.

    Args:
        key_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 64. Example: ci-deployer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        key_name=key_name,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    key_name: str,
    *,
    client: AuthenticatedClient | Client,

) -> Any | Problem | None:
    """ Revoke an API key

     The key is refused (`401`) from the next request on, on every replica; so is any
    older key of the same name still in a rotation's grace period. The name can be used
    again. Role: admin.

    Args:
        key_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 64. Example: ci-deployer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return sync_detailed(
        key_name=key_name,
client=client,

    ).parsed

async def asyncio_detailed(
    key_name: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Any | Problem]:
    """ Revoke an API key

     The key is refused (`401`) from the next request on, on every replica; so is any
    older key of the same name still in a rotation's grace period. The name can be used
    again. Role: admin.

    Args:
        key_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 64. Example: ci-deployer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        key_name=key_name,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    key_name: str,
    *,
    client: AuthenticatedClient | Client,

) -> Any | Problem | None:
    """ Revoke an API key

     The key is refused (`401`) from the next request on, on every replica; so is any
    older key of the same name still in a rotation's grace period. The name can be used
    again. Role: admin.

    Args:
        key_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 64. Example: ci-deployer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return (await asyncio_detailed(
        key_name=key_name,
client=client,

    )).parsed
