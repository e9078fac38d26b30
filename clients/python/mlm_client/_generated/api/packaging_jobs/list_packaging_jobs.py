from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.packaging_job_page import PackagingJobPage
from ...models.packaging_job_status import PackagingJobStatus
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    status: PackagingJobStatus | Unset = UNSET,
    model_name: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["model_name"] = model_name

    params["page_size"] = page_size

    params["page_token"] = page_token


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/packaging-jobs",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PackagingJobPage | Problem:
    if response.status_code == 200:
        response_200 = PackagingJobPage.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PackagingJobPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: PackagingJobStatus | Unset = UNSET,
    model_name: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> Response[PackagingJobPage | Problem]:
    """ List packaging jobs

     The tenant's packaging jobs, newest first. Role: viewer.

    Args:
        status (PackagingJobStatus | Unset): AWS Batch's state of the job; `cancelled` is a job
            terminated through this API.
        model_name (str | Unset): Lowercase letters, digits and single hyphens; starts with a
            letter; at most 32.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PackagingJobPage | Problem]
     """


    kwargs = _get_kwargs(
        status=status,
model_name=model_name,
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
    status: PackagingJobStatus | Unset = UNSET,
    model_name: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> PackagingJobPage | Problem | None:
    """ List packaging jobs

     The tenant's packaging jobs, newest first. Role: viewer.

    Args:
        status (PackagingJobStatus | Unset): AWS Batch's state of the job; `cancelled` is a job
            terminated through this API.
        model_name (str | Unset): Lowercase letters, digits and single hyphens; starts with a
            letter; at most 32.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PackagingJobPage | Problem
     """


    return sync_detailed(
        client=client,
status=status,
model_name=model_name,
page_size=page_size,
page_token=page_token,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: PackagingJobStatus | Unset = UNSET,
    model_name: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> Response[PackagingJobPage | Problem]:
    """ List packaging jobs

     The tenant's packaging jobs, newest first. Role: viewer.

    Args:
        status (PackagingJobStatus | Unset): AWS Batch's state of the job; `cancelled` is a job
            terminated through this API.
        model_name (str | Unset): Lowercase letters, digits and single hyphens; starts with a
            letter; at most 32.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PackagingJobPage | Problem]
     """


    kwargs = _get_kwargs(
        status=status,
model_name=model_name,
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
    status: PackagingJobStatus | Unset = UNSET,
    model_name: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> PackagingJobPage | Problem | None:
    """ List packaging jobs

     The tenant's packaging jobs, newest first. Role: viewer.

    Args:
        status (PackagingJobStatus | Unset): AWS Batch's state of the job; `cancelled` is a job
            terminated through this API.
        model_name (str | Unset): Lowercase letters, digits and single hyphens; starts with a
            letter; at most 32.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PackagingJobPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
status=status,
model_name=model_name,
page_size=page_size,
page_token=page_token,

    )).parsed
