"""The checks of a packaging request."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mlm.errors import Unprocessable
from mlm.services.packaging import requests
from tests.services.packaging.examples import REQUEST


def test_an_s3_source_needs_an_s3_uri() -> None:
    with pytest.raises(Unprocessable) as raised:
        requests.check(replace(REQUEST, platform="s3", model_id=None, revision=None))
    assert raised.value.errors[0].field == "source.s3_uri"
