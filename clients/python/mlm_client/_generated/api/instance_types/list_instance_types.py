from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.instance_type_page import InstanceTypePage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    accelerated: bool | Unset = UNSET,
    min_gpu_memory_gib: float | Unset = UNSET,
    family: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["accelerated"] = accelerated

    params["min_gpu_memory_gib"] = min_gpu_memory_gib

    params["family"] = family

    params["page_size"] = page_size

    params["page_token"] = page_token


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/instance-types",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> InstanceTypePage | Problem:
    if response.status_code == 200:
        response_200 = InstanceTypePage.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[InstanceTypePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    accelerated: bool | Unset = UNSET,
    min_gpu_memory_gib: float | Unset = UNSET,
    family: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> Response[InstanceTypePage | Problem]:
    """ List instance types for real-time endpoints

     The SageMaker instance types that real-time endpoints accept, with their GPUs, vCPUs
    and memory. A figure the service does not know for certain is `null`. Role: viewer.

    Args:
        accelerated (bool | Unset):
        min_gpu_memory_gib (float | Unset):
        family (str | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InstanceTypePage | Problem]
     """


    kwargs = _get_kwargs(
        accelerated=accelerated,
min_gpu_memory_gib=min_gpu_memory_gib,
family=family,
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
    accelerated: bool | Unset = UNSET,
    min_gpu_memory_gib: float | Unset = UNSET,
    family: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> InstanceTypePage | Problem | None:
    """ List instance types for real-time endpoints

     The SageMaker instance types that real-time endpoints accept, with their GPUs, vCPUs
    and memory. A figure the service does not know for certain is `null`. Role: viewer.

    Args:
        accelerated (bool | Unset):
        min_gpu_memory_gib (float | Unset):
        family (str | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InstanceTypePage | Problem
     """


    return sync_detailed(
        client=client,
accelerated=accelerated,
min_gpu_memory_gib=min_gpu_memory_gib,
family=family,
page_size=page_size,
page_token=page_token,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    accelerated: bool | Unset = UNSET,
    min_gpu_memory_gib: float | Unset = UNSET,
    family: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> Response[InstanceTypePage | Problem]:
    """ List instance types for real-time endpoints

     The SageMaker instance types that real-time endpoints accept, with their GPUs, vCPUs
    and memory. A figure the service does not know for certain is `null`. Role: viewer.

    Args:
        accelerated (bool | Unset):
        min_gpu_memory_gib (float | Unset):
        family (str | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InstanceTypePage | Problem]
     """


    kwargs = _get_kwargs(
        accelerated=accelerated,
min_gpu_memory_gib=min_gpu_memory_gib,
family=family,
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
    accelerated: bool | Unset = UNSET,
    min_gpu_memory_gib: float | Unset = UNSET,
    family: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> InstanceTypePage | Problem | None:
    """ List instance types for real-time endpoints

     The SageMaker instance types that real-time endpoints accept, with their GPUs, vCPUs
    and memory. A figure the service does not know for certain is `null`. Role: viewer.

    Args:
        accelerated (bool | Unset):
        min_gpu_memory_gib (float | Unset):
        family (str | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InstanceTypePage | Problem
     """


    return (await asyncio_detailed(
        client=client,
accelerated=accelerated,
min_gpu_memory_gib=min_gpu_memory_gib,
family=family,
page_size=page_size,
page_token=page_token,

    )).parsed
