from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.log_line_page import LogLinePage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    endpoint_name: str,
    *,
    variant: str | Unset = UNSET,
    instance_id: str | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    contains: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    follow: bool | Unset = False,
    follow_seconds: int | Unset = 300,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["variant"] = variant

    params["instance_id"] = instance_id

    json_start_time: str | Unset = UNSET
    if not isinstance(start_time, Unset):
        json_start_time = start_time.isoformat()
    params["start_time"] = json_start_time

    json_end_time: str | Unset = UNSET
    if not isinstance(end_time, Unset):
        json_end_time = end_time.isoformat()
    params["end_time"] = json_end_time

    params["contains"] = contains

    params["page_size"] = page_size

    params["page_token"] = page_token

    params["follow"] = follow

    params["follow_seconds"] = follow_seconds


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/endpoints/{endpoint_name}/logs".format(endpoint_name=quote(str(endpoint_name), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LogLinePage | Problem:
    if response.status_code == 200:
        response_200 = LogLinePage.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LogLinePage | Problem]:
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
    variant: str | Unset = UNSET,
    instance_id: str | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    contains: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    follow: bool | Unset = False,
    follow_seconds: int | Unset = 300,

) -> Response[LogLinePage | Problem]:
    """ An endpoint's log lines

     What the endpoint's containers printed, from CloudWatch Logs (group
    `/aws/sagemaker/Endpoints/<endpoint>`, one stream per instance named
    `<variant>/<instance id>`), oldest first, over a time range (default: the last
    hour): start-up, failures and one line per invocation. `variant` (and
    `instance_id`) narrow it to those instances; `contains` keeps only lines that
    contain the text (case-sensitive). Role: viewer.

    With `follow=true` the answer is `text/event-stream`: a `log` event per line as it
    arrives (`data:` is the line as JSON, `id:` its CloudWatch event id), a comment
    while nothing arrives, an `error` event (`{"code", "message"}`) if AWS fails
    meanwhile, and `end` after `follow_seconds`.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        variant (str | Unset):
        instance_id (str | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        contains (str | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        follow (bool | Unset):  Default: False.
        follow_seconds (int | Unset):  Default: 300.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LogLinePage | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,
variant=variant,
instance_id=instance_id,
start_time=start_time,
end_time=end_time,
contains=contains,
page_size=page_size,
page_token=page_token,
follow=follow,
follow_seconds=follow_seconds,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    variant: str | Unset = UNSET,
    instance_id: str | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    contains: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    follow: bool | Unset = False,
    follow_seconds: int | Unset = 300,

) -> LogLinePage | Problem | None:
    """ An endpoint's log lines

     What the endpoint's containers printed, from CloudWatch Logs (group
    `/aws/sagemaker/Endpoints/<endpoint>`, one stream per instance named
    `<variant>/<instance id>`), oldest first, over a time range (default: the last
    hour): start-up, failures and one line per invocation. `variant` (and
    `instance_id`) narrow it to those instances; `contains` keeps only lines that
    contain the text (case-sensitive). Role: viewer.

    With `follow=true` the answer is `text/event-stream`: a `log` event per line as it
    arrives (`data:` is the line as JSON, `id:` its CloudWatch event id), a comment
    while nothing arrives, an `error` event (`{"code", "message"}`) if AWS fails
    meanwhile, and `end` after `follow_seconds`.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        variant (str | Unset):
        instance_id (str | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        contains (str | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        follow (bool | Unset):  Default: False.
        follow_seconds (int | Unset):  Default: 300.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LogLinePage | Problem
     """


    return sync_detailed(
        endpoint_name=endpoint_name,
client=client,
variant=variant,
instance_id=instance_id,
start_time=start_time,
end_time=end_time,
contains=contains,
page_size=page_size,
page_token=page_token,
follow=follow,
follow_seconds=follow_seconds,

    ).parsed

async def asyncio_detailed(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    variant: str | Unset = UNSET,
    instance_id: str | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    contains: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    follow: bool | Unset = False,
    follow_seconds: int | Unset = 300,

) -> Response[LogLinePage | Problem]:
    """ An endpoint's log lines

     What the endpoint's containers printed, from CloudWatch Logs (group
    `/aws/sagemaker/Endpoints/<endpoint>`, one stream per instance named
    `<variant>/<instance id>`), oldest first, over a time range (default: the last
    hour): start-up, failures and one line per invocation. `variant` (and
    `instance_id`) narrow it to those instances; `contains` keeps only lines that
    contain the text (case-sensitive). Role: viewer.

    With `follow=true` the answer is `text/event-stream`: a `log` event per line as it
    arrives (`data:` is the line as JSON, `id:` its CloudWatch event id), a comment
    while nothing arrives, an `error` event (`{"code", "message"}`) if AWS fails
    meanwhile, and `end` after `follow_seconds`.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        variant (str | Unset):
        instance_id (str | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        contains (str | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        follow (bool | Unset):  Default: False.
        follow_seconds (int | Unset):  Default: 300.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LogLinePage | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,
variant=variant,
instance_id=instance_id,
start_time=start_time,
end_time=end_time,
contains=contains,
page_size=page_size,
page_token=page_token,
follow=follow,
follow_seconds=follow_seconds,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    variant: str | Unset = UNSET,
    instance_id: str | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    contains: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    follow: bool | Unset = False,
    follow_seconds: int | Unset = 300,

) -> LogLinePage | Problem | None:
    """ An endpoint's log lines

     What the endpoint's containers printed, from CloudWatch Logs (group
    `/aws/sagemaker/Endpoints/<endpoint>`, one stream per instance named
    `<variant>/<instance id>`), oldest first, over a time range (default: the last
    hour): start-up, failures and one line per invocation. `variant` (and
    `instance_id`) narrow it to those instances; `contains` keeps only lines that
    contain the text (case-sensitive). Role: viewer.

    With `follow=true` the answer is `text/event-stream`: a `log` event per line as it
    arrives (`data:` is the line as JSON, `id:` its CloudWatch event id), a comment
    while nothing arrives, an `error` event (`{"code", "message"}`) if AWS fails
    meanwhile, and `end` after `follow_seconds`.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        variant (str | Unset):
        instance_id (str | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        contains (str | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        follow (bool | Unset):  Default: False.
        follow_seconds (int | Unset):  Default: 300.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LogLinePage | Problem
     """


    return (await asyncio_detailed(
        endpoint_name=endpoint_name,
client=client,
variant=variant,
instance_id=instance_id,
start_time=start_time,
end_time=end_time,
contains=contains,
page_size=page_size,
page_token=page_token,
follow=follow,
follow_seconds=follow_seconds,

    )).parsed
