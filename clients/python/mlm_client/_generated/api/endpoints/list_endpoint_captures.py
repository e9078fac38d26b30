from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.captured_invocation_page import CapturedInvocationPage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    endpoint_name: str,
    *,
    variant: str | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["variant"] = variant

    json_start_time: str | Unset = UNSET
    if not isinstance(start_time, Unset):
        json_start_time = start_time.isoformat()
    params["start_time"] = json_start_time

    json_end_time: str | Unset = UNSET
    if not isinstance(end_time, Unset):
        json_end_time = end_time.isoformat()
    params["end_time"] = json_end_time

    params["page_size"] = page_size

    params["page_token"] = page_token


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/endpoints/{endpoint_name}/captures".format(endpoint_name=quote(str(endpoint_name), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CapturedInvocationPage | Problem:
    if response.status_code == 200:
        response_200 = CapturedInvocationPage.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CapturedInvocationPage | Problem]:
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
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> Response[CapturedInvocationPage | Problem]:
    """ An endpoint's captured invocations

     The records SageMaker data capture wrote for this endpoint (see `data_capture` on
    create and update), oldest first, over a time range of at most 24 hours (default:
    the last hour), optionally of one variant. Each has the request and/or the
    response as captured: text for the CSV and JSON content types, else base64.
    Only the caller's tenant's captures are ever read. Role: viewer.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        variant (str | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CapturedInvocationPage | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,
variant=variant,
start_time=start_time,
end_time=end_time,
page_size=page_size,
page_token=page_token,

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
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> CapturedInvocationPage | Problem | None:
    """ An endpoint's captured invocations

     The records SageMaker data capture wrote for this endpoint (see `data_capture` on
    create and update), oldest first, over a time range of at most 24 hours (default:
    the last hour), optionally of one variant. Each has the request and/or the
    response as captured: text for the CSV and JSON content types, else base64.
    Only the caller's tenant's captures are ever read. Role: viewer.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        variant (str | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CapturedInvocationPage | Problem
     """


    return sync_detailed(
        endpoint_name=endpoint_name,
client=client,
variant=variant,
start_time=start_time,
end_time=end_time,
page_size=page_size,
page_token=page_token,

    ).parsed

async def asyncio_detailed(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    variant: str | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> Response[CapturedInvocationPage | Problem]:
    """ An endpoint's captured invocations

     The records SageMaker data capture wrote for this endpoint (see `data_capture` on
    create and update), oldest first, over a time range of at most 24 hours (default:
    the last hour), optionally of one variant. Each has the request and/or the
    response as captured: text for the CSV and JSON content types, else base64.
    Only the caller's tenant's captures are ever read. Role: viewer.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        variant (str | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CapturedInvocationPage | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,
variant=variant,
start_time=start_time,
end_time=end_time,
page_size=page_size,
page_token=page_token,

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
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,

) -> CapturedInvocationPage | Problem | None:
    """ An endpoint's captured invocations

     The records SageMaker data capture wrote for this endpoint (see `data_capture` on
    create and update), oldest first, over a time range of at most 24 hours (default:
    the last hour), optionally of one variant. Each has the request and/or the
    response as captured: text for the CSV and JSON content types, else base64.
    Only the caller's tenant's captures are ever read. Role: viewer.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        variant (str | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CapturedInvocationPage | Problem
     """


    return (await asyncio_detailed(
        endpoint_name=endpoint_name,
client=client,
variant=variant,
start_time=start_time,
end_time=end_time,
page_size=page_size,
page_token=page_token,

    )).parsed
