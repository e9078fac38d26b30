from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.endpoint_alarms import EndpointAlarms
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    endpoint_name: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/endpoints/{endpoint_name}/alarms".format(endpoint_name=quote(str(endpoint_name), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EndpointAlarms | Problem:
    if response.status_code == 200:
        response_200 = EndpointAlarms.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EndpointAlarms | Problem]:
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

) -> Response[EndpointAlarms | Problem]:
    """ An endpoint's alarms and their states

     Each alarm (one CloudWatch alarm per kind and variant) with its threshold and its
    CloudWatch state (`ok`, `alarm`, `insufficient_data`) and reason, and the SNS topic
    they notify on every change. Role: viewer.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointAlarms | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,

) -> EndpointAlarms | Problem | None:
    """ An endpoint's alarms and their states

     Each alarm (one CloudWatch alarm per kind and variant) with its threshold and its
    CloudWatch state (`ok`, `alarm`, `insufficient_data`) and reason, and the SNS topic
    they notify on every change. Role: viewer.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointAlarms | Problem
     """


    return sync_detailed(
        endpoint_name=endpoint_name,
client=client,

    ).parsed

async def asyncio_detailed(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[EndpointAlarms | Problem]:
    """ An endpoint's alarms and their states

     Each alarm (one CloudWatch alarm per kind and variant) with its threshold and its
    CloudWatch state (`ok`, `alarm`, `insufficient_data`) and reason, and the SNS topic
    they notify on every change. Role: viewer.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointAlarms | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,

) -> EndpointAlarms | Problem | None:
    """ An endpoint's alarms and their states

     Each alarm (one CloudWatch alarm per kind and variant) with its threshold and its
    CloudWatch state (`ok`, `alarm`, `insufficient_data`) and reason, and the SNS topic
    they notify on every change. Role: viewer.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointAlarms | Problem
     """


    return (await asyncio_detailed(
        endpoint_name=endpoint_name,
client=client,

    )).parsed
