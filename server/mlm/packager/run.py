"""One packaging run: resolve → download → validate → upload, reporting progress.

``package(request, clients, progress)`` is the library entry point (``mlm package`` and
the Batch wiring call it). It raises PackagingError for anything that stops it; the work
directory is removed and nothing is left under the output prefix when it fails.
"""

from __future__ import annotations

import json
import logging
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlm import naming
from mlm.packager import manifest, series, sizing
from mlm.packager.errors import INVALID_WEIGHTS, PackagingError
from mlm.packager.hub_token import read_token
from mlm.packager.progress import Phase, ProgressCallback, ProgressTracker
from mlm.packager.request import ArtifactFormat, PackageRequest, Platform, split_s3_uri
from mlm.packager.safetensors import WeightsSummary, summarize
from mlm.packager.selection import CONFIG, Selection, WeightsFormat, select
from mlm.packager.sources import HubSource, ModelSource, S3Source
from mlm.packager.upload import Uploader
from mlm.services.instance_types import InstanceTypeCatalog, production_variant_instance_types

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

log = logging.getLogger(__name__)
MODEL_DIR_KEY = "model/"
TARBALL_KEY = "model.tar.gz"
DOWNLOAD_WORKERS = 4


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
        image = series.image_uri(recipe, request.region)

        _download(source, selection, work, fetched, tracker)
        summary, entries = _validate(selection, work, tracker)
        estimate = _estimate(request, recipe, config, summary, clients.catalog)
        environment = series.environment(
            recipe, config, _serving_settings(request, estimate, clients.catalog)
        )
        return _upload(
            request,
            clients,
            work,
            entries,
            tracker,
            source.commit,
            recipe,
            image,
            environment,
            summary,
            selection,
            estimate,
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


def _download(
    source: ModelSource,
    selection: Selection,
    work: Path,
    fetched: dict[str, Path],
    tracker: ProgressTracker,
) -> None:
    tracker.start(Phase.DOWNLOADING, selection.total_bytes, len(selection.files))

    def fetch(path: str) -> None:
        if path not in fetched:
            fetched[path] = source.fetch(path, work, tracker.add_bytes)
        else:
            tracker.add_bytes(fetched[path].stat().st_size)
        tracker.file_done()

    with ThreadPoolExecutor(max_workers=DOWNLOAD_WORKERS) as pool:
        # list() surfaces the first failure; the pool finishes or fails the rest first.
        list(pool.map(fetch, [f.path for f in selection.files]))


def _validate(
    selection: Selection, work: Path, tracker: ProgressTracker
) -> tuple[WeightsSummary | None, list[manifest.FileEntry]]:
    tracker.start(Phase.VALIDATING, selection.total_bytes, len(selection.files))
    summary = None
    if selection.weights_format is WeightsFormat.SAFETENSORS:
        summary = summarize([work / w.path for w in selection.weights])
    entries = []
    for remote in selection.files:
        local = work / remote.path
        entries.append(
            manifest.FileEntry(
                path=remote.path,
                size=local.stat().st_size,
                sha256=manifest.sha256_file(local, tracker),
            )
        )
        tracker.file_done()
    return summary, entries


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


def _upload(
    request: PackageRequest,
    clients: PackagerClients,
    work: Path,
    entries: list[manifest.FileEntry],
    tracker: ProgressTracker,
    commit: str | None,
    recipe: series.Recipe,
    image: str,
    environment: dict[str, str],
    summary: WeightsSummary | None,
    selection: Selection,
    estimate: sizing.Estimate,
) -> PackageResult:
    bucket, prefix = split_s3_uri(request.output_uri)
    tags = naming.managed_tags(request.tenant, request.model_name)
    uploader = Uploader(clients.s3, bucket, prefix, request.tuning, tags)
    total = sum(e.size for e in entries)
    tracker.start(Phase.UPLOADING, total, len(entries))
    files = [(work / e.path, e.path) for e in entries]
    artifact: dict[str, Any]
    if request.artifact_format is ArtifactFormat.TAR_GZ:
        tarball = uploader.upload_tarball(files, TARBALL_KEY, tracker.add_bytes)
        artifact_uri = f"s3://{bucket}/{prefix}{TARBALL_KEY}"
        artifact = {
            "uri": artifact_uri,
            "format": ArtifactFormat.TAR_GZ.value,
            "size": tarball.size,
            "sha256": tarball.sha256,
        }
    else:
        keyed = [(path, MODEL_DIR_KEY + name) for path, name in files]
        uploader.upload_files(keyed, tracker.add_bytes, tracker.file_done)
        artifact_uri = f"s3://{bucket}/{prefix}{MODEL_DIR_KEY}"
        artifact = {"uri": artifact_uri, "format": ArtifactFormat.S3_PREFIX.value}
    serving = {
        "series": recipe.series,
        "container_image": image,
        "environment": environment,
        "startup_health_check_timeout_seconds": recipe.startup_timeout_seconds,
    }
    parameter_count = None if summary is None else summary.parameter_count
    dtype = None if summary is None else summary.dtype
    weights = {
        "format": selection.weights_format.value,
        "parameter_count": parameter_count,
        "dtype": dtype,
    }
    document = manifest.build(request, commit, entries, artifact, serving, weights, estimate)
    uploader.put_bytes(manifest.MANIFEST_NAME, manifest.dumps(document), "application/json")
    tracker.start(Phase.DONE, total, len(entries))
    return PackageResult(
        artifact_uri=artifact_uri,
        format=artifact["format"],
        manifest_uri=f"s3://{bucket}/{prefix}{manifest.MANIFEST_NAME}",
        series=recipe.series,
        container_image=image,
        environment=environment,
        startup_health_check_timeout_seconds=recipe.startup_timeout_seconds,
        source_commit=commit,
        parameter_count=parameter_count,
        dtype=dtype,
        size_bytes=document["size_bytes"],
        estimated_gpu_memory_gib=document["estimate"]["gpu_memory_gib"],
        recommended_instance_types=estimate.recommended_instance_types,
    )
