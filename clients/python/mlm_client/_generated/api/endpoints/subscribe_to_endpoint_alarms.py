from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.alarm_subscription import AlarmSubscription
from ...models.alarm_subscription_create import AlarmSubscriptionCreate
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    endpoint_name: str,
    *,
    body: AlarmSubscriptionCreate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/endpoints/{endpoint_name}/alarms/subscriptions".format(endpoint_name=quote(str(endpoint_name), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AlarmSubscription | Problem:
    if response.status_code == 201:
        response_201 = AlarmSubscription.from_dict(response.json())



        return response_201

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AlarmSubscription | Problem]:
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
    body: AlarmSubscriptionCreate,

) -> Response[AlarmSubscription | Problem]:
    """ Subscribe an email address or a webhook to an endpoint's alarms

     Subscribes to the endpoint's SNS topic: every alarm state change is sent there
    (CloudWatch's JSON notification). SNS asks the address or URL to confirm first
    (`confirmed: false` until then). Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        body (AlarmSubscriptionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlarmSubscription | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: AlarmSubscriptionCreate,

) -> AlarmSubscription | Problem | None:
    """ Subscribe an email address or a webhook to an endpoint's alarms

     Subscribes to the endpoint's SNS topic: every alarm state change is sent there
    (CloudWatch's JSON notification). SNS asks the address or URL to confirm first
    (`confirmed: false` until then). Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        body (AlarmSubscriptionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlarmSubscription | Problem
     """


    return sync_detailed(
        endpoint_name=endpoint_name,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: AlarmSubscriptionCreate,

) -> Response[AlarmSubscription | Problem]:
    """ Subscribe an email address or a webhook to an endpoint's alarms

     Subscribes to the endpoint's SNS topic: every alarm state change is sent there
    (CloudWatch's JSON notification). SNS asks the address or URL to confirm first
    (`confirmed: false` until then). Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        body (AlarmSubscriptionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlarmSubscription | Problem]
     """


    kwargs = _get_kwargs(
        endpoint_name=endpoint_name,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    endpoint_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: AlarmSubscriptionCreate,

) -> AlarmSubscription | Problem | None:
    """ Subscribe an email address or a webhook to an endpoint's alarms

     Subscribes to the endpoint's SNS topic: every alarm state change is sent there
    (CloudWatch's JSON notification). SNS asks the address or URL to confirm first
    (`confirmed: false` until then). Role: operator.

    Args:
        endpoint_name (str): Lowercase letters, digits and single hyphens; starts with a letter;
            at most 32. Example: glm-4-9b-chat.
        body (AlarmSubscriptionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlarmSubscription | Problem
     """


    return (await asyncio_detailed(
        endpoint_name=endpoint_name,
client=client,
body=body,

    )).parsed
