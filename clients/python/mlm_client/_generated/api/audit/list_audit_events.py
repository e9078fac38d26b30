from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.audit_event_page import AuditEventPage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    key_name: str | Unset = UNSET,
    operation_id: str | Unset = UNSET,
    target: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

    params["key_name"] = key_name

    params["operation_id"] = operation_id

    params["target"] = target

    params["page_size"] = page_size

    params["page_token"] = page_token


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/audit-events",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditEventPage | Problem:
    if response.status_code == 200:
        response_200 = AuditEventPage.from_dict(response.json())



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

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuditEventPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    key_name: str | Unset = UNSET,
    operation_id: str | Unset = UNSET,
    target: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> Response[AuditEventPage | Problem]:
    """ List audit events

     The tenant's audit trail, newest first: every change (POST, PATCH, DELETE; not
    invocations) and every refused request (401 for a known key, 403, 429), with who,
    what, the outcome and the AWS request ids. Never a secret or a request body. Kept
    for `MLM_AUDIT_RETENTION_DAYS`. Role: admin. With a filter that matches few
    events, one call reads a bounded part of the trail: a page may then hold fewer
    items than `page_size` (even none) with a `next_page_token` to go on from where
    it stopped; the end of the trail is the page whose `next_page_token` is null.

    Args:
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        key_name (str | Unset):
        operation_id (str | Unset):
        target (str | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEventPage | Problem]
     """


    kwargs = _get_kwargs(
        since=since,
until=until,
key_name=key_name,
operation_id=operation_id,
target=target,
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
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    key_name: str | Unset = UNSET,
    operation_id: str | Unset = UNSET,
    target: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> AuditEventPage | Problem | None:
    """ List audit events

     The tenant's audit trail, newest first: every change (POST, PATCH, DELETE; not
    invocations) and every refused request (401 for a known key, 403, 429), with who,
    what, the outcome and the AWS request ids. Never a secret or a request body. Kept
    for `MLM_AUDIT_RETENTION_DAYS`. Role: admin. With a filter that matches few
    events, one call reads a bounded part of the trail: a page may then hold fewer
    items than `page_size` (even none) with a `next_page_token` to go on from where
    it stopped; the end of the trail is the page whose `next_page_token` is null.

    Args:
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        key_name (str | Unset):
        operation_id (str | Unset):
        target (str | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEventPage | Problem
     """


    return sync_detailed(
        client=client,
since=since,
until=until,
key_name=key_name,
operation_id=operation_id,
target=target,
page_size=page_size,
page_token=page_token,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    key_name: str | Unset = UNSET,
    operation_id: str | Unset = UNSET,
    target: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> Response[AuditEventPage | Problem]:
    """ List audit events

     The tenant's audit trail, newest first: every change (POST, PATCH, DELETE; not
    invocations) and every refused request (401 for a known key, 403, 429), with who,
    what, the outcome and the AWS request ids. Never a secret or a request body. Kept
    for `MLM_AUDIT_RETENTION_DAYS`. Role: admin. With a filter that matches few
    events, one call reads a bounded part of the trail: a page may then hold fewer
    items than `page_size` (even none) with a `next_page_token` to go on from where
    it stopped; the end of the trail is the page whose `next_page_token` is null.

    Args:
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        key_name (str | Unset):
        operation_id (str | Unset):
        target (str | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEventPage | Problem]
     """


    kwargs = _get_kwargs(
        since=since,
until=until,
key_name=key_name,
operation_id=operation_id,
target=target,
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
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    key_name: str | Unset = UNSET,
    operation_id: str | Unset = UNSET,
    target: str | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> AuditEventPage | Problem | None:
    """ List audit events

     The tenant's audit trail, newest first: every change (POST, PATCH, DELETE; not
    invocations) and every refused request (401 for a known key, 403, 429), with who,
    what, the outcome and the AWS request ids. Never a secret or a request body. Kept
    for `MLM_AUDIT_RETENTION_DAYS`. Role: admin. With a filter that matches few
    events, one call reads a bounded part of the trail: a page may then hold fewer
    items than `page_size` (even none) with a `next_page_token` to go on from where
    it stopped; the end of the trail is the page whose `next_page_token` is null.

    Args:
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        key_name (str | Unset):
        operation_id (str | Unset):
        target (str | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEventPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
since=since,
until=until,
key_name=key_name,
operation_id=operation_id,
target=target,
page_size=page_size,
page_token=page_token,

    )).parsed
