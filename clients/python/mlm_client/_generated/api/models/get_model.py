from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.model import Model
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    model_name: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/models/{model_name}".format(model_name=quote(str(model_name), safe=""),),
    }


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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

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

) -> Response[Model | Problem]:
    """ Get a model

     One model with its latest version number. Role: viewer.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Model | Problem]
     """


    kwargs = _get_kwargs(
        model_name=model_name,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    model_name: str,
    *,
    client: AuthenticatedClient | Client,

) -> Model | Problem | None:
    """ Get a model

     One model with its latest version number. Role: viewer.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Model | Problem
     """


    return sync_detailed(
        model_name=model_name,
client=client,

    ).parsed

async def asyncio_detailed(
    model_name: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Model | Problem]:
    """ Get a model

     One model with its latest version number. Role: viewer.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Model | Problem]
     """


    kwargs = _get_kwargs(
        model_name=model_name,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    model_name: str,
    *,
    client: AuthenticatedClient | Client,

) -> Model | Problem | None:
    """ Get a model

     One model with its latest version number. Role: viewer.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Model | Problem
     """


    return (await asyncio_detailed(
        model_name=model_name,
client=client,

    )).parsed
