"""MLM in AWS mode behind the fault proxy: replicas, bounded requests, and what AWS holds.

One emulator per test process, one ``FaultProxy`` in front of it, and replicas: each is
the connexion app built in process (as ``mlm serve --aws`` builds it) over a container
whose settings say ``mode="aws"``, send every AWS call to the proxy and time a call out
after ``READ_TIMEOUT_SECONDS``. Several replicas share the emulator, as several servers
share an AWS account. Building the app parses the spec (half a second), so a replica is
built once per process and ``restart(settings)`` gives it a new container: new
settings and API keys, every service and cache built afresh (what a restarted server
process has), on the boto3 clients it already made.

``Inventory`` reads a tenant's SageMaker and Batch resources straight from the emulator
(not through the proxy), to find orphans: what no endpoint or model uses any more.
"""

from __future__ import annotations

import atexit
import dataclasses
import itertools
import os
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import Any, cast

from connexion import FlaskApp
from starlette.testclient import TestClient

from mlm import naming
from mlm.app import create_app
from mlm.aws.clients import ClientFactory
from mlm.container import Container, build_container
from mlm.emulator import patches
from mlm.emulator.server import Emulator, start_emulator
from mlm.services.endpoints import names as endpoint_names
from mlm.settings import Settings
from tests.conftest import Keys, settings_with_keys
from tests.reliability.proxy import FaultProxy

READ_TIMEOUT_SECONDS = 1.0
CONNECT_TIMEOUT_SECONDS = 1.0
# A stall outlasts the read timeout, so the client gives up on it first.
STALL_SECONDS = READ_TIMEOUT_SECONDS + 0.5
# No request may take longer than this (else it counts as a hang).
REQUEST_DEADLINE_SECONDS = 30.0
HOLD_SECONDS = 3600.0
# The default credential chain of AWS mode finds these in the environment.
CREDENTIALS_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
}

_tenants = itertools.count()


def new_keys() -> Keys:
    """A tenant no other test of this process uses (``r<worker>x<n>``)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    n = next(_tenants)
    return Keys(
        tenant=f"r{worker}x{n}",
        admin=secrets.token_urlsafe(16),
        operator=secrets.token_urlsafe(16),
        viewer=secrets.token_urlsafe(16),
        other_tenant=f"q{worker}x{n}",
        other_tenant_admin=secrets.token_urlsafe(16),
    )


def hold_transitions() -> None:
    """Creating/Updating/Deleting last (for the length of a test) and Batch jobs stay
    queued: what runs in a request sees AWS in the middle of a change."""
    patches.configure(transition_seconds=HOLD_SECONDS)


def release_transitions() -> None:
    """Every change in flight is done at the next read."""
    patches.configure(transition_seconds=0)


# --- replicas -----------------------------------------------------------------------------


class SwitchableContainer:
    """What the app was built with: forwards to the current container, which
    ``Replica.restart`` replaces."""

    def __init__(self, container: Container) -> None:
        self.current = container

    def __getattr__(self, name: str) -> Any:
        return getattr(self.current, name)


@dataclass
class Answer:
    """What a replica answered (``hung`` when it did not within the deadline)."""

    status: int
    headers: dict[str, str]
    body: Any
    seconds: float
    hung: bool = False

    @property
    def code(self) -> str | None:
        return self.body.get("code") if isinstance(self.body, dict) else None

    @property
    def problem(self) -> bool:
        return self.headers.get("content-type", "").startswith("application/problem+json")

    def __str__(self) -> str:
        if self.hung:
            return f"no answer within {REQUEST_DEADLINE_SECONDS:.0f} s"
        return f"{self.status} {self.code}" if self.code else str(self.status)


class Replica:
    """One MLM server process, in process: the app, its container, a test client."""

    def __init__(self, settings: Settings) -> None:
        built = build_container(settings)
        # boto3 clients take ~0.1 s each to build (service models); a restart keeps them.
        # What they carry between requests is botocore's own: the connection pool and the
        # retry quota, which successes refill faster than one case's retries drain it.
        self._clients = built.clients
        self._read_timeout_s = settings.aws_read_timeout_seconds
        self._handle = SwitchableContainer(built)
        self.app: FlaskApp = create_app(cast(Container, self._handle), validate_responses=True)
        self._client = TestClient(self.app, raise_server_exceptions=False)
        self._client.__enter__()
        self._pool = ThreadPoolExecutor(max_workers=32, thread_name_prefix="replica")
        self.keys: Keys | None = None

    @property
    def container(self) -> Container:
        return self._handle.current

    def restart(self, settings: Settings, keys: Keys) -> None:
        """A new container (settings, keys, every service and cache) on the same clients
        (new ones only for another read timeout, which they carry)."""
        built = build_container(settings)
        if settings.aws_read_timeout_seconds != self._read_timeout_s:
            self._clients = built.clients
            self._read_timeout_s = settings.aws_read_timeout_seconds
        self._handle.current = dataclasses.replace(built, clients=self._clients)
        self.keys = keys

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._client.__exit__(None, None, None)

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
        deadline_s: float = REQUEST_DEADLINE_SECONDS,
    ) -> Answer:
        """One request with the tenant's admin key; a hang is reported, not waited out."""
        assert self.keys is not None, "restart() the replica for a tenant first"
        sent = {"X-Api-Key": self.keys.admin, **(headers or {})}
        started = time.monotonic()
        future = self._pool.submit(
            self._client.request, method, f"/v1{path}", json=body, headers=sent
        )
        try:
            response = future.result(timeout=deadline_s)
        except FutureTimeout:
            return Answer(0, {}, None, time.monotonic() - started, hung=True)
        try:
            parsed: Any = response.json() if response.content else None
        except ValueError:
            parsed = response.text
        return Answer(
            response.status_code,
            {k.lower(): v for k, v in response.headers.items()},
            parsed,
            time.monotonic() - started,
        )

    def ok(self, method: str, path: str, body: Any = None) -> Any:
        """A setup step: it must succeed (2xx)."""
        answer = self.call(method, path, body)
        assert 200 <= answer.status < 300, f"setup {method} {path}: {answer} {answer.body}"
        return answer.body


# --- the environment ----------------------------------------------------------------------


@dataclass
class Environment:
    """The process's emulator, the proxy in front of it, and the replicas."""

    emulator: Emulator
    settings: Settings  # emulator mode, straight to the emulator
    proxy: FaultProxy
    direct: ClientFactory  # straight to the emulator, never through the proxy
    replicas: list[Replica] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def aws_settings(self, keys: Keys, read_timeout_s: float = READ_TIMEOUT_SECONDS) -> Settings:
        """AWS mode through the proxy, with a short read timeout (and the emulator's bucket
        and role, as a deployment would configure them)."""
        return settings_with_keys(
            self.settings,
            keys,
            mode="aws",
            aws_endpoint_url=self.proxy.url,
            aws_read_timeout_seconds=read_timeout_s,
            aws_connect_timeout_seconds=CONNECT_TIMEOUT_SECONDS,
            # The matrix deploys the pending versions it registers (AWS mode's default
            # deploys approved ones only: tests/test_governance_defaults.py).
            require_approved_for_deployment=False,
        )

    def replica(
        self, index: int, keys: Keys, read_timeout_s: float = READ_TIMEOUT_SECONDS
    ) -> Replica:
        """Replica ``index`` restarted for ``keys``' tenant (built on first use)."""
        settings = self.aws_settings(keys, read_timeout_s)
        with self.lock:
            while len(self.replicas) <= index:
                self.replicas.append(Replica(settings))
            replica = self.replicas[index]
        replica.restart(settings, keys)
        return replica

    def stop(self) -> None:
        for replica in self.replicas:
            replica.close()
        self.replicas.clear()
        self.proxy.stop()
        self.emulator.stop()


_environment: Environment | None = None
_environment_lock = threading.Lock()


def environment() -> Environment:
    """The process's environment, started on first use (collection may need it: the fault
    matrix records call positions on a clean run to name its cases) and stopped at exit."""
    global _environment
    with _environment_lock:
        if _environment is None:
            emulator, settings = start_emulator(
                Settings(mode="emulator", emulator_transition_seconds=0, emulator_minute_seconds=60)
            )
            proxy = FaultProxy(emulator.url, stall_seconds=STALL_SECONDS).start()
            _environment = Environment(
                emulator=emulator, settings=settings, proxy=proxy, direct=ClientFactory(settings)
            )
            atexit.register(stop_environment)
        return _environment


def stop_environment() -> None:
    global _environment
    with _environment_lock:
        if _environment is not None:
            _environment.stop()
            _environment = None


@dataclass(frozen=True)
class AwsCredentials:
    """Sets and restores the environment credentials AWS mode reads."""

    saved: dict[str, str | None]

    @classmethod
    def install(cls) -> AwsCredentials:
        saved = {k: os.environ.get(k) for k in [*CREDENTIALS_ENV, "AWS_PROFILE"]}
        os.environ.update(CREDENTIALS_ENV)
        os.environ.pop("AWS_PROFILE", None)
        return cls(saved)

    def restore(self) -> None:
        for key, value in self.saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


# --- what AWS holds ---------------------------------------------------------------------


def _paged(client: Any, operation: str, key: str, **kwargs: Any) -> Iterator[dict[str, Any]]:
    for page in client.get_paginator(operation).paginate(**kwargs):
        yield from page[key]


@dataclass
class Inventory:
    """A tenant's SageMaker resources and Batch jobs, as the emulator holds them."""

    tenant: str
    endpoints: dict[str, dict[str, Any]]  # name → DescribeEndpoint
    configs: dict[str, list[str]]  # name → the SageMaker models its variants name
    models: set[str]
    groups: dict[str, dict[str, str]]  # name → tags
    packages: dict[str, list[str]]  # group → package ARNs
    jobs: list[dict[str, Any]]  # Batch DescribeJobs

    @classmethod
    def read(cls, env: Environment, tenant: str) -> Inventory:
        sm = env.direct.sagemaker()
        prefix = naming.tenant_prefix(tenant)

        def mine(name: str) -> bool:
            return name.startswith(prefix)

        endpoints = {}
        for summary in _paged(sm, "list_endpoints", "Endpoints", NameContains=prefix):
            name = summary["EndpointName"]
            if mine(name):
                endpoints[name] = sm.describe_endpoint(EndpointName=name)
        configs = {}
        for summary in _paged(sm, "list_endpoint_configs", "EndpointConfigs", NameContains=prefix):
            name = summary["EndpointConfigName"]
            if mine(name):
                described = sm.describe_endpoint_config(EndpointConfigName=name)
                configs[name] = [v["ModelName"] for v in described["ProductionVariants"]]
        models = {
            m["ModelName"]
            for m in _paged(sm, "list_models", "Models", NameContains=prefix)
            if mine(m["ModelName"])
        }
        groups: dict[str, dict[str, str]] = {}
        packages: dict[str, list[str]] = {}
        for summary in _paged(
            sm, "list_model_package_groups", "ModelPackageGroupSummaryList", NameContains=prefix
        ):
            name = summary["ModelPackageGroupName"]
            if not mine(name):
                continue
            tags = sm.list_tags(ResourceArn=summary["ModelPackageGroupArn"])["Tags"]
            groups[name] = {t["Key"]: t["Value"] for t in tags}
            packages[name] = [
                p["ModelPackageArn"]
                for p in _paged(
                    sm,
                    "list_model_packages",
                    "ModelPackageSummaryList",
                    ModelPackageGroupName=name,
                )
            ]
        return cls(tenant, endpoints, configs, models, groups, packages, _jobs(env, prefix))

    # --- what uses what ---

    def configs_in_use(self) -> set[str]:
        used = set()
        for endpoint in self.endpoints.values():
            used.add(endpoint["EndpointConfigName"])
            pending = endpoint.get("PendingDeploymentSummary") or {}
            if pending.get("EndpointConfigName"):
                used.add(pending["EndpointConfigName"])
        return used

    def models_in_use(self) -> set[str]:
        return {model for config in self.configs_in_use() for model in self.configs.get(config, [])}

    def orphans(self) -> list[str]:
        """Every resource of the tenant that no endpoint or model uses."""
        found = []
        for name in sorted(self.endpoints):
            if naming.api_name(self.tenant, name) is None:
                found.append(f"endpoint {name} (no API name maps to it)")
        used_configs = self.configs_in_use()
        for name in sorted(set(self.configs) - used_configs):
            found.append(f"endpoint config {name} (no endpoint uses it)")
        for name in sorted(self.models - self.models_in_use()):
            found.append(f"model {name} (no endpoint config in use names it)")
        for name, tags in sorted(self.groups.items()):
            visible = (
                naming.api_name(self.tenant, name) is not None
                and tags.get(naming.TAG_TENANT) == self.tenant
                and tags.get(naming.TAG_MANAGED_BY) == naming.MANAGED_BY
            )
            if not visible:
                found.append(f"model package group {name} (not a model of the tenant)")
                found += [f"model package {arn} (in that group)" for arn in self.packages[name]]
        return found

    def missing(self) -> list[str]:
        """References to what does not exist: a config an endpoint uses, a model a config
        in use names."""
        found = []
        for name, endpoint in sorted(self.endpoints.items()):
            if endpoint["EndpointConfigName"] not in self.configs:
                found.append(
                    f"endpoint {name} uses missing config {endpoint['EndpointConfigName']}"
                )
        for config in sorted(self.configs_in_use() & set(self.configs)):
            for model in self.configs[config]:
                if model not in self.models:
                    found.append(f"endpoint config {config} names missing model {model}")
        return found

    def endpoint_parts(self, tenant: str, endpoint: str) -> tuple[list[str], list[str]]:
        """The configs and models named after one endpoint."""
        prefix = endpoint_names.parts_prefix(tenant, endpoint)
        return (
            sorted(c for c in self.configs if c.startswith(prefix)),
            sorted(m for m in self.models if m.startswith(prefix)),
        )


def _jobs(env: Environment, prefix: str) -> list[dict[str, Any]]:
    batch = env.direct.client("batch")
    ids = [
        summary["jobId"]
        for summary in _paged(
            batch,
            "list_jobs",
            "jobSummaryList",
            jobQueue=env.settings.batch_job_queue,
            filters=[{"name": "JOB_NAME", "values": [prefix + "*"]}],
        )
    ]
    return batch.describe_jobs(jobs=ids)["jobs"] if ids else []


def stop_jobs(env: Environment, tenant: str) -> None:
    """Terminate what a test left queued (a held job would otherwise start later)."""
    batch = env.direct.client("batch")
    for job in _jobs(env, naming.tenant_prefix(tenant)):
        if job["status"] not in {"SUCCEEDED", "FAILED"}:
            batch.terminate_job(jobId=job["jobId"], reason="test over")


def poll(read: Callable[[], Any], done: Callable[[Any], bool], deadline_s: float = 5.0) -> Any:
    """``read()`` until ``done`` (the last value either way; callers check it)."""
    end = time.monotonic() + deadline_s
    value = read()
    while not done(value) and time.monotonic() < end:
        time.sleep(0.02)
        value = read()
    return value
