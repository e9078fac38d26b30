from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.model_version import ModelVersion
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    model_name: str,
    version: int,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/models/{model_name}/versions/{version}".format(model_name=quote(str(model_name), safe=""),version=quote(str(version), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ModelVersion | Problem:
    if response.status_code == 200:
        response_200 = ModelVersion.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ModelVersion | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    model_name: str,
    version: int,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ModelVersion | Problem]:
    """ Get a model version

     One version, with where it is deployed. Role: viewer.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelVersion | Problem]
     """


    kwargs = _get_kwargs(
        model_name=model_name,
version=version,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    model_name: str,
    version: int,
    *,
    client: AuthenticatedClient | Client,

) -> ModelVersion | Problem | None:
    """ Get a model version

     One version, with where it is deployed. Role: viewer.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModelVersion | Problem
     """


    return sync_detailed(
        model_name=model_name,
version=version,
client=client,

    ).parsed

async def asyncio_detailed(
    model_name: str,
    version: int,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ModelVersion | Problem]:
    """ Get a model version

     One version, with where it is deployed. Role: viewer.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelVersion | Problem]
     """


    kwargs = _get_kwargs(
        model_name=model_name,
version=version,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    model_name: str,
    version: int,
    *,
    client: AuthenticatedClient | Client,

) -> ModelVersion | Problem | None:
    """ Get a model version

     One version, with where it is deployed. Role: viewer.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModelVersion | Problem
     """


    return (await asyncio_detailed(
        model_name=model_name,
version=version,
client=client,

    )).parsed
