from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.endpoint import Endpoint
from ...models.endpoint_update import EndpointUpdate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    endpoint_name: str,
    *,
    body: EndpointUpdate,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/endpoints/{endpoint_name}".format(endpoint_name=quote(str(endpoint_name), safe=""),),
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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())



        return response_412

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
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: EndpointUpdate,
    if_match: str | Unset = UNSET,

) -> Response[Endpoint | Problem]:
    """ Scale or update an endpoint

     Changes variants without downtime. Instance count and weight only: changed in place.
    Instance type or model version: a new endpoint config and a blue/green update
    (`deployment` chooses all at once, canary or linear traffic shifting, and with
    `auto_rollback` the alarms that roll it back by themselves). `409
    ENDPOINT_NOT_READY` while another change is in progress. Answers `202`; poll until
    `in_service`. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        if_match (str | Unset):
        body (EndpointUpdate): Variants to change, new data capture settings, or both.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Endpoint | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,
body=body,
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
    body: EndpointUpdate,
    if_match: str | Unset = UNSET,

) -> Endpoint | Problem | None:
    """ Scale or update an endpoint

     Changes variants without downtime. Instance count and weight only: changed in place.
    Instance type or model version: a new endpoint config and a blue/green update
    (`deployment` chooses all at once, canary or linear traffic shifting, and with
    `auto_rollback` the alarms that roll it back by themselves). `409
    ENDPOINT_NOT_READY` while another change is in progress. Answers `202`; poll until
    `in_service`. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        if_match (str | Unset):
        body (EndpointUpdate): Variants to change, new data capture settings, or both.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Endpoint | Problem
     """


    return sync_detailed(
        endpoint_name=endpoint_name,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: EndpointUpdate,
    if_match: str | Unset = UNSET,

) -> Response[Endpoint | Problem]:
    """ Scale or update an endpoint

     Changes variants without downtime. Instance count and weight only: changed in place.
    Instance type or model version: a new endpoint config and a blue/green update
    (`deployment` chooses all at once, canary or linear traffic shifting, and with
    `auto_rollback` the alarms that roll it back by themselves). `409
    ENDPOINT_NOT_READY` while another change is in progress. Answers `202`; poll until
    `in_service`. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        if_match (str | Unset):
        body (EndpointUpdate): Variants to change, new data capture settings, or both.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Endpoint | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,
body=body,
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
    body: EndpointUpdate,
    if_match: str | Unset = UNSET,

) -> Endpoint | Problem | None:
    """ Scale or update an endpoint

     Changes variants without downtime. Instance count and weight only: changed in place.
    Instance type or model version: a new endpoint config and a blue/green update
    (`deployment` chooses all at once, canary or linear traffic shifting, and with
    `auto_rollback` the alarms that roll it back by themselves). `409
    ENDPOINT_NOT_READY` while another change is in progress. Answers `202`; poll until
    `in_service`. Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        if_match (str | Unset):
        body (EndpointUpdate): Variants to change, new data capture settings, or both.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Endpoint | Problem
     """


    return (await asyncio_detailed(
        endpoint_name=endpoint_name,
client=client,
body=body,
if_match=if_match,

    )).parsed
