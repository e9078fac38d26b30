from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.model_page import ModelPage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    name_prefix: str | Unset = UNSET,
    task: str | Unset = UNSET,
    owner: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["name_prefix"] = name_prefix

    params["task"] = task

    params["owner"] = owner

    params["page_size"] = page_size

    params["page_token"] = page_token


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/models",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ModelPage | Problem:
    if response.status_code == 200:
        response_200 = ModelPage.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ModelPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    name_prefix: str | Unset = UNSET,
    task: str | Unset = UNSET,
    owner: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> Response[ModelPage | Problem]:
    """ List models

     The tenant's models, by name. Role: viewer.

    Args:
        name_prefix (str | Unset):
        task (str | Unset): Lowercase letters, digits, `_` and `-`, starting with a letter or
            digit; at most 64.
        owner (str | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelPage | Problem]
     """


    kwargs = _get_kwargs(
        name_prefix=name_prefix,
task=task,
owner=owner,
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
    name_prefix: str | Unset = UNSET,
    task: str | Unset = UNSET,
    owner: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> ModelPage | Problem | None:
    """ List models

     The tenant's models, by name. Role: viewer.

    Args:
        name_prefix (str | Unset):
        task (str | Unset): Lowercase letters, digits, `_` and `-`, starting with a letter or
            digit; at most 64.
        owner (str | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModelPage | Problem
     """


    return sync_detailed(
        client=client,
name_prefix=name_prefix,
task=task,
owner=owner,
page_size=page_size,
page_token=page_token,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    name_prefix: str | Unset = UNSET,
    task: str | Unset = UNSET,
    owner: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> Response[ModelPage | Problem]:
    """ List models

     The tenant's models, by name. Role: viewer.

    Args:
        name_prefix (str | Unset):
        task (str | Unset): Lowercase letters, digits, `_` and `-`, starting with a letter or
            digit; at most 64.
        owner (str | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelPage | Problem]
     """


    kwargs = _get_kwargs(
        name_prefix=name_prefix,
task=task,
owner=owner,
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
    name_prefix: str | Unset = UNSET,
    task: str | Unset = UNSET,
    owner: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> ModelPage | Problem | None:
    """ List models

     The tenant's models, by name. Role: viewer.

    Args:
        name_prefix (str | Unset):
        task (str | Unset): Lowercase letters, digits, `_` and `-`, starting with a letter or
            digit; at most 64.
        owner (str | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModelPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
name_prefix=name_prefix,
task=task,
owner=owner,
page_size=page_size,
page_token=page_token,

    )).parsed
