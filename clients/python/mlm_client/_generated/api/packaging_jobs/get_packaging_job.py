from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.packaging_job import PackagingJob
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    job_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/packaging-jobs/{job_id}".format(job_id=quote(str(job_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PackagingJob | Problem:
    if response.status_code == 200:
        response_200 = PackagingJob.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PackagingJob | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[PackagingJob | Problem]:
    """ Get a packaging job

     Batch's status, the packager's `phase` and `progress` (null until the packager
    has reported), the `output` once packaged, the registered `model_version`, and a
    plain-words `failure_reason` when it failed. Reading a succeeded job registers its
    version if that has not happened yet. Role: viewer.

    Args:
        job_id (str):  Example: glm-4-9b-chat-3f9a0c12de.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PackagingJob | Problem]
     """


    kwargs = _get_kwargs(
        job_id=job_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> PackagingJob | Problem | None:
    """ Get a packaging job

     Batch's status, the packager's `phase` and `progress` (null until the packager
    has reported), the `output` once packaged, the registered `model_version`, and a
    plain-words `failure_reason` when it failed. Reading a succeeded job registers its
    version if that has not happened yet. Role: viewer.

    Args:
        job_id (str):  Example: glm-4-9b-chat-3f9a0c12de.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PackagingJob | Problem
     """


    return sync_detailed(
        job_id=job_id,
client=client,

    ).parsed

async def asyncio_detailed(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[PackagingJob | Problem]:
    """ Get a packaging job

     Batch's status, the packager's `phase` and `progress` (null until the packager
    has reported), the `output` once packaged, the registered `model_version`, and a
    plain-words `failure_reason` when it failed. Reading a succeeded job registers its
    version if that has not happened yet. Role: viewer.

    Args:
        job_id (str):  Example: glm-4-9b-chat-3f9a0c12de.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PackagingJob | Problem]
     """


    kwargs = _get_kwargs(
        job_id=job_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> PackagingJob | Problem | None:
    """ Get a packaging job

     Batch's status, the packager's `phase` and `progress` (null until the packager
    has reported), the `output` once packaged, the registered `model_version`, and a
    plain-words `failure_reason` when it failed. Reading a succeeded job registers its
    version if that has not happened yet. Role: viewer.

    Args:
        job_id (str):  Example: glm-4-9b-chat-3f9a0c12de.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PackagingJob | Problem
     """


    return (await asyncio_detailed(
        job_id=job_id,
client=client,

    )).parsed
