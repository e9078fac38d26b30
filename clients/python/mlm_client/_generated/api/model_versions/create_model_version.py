from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.model_version import ModelVersion
from ...models.model_version_create import ModelVersionCreate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    model_name: str,
    *,
    body: ModelVersionCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/models/{model_name}/versions".format(model_name=quote(str(model_name), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ModelVersion | Problem:
    if response.status_code == 201:
        response_201 = ModelVersion.from_dict(response.json())



        return response_201

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
    *,
    client: AuthenticatedClient | Client,
    body: ModelVersionCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[ModelVersion | Problem]:
    """ Register a model version

     Registers an immutable version (a SageMaker model package): the serving container
    and, unless the container loads the model itself, the artifact. Versions are
    numbered 1, 2, 3… Role: operator.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        idempotency_key (str | Unset):
        body (ModelVersionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelVersion | Problem]
     """


    kwargs = _get_kwargs(
        model_name=model_name,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    model_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: ModelVersionCreate,
    idempotency_key: str | Unset = UNSET,

) -> ModelVersion | Problem | None:
    """ Register a model version

     Registers an immutable version (a SageMaker model package): the serving container
    and, unless the container loads the model itself, the artifact. Versions are
    numbered 1, 2, 3… Role: operator.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        idempotency_key (str | Unset):
        body (ModelVersionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModelVersion | Problem
     """


    return sync_detailed(
        model_name=model_name,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    model_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: ModelVersionCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[ModelVersion | Problem]:
    """ Register a model version

     Registers an immutable version (a SageMaker model package): the serving container
    and, unless the container loads the model itself, the artifact. Versions are
    numbered 1, 2, 3… Role: operator.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        idempotency_key (str | Unset):
        body (ModelVersionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelVersion | Problem]
     """


    kwargs = _get_kwargs(
        model_name=model_name,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    model_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: ModelVersionCreate,
    idempotency_key: str | Unset = UNSET,

) -> ModelVersion | Problem | None:
    """ Register a model version

     Registers an immutable version (a SageMaker model package): the serving container
    and, unless the container loads the model itself, the artifact. Versions are
    numbered 1, 2, 3… Role: operator.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        idempotency_key (str | Unset):
        body (ModelVersionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModelVersion | Problem
     """


    return (await asyncio_detailed(
        model_name=model_name,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
