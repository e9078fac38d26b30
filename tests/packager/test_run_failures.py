"""package(): each failure ends as a PackagingError with a plain reason, nothing left in S3."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from mlm.packager import Options, PackagingError, package
from mlm.packager.request import Platform, Source, split_s3_uri
from mlm.packager.run import PackagerClients
from tests.botocore_hooks import hooked
from tests.packager.hub import Hub, Repo
from tests.packager.models import FALCON, LLAMA, config_bytes, tiny_llm_files

TOKEN = "hf_test_token_value"


def _left_in_s3(clients: PackagerClients, uri: str) -> tuple[list[str], list[str]]:
    bucket, prefix = split_s3_uri(uri)
    objects = clients.s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", [])
    uploads = clients.s3.list_multipart_uploads(Bucket=bucket, Prefix=prefix).get("Uploads", [])
    return [o["Key"] for o in objects], [u["Key"] for u in uploads]


def _fails(request: Any, clients: PackagerClients) -> PackagingError:
    with pytest.raises(PackagingError) as raised:
        package(request, clients)
    return raised.value


def test_missing_model_fails_as_not_found(clients: PackagerClients, make_request: Any) -> None:
    error = _fails(make_request("acme/no-such-model"), clients)

    assert error.code == "SOURCE_NOT_FOUND"
    assert "acme/no-such-model" in error.reason


def test_missing_revision_fails_as_revision_not_found(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any
) -> None:
    hub.add(Repo(repo_id, tiny_llm_files(LLAMA)))
    request = make_request(
        repo_id, source=Source(Platform.HUGGINGFACE, model_id=repo_id, revision="v9")
    )

    assert _fails(request, clients).code == "REVISION_NOT_FOUND"


def test_gated_model_without_a_token_fails_asking_for_one(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any, output_uri: str
) -> None:
    hub.add(Repo(repo_id, tiny_llm_files(LLAMA), gated_token=TOKEN))

    error = _fails(make_request(repo_id), clients)

    assert error.code == "GATED_MODEL"
    assert "hf_token_secret_arn" in error.reason
    assert _left_in_s3(clients, output_uri) == ([], [])


def test_gated_model_downloads_with_the_token_from_secrets_manager_and_never_shows_it(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any, output_uri: str
) -> None:
    hub.add(Repo(repo_id, tiny_llm_files(LLAMA), gated_token=TOKEN))
    arn = clients.secretsmanager.create_secret(Name=f"hf/{repo_id}", SecretString=TOKEN)["ARN"]

    result = package(make_request(repo_id, hf_token_secret_arn=arn), clients)

    bucket, prefix = split_s3_uri(output_uri)
    manifest = clients.s3.get_object(Bucket=bucket, Key=prefix + "manifest.json")["Body"].read()
    assert TOKEN not in manifest.decode()
    assert TOKEN not in json.dumps(result.to_dict())


def test_gated_model_with_a_token_without_access_says_so(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any
) -> None:
    hub.add(Repo(repo_id, tiny_llm_files(LLAMA), gated_token=TOKEN))
    arn = clients.secretsmanager.create_secret(Name=f"hf/{repo_id}", SecretString="hf_other")["ARN"]

    error = _fails(make_request(repo_id, hf_token_secret_arn=arn), clients)

    assert error.code == "GATED_MODEL"
    assert "not been granted access" in error.reason
    assert "hf_other" not in str(error)


def test_model_without_weights_fails_before_uploading(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any, output_uri: str
) -> None:
    hub.add(Repo(repo_id, {"config.json": config_bytes(LLAMA), "README.md": b"#"}))

    error = _fails(make_request(repo_id), clients)

    assert error.code == "NO_WEIGHTS"
    assert _left_in_s3(clients, output_uri) == ([], [])


def test_unknown_series_fails_listing_the_supported_ones(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any
) -> None:
    config = {"model_type": "mamba", "architectures": ["MambaForCausalLM"]}
    hub.add(Repo(repo_id, tiny_llm_files(config)))

    error = _fails(make_request(repo_id), clients)

    assert error.code == "UNKNOWN_SERIES"
    assert "mamba" in error.reason
    assert "llama" in error.reason
    assert "chatglm" in error.reason


def test_settings_the_serving_container_would_refuse_fail_before_any_download(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any
) -> None:
    hub.add(Repo(repo_id, tiny_llm_files(FALCON)))  # served by TGI, which refuses fp32

    error = _fails(make_request(repo_id, options=Options(dtype="fp32")), clients)

    assert error.code == "INVALID_REQUEST"
    assert "fp32" in error.reason
    mine = [p for m, p in hub.requests if m == "GET" and p.startswith(f"/{repo_id}/")]
    assert mine  # the config was read…
    assert not [p for p in mine if p.endswith(".safetensors")]  # …and no weights


def test_unknown_series_packages_with_the_recipe_the_request_names(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any
) -> None:
    hub.add(Repo(repo_id, tiny_llm_files({"model_type": "mamba", "num_hidden_layers": 2})))

    assert package(make_request(repo_id, series="llama"), clients).series == "llama"


def test_server_errors_mid_download_are_retried(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any
) -> None:
    shard = "model-00001-of-00002.safetensors"
    hub.add(Repo(repo_id, tiny_llm_files(LLAMA), unavailable={shard: 2}))

    result = package(make_request(repo_id), clients)

    gets = [p for m, p in hub.requests if m == "GET" and p.startswith(f"/{repo_id}/resolve/")]
    gets = [p for p in gets if p.endswith(shard)]
    assert len(gets) == 3
    assert result.parameter_count is not None


def test_a_connection_cut_mid_body_resumes_and_the_file_is_whole(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any, output_uri: str
) -> None:
    shard = "model-00002-of-00002.safetensors"
    repo = hub.add(Repo(repo_id, tiny_llm_files(LLAMA, rows=4096), cut_once={shard}))

    package(make_request(repo_id), clients)

    bucket, prefix = split_s3_uri(output_uri)
    body = clients.s3.get_object(Bucket=bucket, Key=f"{prefix}model/{shard}")["Body"].read()
    assert hashlib.sha256(body).digest() == hashlib.sha256(repo.files[shard]).digest()


def test_a_network_error_that_persists_fails_after_the_retries(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any, output_uri: str
) -> None:
    shard = "model-00001-of-00002.safetensors"
    hub.add(Repo(repo_id, tiny_llm_files(LLAMA), unavailable={shard: 100}))

    error = _fails(make_request(repo_id), clients)

    assert error.code == "NETWORK_ERROR"
    assert "3 attempts" in error.reason
    assert _left_in_s3(clients, output_uri) == ([], [])


def test_an_s3_error_mid_upload_aborts_and_leaves_nothing(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any, output_uri: str
) -> None:
    hub.add(Repo(repo_id, tiny_llm_files(LLAMA, shards=1, rows=6 * 1024 * 1024 // 64 * 2)))
    parts: list[int] = []

    def break_second_part(params: dict[str, Any], **_: Any) -> None:
        # Over the wire: S3 itself refuses a part number above 10,000.
        parts.append(1)
        if len(parts) == 2:
            params["PartNumber"] = 10001

    with hooked(clients.s3, "before-parameter-build.s3.UploadPart", break_second_part):
        error = _fails(make_request(repo_id), clients)

    assert error.code == "UPLOAD_FAILED"
    assert _left_in_s3(clients, output_uri) == ([], [])


def test_packages_from_an_s3_prefix(
    clients: PackagerClients, make_request: Any, output_uri: str
) -> None:
    bucket, prefix = split_s3_uri(output_uri)
    source_prefix = prefix.replace("job-1/", "source/")
    for name, body in tiny_llm_files(LLAMA).items():
        clients.s3.put_object(Bucket=bucket, Key=source_prefix + name, Body=body)
    source = Source(Platform.S3, s3_uri=f"s3://{bucket}/{source_prefix}")

    result = package(make_request("unused", source=source), clients)

    assert (result.series, result.source_commit) == ("llama", None)
    assert result.parameter_count == 2 * 64 * 32


def test_an_empty_s3_prefix_fails_as_not_found(
    clients: PackagerClients, make_request: Any, output_uri: str
) -> None:
    bucket, _ = split_s3_uri(output_uri)
    source = Source(Platform.S3, s3_uri=f"s3://{bucket}/nothing-here/")

    assert _fails(make_request("unused", source=source), clients).code == "SOURCE_NOT_FOUND"
