"""Which sources and token secrets a tenant's packaging jobs may use."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mlm.errors import Unprocessable
from mlm.services.packaging.requests import PackagingRequest
from mlm.services.packaging.source_scope import SourceScope
from tests.services.packaging.examples import REQUEST, SECRET

SCOPE = SourceScope(
    artifact_bucket="artifacts",
    output_prefix="packaging",
    source_bucket="sources",
    secret_prefix="mlm/hf-token/",
)


def test_a_token_secret_under_the_tenants_prefix_is_accepted() -> None:
    request = replace(REQUEST, hf_token_secret_arn=SECRET.format("acme"))
    SCOPE.check(request, "acme")


@pytest.mark.parametrize("owner", ["other", "acme2"])
def test_another_tenants_token_secret_is_refused(owner: str) -> None:
    request = replace(REQUEST, hf_token_secret_arn=SECRET.format(owner))
    with pytest.raises(Unprocessable) as raised:
        SCOPE.check(request, "acme")
    assert raised.value.errors[0].field == "hf_token_secret_arn"
    assert "mlm/hf-token/acme/" in raised.value.detail


def _s3_source(uri: str) -> PackagingRequest:
    return replace(REQUEST, platform="s3", model_id=None, revision=None, s3_uri=uri)


@pytest.mark.parametrize(
    "uri", ["s3://artifacts/packaging/acme/glm/jobs/x/model/", "s3://sources/acme/glm-4/"]
)
def test_an_s3_source_in_the_tenants_places_is_accepted(uri: str) -> None:
    SCOPE.check(_s3_source(uri), "acme")


@pytest.mark.parametrize(
    "uri",
    [
        "s3://artifacts/packaging/other/glm/jobs/x/model/",
        "s3://artifacts/acme/glm/",  # outside the packaging prefix
        "s3://sources/acme2/glm/",
        "s3://elsewhere/acme/glm/",
    ],
)
def test_an_s3_source_outside_the_tenants_places_is_refused(uri: str) -> None:
    with pytest.raises(Unprocessable) as raised:
        SCOPE.check(_s3_source(uri), "acme")
    assert raised.value.errors[0].field == "source.s3_uri"
    assert "s3://sources/acme/" in raised.value.detail
