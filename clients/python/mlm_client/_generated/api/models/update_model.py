from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.model import Model
from ...models.model_update import ModelUpdate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    model_name: str,
    *,
    body: ModelUpdate,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/models/{model_name}".format(model_name=quote(str(model_name), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Model | Problem:
    if response.status_code == 200:
        response_200 = Model.from_dict(response.json())



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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())



        return response_412

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Model | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    model_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: ModelUpdate,
    if_match: str | Unset = UNSET,

) -> Response[Model | Problem]:
    """ Update a model

     A JSON merge patch of description, task, owner, metadata and tags: a map key set to
    `null` is removed. Mandatory metadata keys cannot be removed. Role: operator.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        if_match (str | Unset):
        body (ModelUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Model | Problem]
     """


    kwargs = _get_kwargs(
        model_name=model_name,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    model_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: ModelUpdate,
    if_match: str | Unset = UNSET,

) -> Model | Problem | None:
    """ Update a model

     A JSON merge patch of description, task, owner, metadata and tags: a map key set to
    `null` is removed. Mandatory metadata keys cannot be removed. Role: operator.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        if_match (str | Unset):
        body (ModelUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Model | Problem
     """


    return sync_detailed(
        model_name=model_name,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    model_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: ModelUpdate,
    if_match: str | Unset = UNSET,

) -> Response[Model | Problem]:
    """ Update a model

     A JSON merge patch of description, task, owner, metadata and tags: a map key set to
    `null` is removed. Mandatory metadata keys cannot be removed. Role: operator.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        if_match (str | Unset):
        body (ModelUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Model | Problem]
     """


    kwargs = _get_kwargs(
        model_name=model_name,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    model_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: ModelUpdate,
    if_match: str | Unset = UNSET,

) -> Model | Problem | None:
    """ Update a model

     A JSON merge patch of description, task, owner, metadata and tags: a map key set to
    `null` is removed. Mandatory metadata keys cannot be removed. Role: operator.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        if_match (str | Unset):
        body (ModelUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Model | Problem
     """


    return (await asyncio_detailed(
        model_name=model_name,
client=client,
body=body,
if_match=if_match,

    )).parsed
