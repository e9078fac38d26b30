"""SNS Subscribe answers as AWS does for subscriptions that must be confirmed.

AWS docs (Subscribe, ``ReturnSubscriptionArn``): "If you set this parameter to false, the
response includes the ARN for confirmed subscriptions, but it includes an ARN value of
'pending confirmation' for subscriptions that are not yet confirmed. A subscription
becomes confirmed when the subscriber calls the ConfirmSubscription action" — email and
HTTP/HTTPS subscriptions start unconfirmed. moto 5.2.5 answered their ARN at once.
"""

from __future__ import annotations

from typing import Any

from moto.core.responses import ActionResult
from moto.sns.responses import SNSResponse

_ORIGINAL = SNSResponse.subscribe
_NEEDS_CONFIRMATION = {"email", "email-json", "http", "https"}


def subscribe(self: SNSResponse) -> Any:
    answer = _ORIGINAL(self)
    returns_arn = str(self._get_param("ReturnSubscriptionArn", "false")).lower() == "true"
    if self._get_param("Protocol") in _NEEDS_CONFIRMATION and not returns_arn:
        return ActionResult({"SubscriptionArn": "pending confirmation"})
    return answer


def install() -> None:
    setattr(SNSResponse, "subscribe", subscribe)  # noqa: B010
