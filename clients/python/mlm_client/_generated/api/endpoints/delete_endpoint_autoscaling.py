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
    endpoint_name: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/endpoints/{endpoint_name}/autoscaling".format(endpoint_name=quote(str(endpoint_name), safe=""),),
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
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Any | Problem]:
    """ Stop an endpoint's autoscaling

     Removes every variant's scaling policy, scheduled actions and scalable target; the
    instance counts stay as they are. Safe to repeat. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,

) -> Any | Problem | None:
    """ Stop an endpoint's autoscaling

     Removes every variant's scaling policy, scheduled actions and scalable target; the
    instance counts stay as they are. Safe to repeat. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return sync_detailed(
        endpoint_name=endpoint_name,
client=client,

    ).parsed

async def asyncio_detailed(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Any | Problem]:
    """ Stop an endpoint's autoscaling

     Removes every variant's scaling policy, scheduled actions and scalable target; the
    instance counts stay as they are. Safe to repeat. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,

) -> Any | Problem | None:
    """ Stop an endpoint's autoscaling

     Removes every variant's scaling policy, scheduled actions and scalable target; the
    instance counts stay as they are. Safe to repeat. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return (await asyncio_detailed(
        endpoint_name=endpoint_name,
client=client,

    )).parsed
