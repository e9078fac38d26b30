"""API keys and the audit trail through the Python SDK, against a live `mlm serve`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from mlm_client import MLM
from mlm_client.errors import Unauthorized

from tests.live_server import LiveServer, live_server

pytestmark = pytest.mark.process


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with live_server(tmp_path_factory.mktemp("keys")) as running:
        yield running


def test_a_key_is_created_used_rotated_revoked_and_audited(server: LiveServer) -> None:
    with MLM(server.base_url, server.api_key) as admin:
        created = admin.create_api_key({"name": "sdk-ci", "role": "viewer"})
        with MLM(server.base_url, created.secret) as ci:
            assert ci.list_models().items == []
        rotated = admin.rotate_api_key("sdk-ci")
        admin.revoke_api_key("sdk-ci")
        with MLM(server.base_url, rotated.secret) as ci, pytest.raises(Unauthorized):
            ci.list_models()
        events = admin.list_audit_events(key_name="dev").items
    operations = [e.operation_id for e in reversed(events)]
    assert operations[-3:] == ["create_api_key", "rotate_api_key", "revoke_api_key"]
