from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.model_version import ModelVersion
from ...models.model_version_update import ModelVersionUpdate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    model_name: str,
    version: int,
    *,
    body: ModelVersionUpdate,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/models/{model_name}/versions/{version}".format(model_name=quote(str(model_name), safe=""),version=quote(str(version), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    body: ModelVersionUpdate,
    if_match: str | Unset = UNSET,

) -> Response[ModelVersion | Problem]:
    """ Update a model version (approval, description, metadata)

     Changes the approval status (with a note; the approver is recorded), the description
    or metadata (a merge patch). Container and artifact are immutable: changing them
    means a new version (`409 VERSION_IMMUTABLE`). Role: operator; approval changes
    need admin.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        version (int):
        if_match (str | Unset):
        body (ModelVersionUpdate): Only these fields change; anything else (container, artifact…)
            needs a new version
            and is answered with `409 VERSION_IMMUTABLE`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelVersion | Problem]
     """


    kwargs = _get_kwargs(
        model_name=model_name,
version=version,
body=body,
if_match=if_match,

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
    body: ModelVersionUpdate,
    if_match: str | Unset = UNSET,

) -> ModelVersion | Problem | None:
    """ Update a model version (approval, description, metadata)

     Changes the approval status (with a note; the approver is recorded), the description
    or metadata (a merge patch). Container and artifact are immutable: changing them
    means a new version (`409 VERSION_IMMUTABLE`). Role: operator; approval changes
    need admin.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        version (int):
        if_match (str | Unset):
        body (ModelVersionUpdate): Only these fields change; anything else (container, artifact…)
            needs a new version
            and is answered with `409 VERSION_IMMUTABLE`.

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
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    model_name: str,
    version: int,
    *,
    client: AuthenticatedClient | Client,
    body: ModelVersionUpdate,
    if_match: str | Unset = UNSET,

) -> Response[ModelVersion | Problem]:
    """ Update a model version (approval, description, metadata)

     Changes the approval status (with a note; the approver is recorded), the description
    or metadata (a merge patch). Container and artifact are immutable: changing them
    means a new version (`409 VERSION_IMMUTABLE`). Role: operator; approval changes
    need admin.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        version (int):
        if_match (str | Unset):
        body (ModelVersionUpdate): Only these fields change; anything else (container, artifact…)
            needs a new version
            and is answered with `409 VERSION_IMMUTABLE`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelVersion | Problem]
     """


    kwargs = _get_kwargs(
        model_name=model_name,
version=version,
body=body,
if_match=if_match,

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
    body: ModelVersionUpdate,
    if_match: str | Unset = UNSET,

) -> ModelVersion | Problem | None:
    """ Update a model version (approval, description, metadata)

     Changes the approval status (with a note; the approver is recorded), the description
    or metadata (a merge patch). Container and artifact are immutable: changing them
    means a new version (`409 VERSION_IMMUTABLE`). Role: operator; approval changes
    need admin.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        version (int):
        if_match (str | Unset):
        body (ModelVersionUpdate): Only these fields change; anything else (container, artifact…)
            needs a new version
            and is answered with `409 VERSION_IMMUTABLE`.

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
body=body,
if_match=if_match,

    )).parsed
