from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.approval_status import ApprovalStatus
from ...models.model_version_page import ModelVersionPage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    model_name: str,
    *,
    approval_status: ApprovalStatus | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_approval_status: str | Unset = UNSET
    if not isinstance(approval_status, Unset):
        json_approval_status = approval_status.value

    params["approval_status"] = json_approval_status

    params["page_size"] = page_size

    params["page_token"] = page_token


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/models/{model_name}/versions".format(model_name=quote(str(model_name), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ModelVersionPage | Problem:
    if response.status_code == 200:
        response_200 = ModelVersionPage.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ModelVersionPage | Problem]:
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
    approval_status: ApprovalStatus | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> Response[ModelVersionPage | Problem]:
    """ List a model's versions

     Versions in ascending order. Role: viewer.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        approval_status (ApprovalStatus | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelVersionPage | Problem]
     """


    kwargs = _get_kwargs(
        model_name=model_name,
approval_status=approval_status,
page_size=page_size,
page_token=page_token,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    model_name: str,
    *,
    client: AuthenticatedClient | Client,
    approval_status: ApprovalStatus | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> ModelVersionPage | Problem | None:
    """ List a model's versions

     Versions in ascending order. Role: viewer.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        approval_status (ApprovalStatus | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModelVersionPage | Problem
     """


    return sync_detailed(
        model_name=model_name,
client=client,
approval_status=approval_status,
page_size=page_size,
page_token=page_token,

    ).parsed

async def asyncio_detailed(
    model_name: str,
    *,
    client: AuthenticatedClient | Client,
    approval_status: ApprovalStatus | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> Response[ModelVersionPage | Problem]:
    """ List a model's versions

     Versions in ascending order. Role: viewer.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        approval_status (ApprovalStatus | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelVersionPage | Problem]
     """


    kwargs = _get_kwargs(
        model_name=model_name,
approval_status=approval_status,
page_size=page_size,
page_token=page_token,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    model_name: str,
    *,
    client: AuthenticatedClient | Client,
    approval_status: ApprovalStatus | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> ModelVersionPage | Problem | None:
    """ List a model's versions

     Versions in ascending order. Role: viewer.

    Args:
        model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at
            most 32. Example: glm-4-9b-chat.
        approval_status (ApprovalStatus | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModelVersionPage | Problem
     """


    return (await asyncio_detailed(
        model_name=model_name,
client=client,
approval_status=approval_status,
page_size=page_size,
page_token=page_token,

    )).parsed
