from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.packaging_job import PackagingJob
from ...models.packaging_job_create import PackagingJobCreate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: PackagingJobCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/packaging-jobs",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PackagingJob | Problem:
    if response.status_code == 202:
        response_202 = PackagingJob.from_dict(response.json())



        return response_202

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

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
    *,
    client: AuthenticatedClient | Client,
    body: PackagingJobCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[PackagingJob | Problem]:
    """ Package a model on AWS Batch

     Submits an AWS Batch job that runs the packager (`mlm package`): it resolves the
    source (a Hugging Face model id, pinned to a commit, or an S3 prefix), downloads
    only what serving needs, validates it, applies the series recipe and uploads the
    artifact and a `manifest.json` under the job's prefix. When the job succeeds and
    `target.register_version` is true, the output becomes a new version of
    `target.model_name` (once). Answers `202` at once; poll
    `GET /v1/packaging-jobs/{job_id}`. A gated model's token is read by the job from
    the secret `hf_token_secret_arn` names; never send a token. Role: operator.

    Args:
        idempotency_key (str | Unset):
        body (PackagingJobCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PackagingJob | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: PackagingJobCreate,
    idempotency_key: str | Unset = UNSET,

) -> PackagingJob | Problem | None:
    """ Package a model on AWS Batch

     Submits an AWS Batch job that runs the packager (`mlm package`): it resolves the
    source (a Hugging Face model id, pinned to a commit, or an S3 prefix), downloads
    only what serving needs, validates it, applies the series recipe and uploads the
    artifact and a `manifest.json` under the job's prefix. When the job succeeds and
    `target.register_version` is true, the output becomes a new version of
    `target.model_name` (once). Answers `202` at once; poll
    `GET /v1/packaging-jobs/{job_id}`. A gated model's token is read by the job from
    the secret `hf_token_secret_arn` names; never send a token. Role: operator.

    Args:
        idempotency_key (str | Unset):
        body (PackagingJobCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PackagingJob | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PackagingJobCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[PackagingJob | Problem]:
    """ Package a model on AWS Batch

     Submits an AWS Batch job that runs the packager (`mlm package`): it resolves the
    source (a Hugging Face model id, pinned to a commit, or an S3 prefix), downloads
    only what serving needs, validates it, applies the series recipe and uploads the
    artifact and a `manifest.json` under the job's prefix. When the job succeeds and
    `target.register_version` is true, the output becomes a new version of
    `target.model_name` (once). Answers `202` at once; poll
    `GET /v1/packaging-jobs/{job_id}`. A gated model's token is read by the job from
    the secret `hf_token_secret_arn` names; never send a token. Role: operator.

    Args:
        idempotency_key (str | Unset):
        body (PackagingJobCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PackagingJob | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PackagingJobCreate,
    idempotency_key: str | Unset = UNSET,

) -> PackagingJob | Problem | None:
    """ Package a model on AWS Batch

     Submits an AWS Batch job that runs the packager (`mlm package`): it resolves the
    source (a Hugging Face model id, pinned to a commit, or an S3 prefix), downloads
    only what serving needs, validates it, applies the series recipe and uploads the
    artifact and a `manifest.json` under the job's prefix. When the job succeeds and
    `target.register_version` is true, the output becomes a new version of
    `target.model_name` (once). Answers `202` at once; poll
    `GET /v1/packaging-jobs/{job_id}`. A gated model's token is read by the job from
    the secret `hf_token_secret_arn` names; never send a token. Role: operator.

    Args:
        idempotency_key (str | Unset):
        body (PackagingJobCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PackagingJob | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
