"""The Hugging Face token of a gated model, read from AWS Secrets Manager.

The token never appears in a request, a log line, the manifest or an error: errors name
the secret's problem, not its value or ARN.
"""

from __future__ import annotations

import json
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from mlm.packager.errors import TOKEN_UNAVAILABLE, PackagingError

# Keys a JSON secret may keep the token under (a plain-string secret is the token itself).
_JSON_KEYS = ("token", "hf_token", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN")


def read_token(secrets_client: Any, secret_arn: str) -> str:
    """The token stored in the secret; PackagingError when it cannot be read."""
    try:
        answer = secrets_client.get_secret_value(SecretId=secret_arn)
    except ClientError as error:
        code = str(error.response.get("Error", {}).get("Code", ""))
        if code == "ResourceNotFoundException":
            why = "the secret does not exist"
        elif code in {"AccessDeniedException", "AccessDenied"}:
            why = "the job may not read it"
        else:
            why = f"Secrets Manager refused ({code or 'unknown error'})"
        raise PackagingError(
            TOKEN_UNAVAILABLE, f"The Hugging Face token secret could not be read: {why}."
        ) from None
    except BotoCoreError:
        raise PackagingError(
            TOKEN_UNAVAILABLE,
            "The Hugging Face token secret could not be read: Secrets Manager was unreachable.",
        ) from None
    return _token_from(str(answer.get("SecretString") or ""))


def _token_from(secret: str) -> str:
    text = secret.strip()
    if text.startswith("{"):
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict):
            for key in _JSON_KEYS:
                if isinstance(parsed.get(key), str) and parsed[key].strip():
                    return str(parsed[key]).strip()
        raise PackagingError(
            TOKEN_UNAVAILABLE,
            "The Hugging Face token secret is JSON without a 'token' key.",
        )
    if not text:
        raise PackagingError(TOKEN_UNAVAILABLE, "The Hugging Face token secret is empty.")
    return text
