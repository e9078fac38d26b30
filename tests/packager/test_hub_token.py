"""The gated-model token comes from Secrets Manager (the emulator's) and stays secret."""

from __future__ import annotations

import json
from typing import Any

import pytest

from mlm.packager.errors import PackagingError
from mlm.packager.hub_token import read_token


def test_a_plain_secret_is_the_token(clients: Any, keys: Any) -> None:
    arn = clients.secretsmanager.create_secret(Name=f"{keys.tenant}/p", SecretString="hf_a")["ARN"]

    assert read_token(clients.secretsmanager, arn) == "hf_a"


def test_a_json_secret_keeps_the_token_under_token(clients: Any, keys: Any) -> None:
    body = json.dumps({"token": "hf_b"})
    arn = clients.secretsmanager.create_secret(Name=f"{keys.tenant}/j", SecretString=body)["ARN"]

    assert read_token(clients.secretsmanager, arn) == "hf_b"


def test_a_missing_secret_fails_without_naming_it(clients: Any, keys: Any) -> None:
    arn = f"arn:aws:secretsmanager:us-east-1:123456789012:secret:{keys.tenant}-none"

    with pytest.raises(PackagingError) as raised:
        read_token(clients.secretsmanager, arn)

    assert raised.value.code == "TOKEN_UNAVAILABLE"
    assert "does not exist" in raised.value.reason
    assert arn not in str(raised.value)
