from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.endpoint import Endpoint
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    endpoint_name: str,
    *,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/endpoints/{endpoint_name}".format(endpoint_name=quote(str(endpoint_name), safe=""),),
    }


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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())



        return response_412

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
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str | Unset = UNSET,

) -> Response[Endpoint | Problem]:
    """ Delete an endpoint

     Deletes the endpoint and the endpoint configs and SageMaker models the service
    created for it. Answers `202` with the endpoint in `deleting`. SageMaker refuses
    while the endpoint is creating or updating: `409 ENDPOINT_NOT_READY` with
    `Retry-After`. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Endpoint | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str | Unset = UNSET,

) -> Endpoint | Problem | None:
    """ Delete an endpoint

     Deletes the endpoint and the endpoint configs and SageMaker models the service
    created for it. Answers `202` with the endpoint in `deleting`. SageMaker refuses
    while the endpoint is creating or updating: `409 ENDPOINT_NOT_READY` with
    `Retry-After`. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Endpoint | Problem
     """


    return sync_detailed(
        endpoint_name=endpoint_name,
client=client,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str | Unset = UNSET,

) -> Response[Endpoint | Problem]:
    """ Delete an endpoint

     Deletes the endpoint and the endpoint configs and SageMaker models the service
    created for it. Answers `202` with the endpoint in `deleting`. SageMaker refuses
    while the endpoint is creating or updating: `409 ENDPOINT_NOT_READY` with
    `Retry-After`. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Endpoint | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str | Unset = UNSET,

) -> Endpoint | Problem | None:
    """ Delete an endpoint

     Deletes the endpoint and the endpoint configs and SageMaker models the service
    created for it. Answers `202` with the endpoint in `deleting`. SageMaker refuses
    while the endpoint is creating or updating: `409 ENDPOINT_NOT_READY` with
    `Retry-After`. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Endpoint | Problem
     """


    return (await asyncio_detailed(
        endpoint_name=endpoint_name,
client=client,
if_match=if_match,

    )).parsed
