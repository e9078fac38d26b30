"""One packaging run: resolve → download → validate → upload, reporting progress.

``package(request, clients, progress)`` is the library entry point (``mlm package`` and
the Batch wiring call it). It raises PackagingError for anything that stops it; the work
directory is removed and nothing is left under the output prefix when it fails.
"""

from __future__ import annotations

import functools
import json
import logging
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlm import naming
from mlm.catalog.instance_types import InstanceTypeCatalog, production_variant_instance_types
from mlm.packager import manifest, series, sizing
from mlm.packager.errors import INVALID_WEIGHTS, PackagingError
from mlm.packager.hub_token import read_token
from mlm.packager.progress import Phase, ProgressCallback, ProgressTracker
from mlm.packager.request import ArtifactFormat, PackageRequest, Platform, split_s3_uri
from mlm.packager.safetensors import TensorInfo, WeightsSummary, read_header, summarize
from mlm.packager.selection import CONFIG, Selection, WeightsFormat, select
from mlm.packager.sources import HubSource, ModelSource, S3Source
from mlm.packager.upload import Uploader

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

log = logging.getLogger(__name__)
MODEL_DIR_KEY = "model/"
TARBALL_KEY = "model.tar.gz"
DOWNLOAD_WORKERS = 4
LOCAL_FILES = 2 * DOWNLOAD_WORKERS  # model files on local disk at once (s3_prefix)


@dataclass
class PackagerClients:
    s3: S3Client
    secretsmanager: Any = None  # needed only with hf_token_secret_arn
    catalog: InstanceTypeCatalog = field(
        default_factory=lambda: InstanceTypeCatalog(production_variant_instance_types())
    )


@dataclass(frozen=True)
class PackageResult:
    """The run's output: what the API reports and registration needs."""

    artifact_uri: str
    format: str
    manifest_uri: str
    series: str
    container_image: str
    environment: dict[str, str]
    startup_health_check_timeout_seconds: int
    source_commit: str | None
    parameter_count: int | None
    dtype: str | None
    size_bytes: int
    estimated_gpu_memory_gib: float | None
    recommended_instance_types: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def package(
    request: PackageRequest, clients: PackagerClients, progress: ProgressCallback | None = None
) -> PackageResult:
    request.validate()
    tracker = ProgressTracker(progress)
    tracker.start(Phase.RESOLVING)
    with tempfile.TemporaryDirectory(prefix="mlm-package-", dir=request.work_dir) as tmp:
        work = Path(tmp)
        source = _resolve(request, clients)
        fetched: dict[str, Path] = {}

        def read_json(path: str) -> object:
            fetched[path] = source.fetch(path, work, lambda _n: None)
            return _load_json(fetched[path])

        selection = select(source.list_files(), request.options.trust_remote_code, read_json)
        config = read_json(CONFIG)
        if not isinstance(config, dict):
            raise PackagingError(INVALID_WEIGHTS, "The model's config.json is not a JSON object.")
        # Decide the recipe before downloading gigabytes: unknown series fail fast.
        recipe = series.detect(config, {f.path for f in selection.files}, request.series)
        series.check_remote_code(recipe, request.options.trust_remote_code)
        options = request.options
        series.check_settings(
            recipe,
            dtype=options.dtype,
            quantization=options.quantization,
            max_model_len=options.max_model_len,
        )
        image = series.image_uri(recipe, request.region)

        bucket, prefix = split_s3_uri(request.output_uri)
        tags = naming.managed_tags(request.tenant, request.model_name)
        uploader = Uploader(clients.s3, bucket, prefix, request.tuning, tags)
        checked, artifact = _transfer(request, source, selection, work, fetched, tracker, uploader)
        summary = None
        if selection.weights_format is WeightsFormat.SAFETENSORS:
            summary = summarize([c.tensors for c in checked if c.tensors is not None])
        estimate = _estimate(request, recipe, config, summary, clients.catalog)
        environment = series.environment(
            recipe, config, _serving_settings(request, estimate, clients.catalog)
        )
        serving = _Serving(recipe, image, environment, source.commit)
        entries = [c.entry for c in checked]
        return _write_manifest(
            request, uploader, tracker, entries, artifact, serving, summary, selection, estimate
        )


def _resolve(request: PackageRequest, clients: PackagerClients) -> ModelSource:
    if request.source.platform is Platform.S3:
        return S3Source(request.source, clients.s3, request.tuning).resolve()
    token = None
    if request.hf_token_secret_arn:
        token = read_token(clients.secretsmanager, request.hf_token_secret_arn)
    return HubSource(request.source, token, request.hf_endpoint, request.tuning).resolve()


def _load_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None


@dataclass(frozen=True)
class _Checked:
    entry: manifest.FileEntry
    tensors: dict[str, TensorInfo] | None  # a safetensors file's header


def _download_and_check(
    source: ModelSource,
    selection: Selection,
    work: Path,
    fetched: dict[str, Path],
    tracker: ProgressTracker,
    on_checked: Callable[[Path, str, Callable[[], None]], None] | None = None,
    room: threading.Semaphore | None = None,
) -> list[_Checked]:
    """Download every selected file and check it as it lands (size, sha256, safetensors
    header), then hand it to ``on_checked``: with a prefix artifact it is uploaded while
    the other files still download. With ``room``, each download first takes a place in
    it. The first failure cancels what has not begun."""
    tracker.start(Phase.DOWNLOADING, selection.total_bytes, len(selection.files))
    headers = (
        {w.path for w in selection.weights}
        if selection.weights_format is WeightsFormat.SAFETENSORS
        else set()
    )

    def fetch_and_check(path: str) -> _Checked:
        # A download takes a place in ``room`` first (files read before this phase, such
        # as config.json, are already here); on_checked gives it back once the file is gone.
        release: Callable[[], None] = lambda: None  # noqa: E731
        if room is not None and path not in fetched:
            room.acquire()
            release = room.release
        try:
            if path in fetched:
                local = fetched[path]
                tracker.add_bytes(local.stat().st_size)
            else:
                local = source.fetch(path, work, tracker.add_bytes)
            tensors = read_header(local) if path in headers else None
            entry = manifest.FileEntry(
                path=path, size=local.stat().st_size, sha256=manifest.sha256_file(local)
            )
            if on_checked is not None:
                on_checked(local, path, release)
        except BaseException:
            release()  # never handed over: a failure must not starve the other downloads
            raise
        tracker.file_done()
        return _Checked(entry, tensors)

    with ThreadPoolExecutor(max_workers=DOWNLOAD_WORKERS) as pool:
        futures = [pool.submit(fetch_and_check, f.path) for f in selection.files]
        try:
            # In selection order: the manifest lists files as the selection does.
            return [future.result() for future in futures]
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise


def _transfer(
    request: PackageRequest,
    source: ModelSource,
    selection: Selection,
    work: Path,
    fetched: dict[str, Path],
    tracker: ProgressTracker,
    uploader: Uploader,
) -> tuple[list[_Checked], dict[str, Any]]:
    """Download, check and upload every file → (the checked files, the artifact)."""
    total, count = selection.total_bytes, len(selection.files)
    if request.artifact_format is ArtifactFormat.TAR_GZ:
        # A tarball streams the files in order: it starts once all are here and checked
        # (so it needs local room for the whole model; a prefix needs LOCAL_FILES files).
        checked = _download_and_check(source, selection, work, fetched, tracker)
        tracker.start(Phase.UPLOADING, total, count)
        files = [(work / c.entry.path, c.entry.path) for c in checked]
        tarball = uploader.upload_tarball(files, TARBALL_KEY, tracker.add_bytes)
        return checked, {
            "uri": f"s3://{uploader.bucket}/{uploader.prefix}{TARBALL_KEY}",
            "format": ArtifactFormat.TAR_GZ.value,
            "size": tarball.size,
            "sha256": tarball.sha256,
        }
    uploaded_bytes = functools.partial(tracker.add_bytes, phase=Phase.UPLOADING)
    uploaded_file = functools.partial(tracker.file_done, phase=Phase.UPLOADING)
    # A file leaves local disk once uploaded, and a download waits for room: the disk
    # holds at most LOCAL_FILES downloaded files (plus the few read up front), so a model
    # larger than the job's ephemeral storage still packages, while downloads run ahead
    # of uploads by that much.
    room = threading.BoundedSemaphore(LOCAL_FILES)
    with uploader.file_uploads(uploaded_bytes, uploaded_file) as uploads:

        def upload_then_remove(local: Path, path: str, release: Callable[[], None]) -> None:
            def remove() -> None:
                local.unlink(missing_ok=True)
                release()

            uploads.submit(local, MODEL_DIR_KEY + path, on_done=remove)

        checked = _download_and_check(
            source, selection, work, fetched, tracker, upload_then_remove, room
        )
        tracker.start(Phase.UPLOADING, total, count)  # some files may be up already
    return checked, {
        "uri": f"s3://{uploader.bucket}/{uploader.prefix}{MODEL_DIR_KEY}",
        "format": ArtifactFormat.S3_PREFIX.value,
    }


def _bytes_per_parameter(
    request: PackageRequest, recipe: series.Recipe, summary: WeightsSummary | None
) -> float | None:
    options = request.options
    for chosen in (options.quantization, options.dtype):
        if chosen is not None and chosen in sizing.DTYPE_BYTES:
            return sizing.DTYPE_BYTES[chosen]
    if summary is None or summary.dtype is None:
        return None
    # LLM servers (vLLM, TGI) load float32 checkpoints in half precision by default.
    if summary.dtype == "F32" and recipe.container is not series.Container.HF_INFERENCE:
        return 2
    return sizing.DTYPE_BYTES.get(summary.dtype)


def _estimate(
    request: PackageRequest,
    recipe: series.Recipe,
    config: dict[str, Any],
    summary: WeightsSummary | None,
    catalog: InstanceTypeCatalog,
) -> sizing.Estimate:
    encoder = recipe.container is series.Container.HF_INFERENCE
    return sizing.estimate(
        parameter_count=None if summary is None else summary.parameter_count,
        bytes_per_parameter=_bytes_per_parameter(request, recipe, summary),
        config=config,
        catalog=catalog,
        max_model_len=request.options.max_model_len,
        kv_bytes_per_value=None if encoder else 2,
    )


def _serving_settings(
    request: PackageRequest, estimate: sizing.Estimate, catalog: InstanceTypeCatalog
) -> series.ServingSettings:
    smallest = (
        catalog.get(estimate.recommended_instance_types[0])
        if estimate.recommended_instance_types
        else None
    )
    options = request.options
    return series.ServingSettings(
        trust_remote_code=options.trust_remote_code,
        dtype=options.dtype,
        max_model_len=options.max_model_len,
        tensor_parallel_degree=options.tensor_parallel_degree,
        gpu_count=None if smallest is None else smallest.gpu_count,
        quantization=options.quantization,
    )


@dataclass(frozen=True)
class _Serving:
    recipe: series.Recipe
    image: str
    environment: dict[str, str]
    commit: str | None


def _write_manifest(
    request: PackageRequest,
    uploader: Uploader,
    tracker: ProgressTracker,
    entries: list[manifest.FileEntry],
    artifact: dict[str, Any],
    serving: _Serving,
    summary: WeightsSummary | None,
    selection: Selection,
    estimate: sizing.Estimate,
) -> PackageResult:
    recipe = serving.recipe
    parameter_count = None if summary is None else summary.parameter_count
    dtype = None if summary is None else summary.dtype
    weights = {
        "format": selection.weights_format.value,
        "parameter_count": parameter_count,
        "dtype": dtype,
    }
    serving_document = {
        "series": recipe.series,
        "container_image": serving.image,
        "environment": serving.environment,
        "startup_health_check_timeout_seconds": recipe.startup_timeout_seconds,
    }
    document = manifest.build(
        request, serving.commit, entries, artifact, serving_document, weights, estimate
    )
    uploader.put_bytes(manifest.MANIFEST_NAME, manifest.dumps(document), "application/json")
    tracker.start(Phase.DONE, sum(e.size for e in entries), len(entries))
    return PackageResult(
        artifact_uri=artifact["uri"],
        format=artifact["format"],
        manifest_uri=f"s3://{uploader.bucket}/{uploader.prefix}{manifest.MANIFEST_NAME}",
        series=recipe.series,
        container_image=serving.image,
        environment=serving.environment,
        startup_health_check_timeout_seconds=recipe.startup_timeout_seconds,
        source_commit=serving.commit,
        parameter_count=parameter_count,
        dtype=dtype,
        size_bytes=document["size_bytes"],
        estimated_gpu_memory_gib=document["estimate"]["gpu_memory_gib"],
        recommended_instance_types=estimate.recommended_instance_types,
    )
