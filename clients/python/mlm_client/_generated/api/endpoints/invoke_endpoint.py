from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.model_error_problem import ModelErrorProblem
from ...models.problem import Problem
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast



def _get_kwargs(
    endpoint_name: str,
    *,
    body:    Any  |     File  | Unset = UNSET,
    x_mlm_target_variant: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_mlm_target_variant, Unset):
        headers["X-Mlm-Target-Variant"] = x_mlm_target_variant



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/endpoints/{endpoint_name}/invocations".format(endpoint_name=quote(str(endpoint_name), safe=""),),
    }

    if isinstance(body, Any):
        _kwargs["json"] = body

        headers["Content-Type"] = "application/json"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ModelErrorProblem | Problem:
    if response.status_code == 200:
        response_200 = response.json()
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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 424:
        response_424 = ModelErrorProblem.from_dict(response.json())



        return response_424

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())



        return response_504

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ModelErrorProblem | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    body:    Any  |     File  | Unset = UNSET,
    x_mlm_target_variant: str | Unset = UNSET,

) -> Response[Any | ModelErrorProblem | Problem]:
    """ Invoke an endpoint

     Sends the body to the endpoint's model (SageMaker runtime `InvokeEndpoint`) and
    answers what the model answered. Body, `Content-Type` and `Accept` pass through
    untouched (JSON, text or binary; at most 6 MB, else `413`). `X-Mlm-Target-Variant`
    picks a variant; otherwise SageMaker routes by the variants' weights, and
    `X-Mlm-Invoked-Variant` says which one answered.

    With `Accept: text/event-stream` the answer streams
    (`InvokeEndpointWithResponseStream`) as server-sent events, one `chunk` event per
    part as it arrives (its text in `data:` lines; non-text parts as a `binary` event in
    base64), then `end`; a failure after the stream started is an `error` event
    (`{"code", "message"}`).

    The model failing is `424` with its own status and message (`original_status_code`,
    `original_message`); no answer in time is `504`; an endpoint that is not
    `in_service` is `409 ENDPOINT_NOT_READY`. Role: invoker (or operator, admin).

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        x_mlm_target_variant (str | Unset): Lowercase letters, digits and single hyphens; starts
            with a letter; at most 16. Example: primary.
        body (Any): Any JSON the model takes or gives, `null` included; MLM does not look inside.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ModelErrorProblem | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,
body=body,
x_mlm_target_variant=x_mlm_target_variant,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    body:    Any  |     File  | Unset = UNSET,
    x_mlm_target_variant: str | Unset = UNSET,

) -> Any | ModelErrorProblem | Problem | None:
    """ Invoke an endpoint

     Sends the body to the endpoint's model (SageMaker runtime `InvokeEndpoint`) and
    answers what the model answered. Body, `Content-Type` and `Accept` pass through
    untouched (JSON, text or binary; at most 6 MB, else `413`). `X-Mlm-Target-Variant`
    picks a variant; otherwise SageMaker routes by the variants' weights, and
    `X-Mlm-Invoked-Variant` says which one answered.

    With `Accept: text/event-stream` the answer streams
    (`InvokeEndpointWithResponseStream`) as server-sent events, one `chunk` event per
    part as it arrives (its text in `data:` lines; non-text parts as a `binary` event in
    base64), then `end`; a failure after the stream started is an `error` event
    (`{"code", "message"}`).

    The model failing is `424` with its own status and message (`original_status_code`,
    `original_message`); no answer in time is `504`; an endpoint that is not
    `in_service` is `409 ENDPOINT_NOT_READY`. Role: invoker (or operator, admin).

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        x_mlm_target_variant (str | Unset): Lowercase letters, digits and single hyphens; starts
            with a letter; at most 16. Example: primary.
        body (Any): Any JSON the model takes or gives, `null` included; MLM does not look inside.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ModelErrorProblem | Problem
     """


    return sync_detailed(
        endpoint_name=endpoint_name,
client=client,
body=body,
x_mlm_target_variant=x_mlm_target_variant,

    ).parsed

async def asyncio_detailed(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    body:    Any  |     File  | Unset = UNSET,
    x_mlm_target_variant: str | Unset = UNSET,

) -> Response[Any | ModelErrorProblem | Problem]:
    """ Invoke an endpoint

     Sends the body to the endpoint's model (SageMaker runtime `InvokeEndpoint`) and
    answers what the model answered. Body, `Content-Type` and `Accept` pass through
    untouched (JSON, text or binary; at most 6 MB, else `413`). `X-Mlm-Target-Variant`
    picks a variant; otherwise SageMaker routes by the variants' weights, and
    `X-Mlm-Invoked-Variant` says which one answered.

    With `Accept: text/event-stream` the answer streams
    (`InvokeEndpointWithResponseStream`) as server-sent events, one `chunk` event per
    part as it arrives (its text in `data:` lines; non-text parts as a `binary` event in
    base64), then `end`; a failure after the stream started is an `error` event
    (`{"code", "message"}`).

    The model failing is `424` with its own status and message (`original_status_code`,
    `original_message`); no answer in time is `504`; an endpoint that is not
    `in_service` is `409 ENDPOINT_NOT_READY`. Role: invoker (or operator, admin).

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        x_mlm_target_variant (str | Unset): Lowercase letters, digits and single hyphens; starts
            with a letter; at most 16. Example: primary.
        body (Any): Any JSON the model takes or gives, `null` included; MLM does not look inside.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ModelErrorProblem | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,
body=body,
x_mlm_target_variant=x_mlm_target_variant,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    body:    Any  |     File  | Unset = UNSET,
    x_mlm_target_variant: str | Unset = UNSET,

) -> Any | ModelErrorProblem | Problem | None:
    """ Invoke an endpoint

     Sends the body to the endpoint's model (SageMaker runtime `InvokeEndpoint`) and
    answers what the model answered. Body, `Content-Type` and `Accept` pass through
    untouched (JSON, text or binary; at most 6 MB, else `413`). `X-Mlm-Target-Variant`
    picks a variant; otherwise SageMaker routes by the variants' weights, and
    `X-Mlm-Invoked-Variant` says which one answered.

    With `Accept: text/event-stream` the answer streams
    (`InvokeEndpointWithResponseStream`) as server-sent events, one `chunk` event per
    part as it arrives (its text in `data:` lines; non-text parts as a `binary` event in
    base64), then `end`; a failure after the stream started is an `error` event
    (`{"code", "message"}`).

    The model failing is `424` with its own status and message (`original_status_code`,
    `original_message`); no answer in time is `504`; an endpoint that is not
    `in_service` is `409 ENDPOINT_NOT_READY`. Role: invoker (or operator, admin).

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        x_mlm_target_variant (str | Unset): Lowercase letters, digits and single hyphens; starts
            with a letter; at most 16. Example: primary.
        body (Any): Any JSON the model takes or gives, `null` included; MLM does not look inside.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ModelErrorProblem | Problem
     """


    return (await asyncio_detailed(
        endpoint_name=endpoint_name,
client=client,
body=body,
x_mlm_target_variant=x_mlm_target_variant,

    )).parsed
