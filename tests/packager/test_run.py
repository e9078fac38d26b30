"""package(): the whole run against the local hub and the emulator's S3."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from mlm.packager import ArtifactFormat, Options, PackagingError, Phase, Progress, package
from mlm.packager.request import split_s3_uri
from mlm.packager.run import LOCAL_FILES, PackagerClients
from mlm.packager.selection import CONFIG, SAFETENSORS_INDEX
from tests.botocore_hooks import hooked
from tests.packager.hub import HOLD_SECONDS, Hub, Repo
from tests.packager.models import CHATGLM, LLAMA, tiny_llm_files
from tests.polling import poll


def _objects(clients: PackagerClients, uri: str) -> dict[str, bytes]:
    bucket, prefix = split_s3_uri(uri)
    listing = clients.s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", [])
    return {
        o["Key"][len(prefix) :]: clients.s3.get_object(Bucket=bucket, Key=o["Key"])["Body"].read()
        for o in listing
    }


def _manifest(clients: PackagerClients, uri: str) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(_objects(clients, uri)["manifest.json"])
    return body


def test_packages_a_hub_model_as_a_prefix_with_a_manifest_whose_checksums_match(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any, output_uri: str
) -> None:
    repo = hub.add(Repo(repo_id, tiny_llm_files(LLAMA)))

    result = package(make_request(repo_id), clients)

    stored = _objects(clients, output_uri)
    manifest = json.loads(stored["manifest.json"])
    assert {f["path"] for f in manifest["files"]} == {
        "config.json",
        "generation_config.json",
        "model-00001-of-00002.safetensors",
        "model-00002-of-00002.safetensors",
        "model.safetensors.index.json",
        "tokenizer.json",
        "tokenizer_config.json",
    }
    for entry in manifest["files"]:
        body = stored["model/" + entry["path"]]
        assert hashlib.sha256(body).hexdigest() == entry["sha256"]
        assert len(body) == entry["size"] == len(repo.files[entry["path"]])
    assert manifest["source"]["commit"] == repo.sha == result.source_commit
    assert result.artifact_uri == output_uri + "model/"
    assert result.manifest_uri == output_uri + "manifest.json"


def test_result_reports_series_parameters_dtype_and_serving_environment(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any
) -> None:
    hub.add(Repo(repo_id, tiny_llm_files(LLAMA, shards=2, rows=64)))

    result = package(make_request(repo_id), clients)

    assert (result.series, result.parameter_count, result.dtype) == ("llama", 2 * 64 * 32, "BF16")
    assert result.container_image.endswith("djl-inference:0.33.0-lmi15.0.0-cu128")
    assert result.environment["HF_MODEL_ID"] == "/opt/ml/model"
    assert result.recommended_instance_types  # KV cache for 128k tokens still fits somewhere


def test_downloads_pin_the_commit_the_revision_resolved_to(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any
) -> None:
    repo = hub.add(Repo(repo_id, tiny_llm_files(LLAMA)))

    package(make_request(repo_id), clients)

    downloads = [p for m, p in hub.requests if m == "GET" and p.startswith(f"/{repo_id}/resolve/")]
    assert downloads
    assert all(p.startswith(f"/{repo_id}/resolve/{repo.sha}/") for p in downloads)


def test_progress_goes_through_the_phases_in_order_and_ends_complete(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any
) -> None:
    hub.add(Repo(repo_id, tiny_llm_files(LLAMA)))
    seen: list[Progress] = []

    package(make_request(repo_id), clients, seen.append)

    phases = list(dict.fromkeys(p.phase for p in seen))
    assert phases == [
        Phase.RESOLVING,
        Phase.DOWNLOADING,
        Phase.UPLOADING,
        Phase.DONE,
    ]
    last_download = [p for p in seen if p.phase is Phase.DOWNLOADING][-1]
    assert last_download.files_done == last_download.files_total == 7
    assert last_download.bytes_done == last_download.bytes_total > 0
    last_upload = [p for p in seen if p.phase is Phase.UPLOADING][-1]
    assert last_upload.files_done == last_upload.files_total == 7
    assert last_upload.bytes_done == last_upload.bytes_total == last_download.bytes_total


PUT = "before-parameter-build.s3.PutObject"


def _set_on_put_of(name: str, event: threading.Event) -> Any:
    """A PutObject hook that sets ``event`` once the model file ``name`` is sent."""

    def note(params: dict[str, Any], **_: Any) -> None:
        if params["Key"].endswith(f"/model/{name}"):
            event.set()

    return note


def test_a_file_starts_uploading_while_later_files_still_download(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any
) -> None:
    # The last shard is served only once config.json is on its way to S3.
    shard = "model-00002-of-00002.safetensors"
    config_sent = threading.Event()
    hub.add(Repo(repo_id, tiny_llm_files(LLAMA), held={shard: config_sent}))

    with hooked(clients.s3, PUT, _set_on_put_of("config.json", config_sent)):
        package(make_request(repo_id), clients)

    assert hub.repos[repo_id].released == {shard: True}


def test_an_uploaded_file_leaves_local_disk_while_later_files_still_download(
    hub: Hub,
    repo_id: str,
    clients: PackagerClients,
    make_request: Any,
    tmp_path: Path,
) -> None:
    # The last shard is held until config.json is uploaded and gone from the work dir.
    shard = "model-00002-of-00002.safetensors"
    release = threading.Event()
    hub.add(Repo(repo_id, tiny_llm_files(LLAMA), held={shard: release}))
    config_sent = threading.Event()

    with (
        hooked(clients.s3, PUT, _set_on_put_of("config.json", config_sent)),
        ThreadPoolExecutor(max_workers=1) as pool,
    ):
        run = pool.submit(package, make_request(repo_id, work_dir=tmp_path), clients)
        try:
            # Sent, then no longer on disk: removed once its upload was done.
            poll(
                lambda: config_sent.is_set() and not list(tmp_path.glob("*/config.json")),
                bool,
                "config.json uploaded and removed while a shard is still downloading",
            )
        finally:
            release.set()
        run.result()

    assert hub.repos[repo_id].released == {shard: True}


def test_local_disk_never_holds_more_than_its_room_of_model_files(
    hub: Hub,
    repo_id: str,
    clients: PackagerClients,
    make_request: Any,
    tmp_path: Path,
) -> None:
    shards = LOCAL_FILES + 4
    hub.add(Repo(repo_id, tiny_llm_files(LLAMA, shards=shards)))
    permits = threading.Semaphore(0)  # each upload waits for one: downloads press on room

    def hold(**_: Any) -> None:
        permits.acquire(timeout=HOLD_SECONDS)

    # Files the download workers fetched, in the work dir: not huggingface_hub's .cache,
    # nor the two read before downloading starts (series detection, the shard list).
    read_first = {CONFIG, SAFETENSORS_INDEX}

    def on_disk() -> int:
        files = tmp_path.glob("mlm-package-*/**/*")
        return sum(
            1 for f in files if f.is_file() and ".cache" not in f.parts and f.name not in read_first
        )

    seen = []
    with hooked(clients.s3, PUT, hold), ThreadPoolExecutor(max_workers=1) as pool:
        run = pool.submit(package, make_request(repo_id, work_dir=tmp_path), clients)
        try:
            seen.append(poll(on_disk, lambda n: n >= LOCAL_FILES, "downloads to fill the room"))
            for _ in range(shards + 8):  # every file and the manifest, one at a time
                seen.append(on_disk())
                permits.release()
        finally:
            for _ in range(100):
                permits.release()
        run.result()

    assert max(seen) == LOCAL_FILES


def test_tar_gz_format_uploads_one_tarball_holding_the_files(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any, output_uri: str
) -> None:
    repo = hub.add(Repo(repo_id, tiny_llm_files(LLAMA)))

    result = package(make_request(repo_id, artifact_format=ArtifactFormat.TAR_GZ), clients)

    stored = _objects(clients, output_uri)
    assert set(stored) == {"model.tar.gz", "manifest.json"}
    with tarfile.open(fileobj=io.BytesIO(stored["model.tar.gz"]), mode="r:gz") as tar:
        names = tar.getnames()
        config = tar.extractfile("config.json")
        assert config is not None
        assert config.read() == repo.files["config.json"]
    assert "model-00001-of-00002.safetensors" in names
    manifest = json.loads(stored["manifest.json"])
    assert manifest["artifact"]["sha256"] == hashlib.sha256(stored["model.tar.gz"]).hexdigest()
    assert result.artifact_uri == output_uri + "model.tar.gz"


def test_model_code_is_downloaded_only_when_remote_code_is_trusted(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any
) -> None:
    files = {**tiny_llm_files(CHATGLM), "modeling_chatglm.py": b"# code"}
    hub.add(Repo(repo_id, files))

    result = package(make_request(repo_id, options=Options(trust_remote_code=True)), clients)

    assert result.series == "chatglm"
    assert result.environment["OPTION_TRUST_REMOTE_CODE"] == "true"
    manifest = _manifest(clients, result.manifest_uri.removesuffix("manifest.json"))
    assert "modeling_chatglm.py" in {f["path"] for f in manifest["files"]}


def test_custom_code_model_without_trust_remote_code_fails_before_downloading_weights(
    hub: Hub, repo_id: str, clients: PackagerClients, make_request: Any
) -> None:
    hub.add(Repo(repo_id, {**tiny_llm_files(CHATGLM), "modeling_chatglm.py": b"# code"}))

    with pytest.raises(PackagingError) as raised:
        package(make_request(repo_id), clients)

    assert raised.value.code == "REMOTE_CODE_REQUIRED"
    fetched = [p for m, p in hub.requests if m == "GET" and p.startswith(f"/{repo_id}/")]
    assert not [p for p in fetched if p.endswith(".safetensors")]
