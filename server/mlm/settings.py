"""All configuration, read once from the environment (prefix ``MLM_``)."""

from __future__ import annotations

import hashlib
import secrets
from enum import StrEnum
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

TENANT_PATTERN = r"^[a-z][a-z0-9]{0,11}$"

# Memory (MiB) Fargate accepts per whole vCPU count (AWS Batch ResourceRequirement). The
# 0.25 and 0.5 vCPU sizes are left out: too small to package a model.
FARGATE_MEMORY_MIB: dict[int, range] = {
    1: range(2048, 8192 + 1, 1024),
    2: range(4096, 16384 + 1, 1024),
    4: range(8192, 30720 + 1, 1024),
    8: range(16384, 61440 + 1, 4096),
    16: range(32768, 122880 + 1, 8192),
}


class Role(StrEnum):
    """What a key may do; each role includes the ones before it.

    viewer reads; invoker also invokes endpoints (and changes nothing); operator also
    changes resources; publisher also adds versions to models where the server reserves
    that for publishers (MLM_PUBLISH_ROLE); admin also approves model versions and manages
    the tenant's API keys and reads its audit trail.
    """

    VIEWER = "viewer"
    INVOKER = "invoker"
    OPERATOR = "operator"
    PUBLISHER = "publisher"
    ADMIN = "admin"

    def allows(self, needed: Role) -> bool:
        order = list(Role)
        return order.index(self) >= order.index(needed)


class ApiKeyEntry(BaseModel):
    """One configured key. Only the SHA-256 of the key is ever stored."""

    name: str = Field(description="A label for logs; never the key itself.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    tenant: str = Field(pattern=TENANT_PATTERN)
    role: Role


def hash_api_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class Settings(BaseSettings):
    """Settings reference: every field is ``MLM_<FIELD>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="MLM_", env_file=None, extra="ignore")

    mode: Literal["emulator", "aws"] = "emulator"
    region: str = "us-east-1"
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=0, le=65535)

    # Auth: JSON list of {name, sha256, tenant, role}. In emulator mode a dev admin key is
    # added (MLM_DEV_API_KEY, or a random one printed at start).
    api_keys: list[ApiKeyEntry] = Field(default_factory=list)
    dev_api_key: SecretStr | None = None
    dev_tenant: str = Field(default="dev", pattern=TENANT_PATTERN)

    # API keys kept as data (hashes only): one item per key, partition key "id" (the
    # key's SHA-256), GSI "by-tenant" on "tenant". Keys from MLM_API_KEYS still work.
    api_key_table: str = "mlm-api-keys"
    # A key's "last used" time is written at most this often (not once per request).
    api_key_last_used_interval_seconds: float = Field(default=60.0, ge=0, le=86400)
    # How long a revoked or rotated-out key's record is kept (for the audit) before TTL.
    api_key_retention_days: int = Field(default=90, ge=1, le=3650)

    # OIDC / JWT bearer tokens (optional; off unless an issuer is set). The token must be
    # signed by a key in the JWKS, come from the issuer and name the audience; the tenant
    # and role come from the two claims named here.
    oidc_issuer: str | None = None
    oidc_audience: str | None = None
    oidc_jwks_url: str | None = None
    oidc_tenant_claim: str = "mlm_tenant"
    oidc_role_claim: str = "mlm_role"
    oidc_algorithms: list[str] = Field(default_factory=lambda: ["RS256"])
    oidc_leeway_seconds: float = Field(default=30.0, ge=0, le=600)

    # Rate limits and quotas (DynamoDB-backed so every replica shares them; partition key
    # "id", TTL on "expiration"). Per key: requests per second with a burst, and a stricter
    # pair for mutating requests; per tenant, all its keys together. Per day (UTC), per key
    # and per tenant. An admin can set a data key's own limits. 0 turns a limit off.
    rate_limit_table: str = "mlm-rate-limits"
    rate_limit_key_per_second: float = Field(default=50.0, ge=0)
    rate_limit_key_burst: int = Field(default=100, ge=1)
    rate_limit_key_writes_per_second: float = Field(default=10.0, ge=0)
    rate_limit_key_writes_burst: int = Field(default=30, ge=1)
    rate_limit_key_per_day: int = Field(default=200_000, ge=0)
    rate_limit_tenant_per_second: float = Field(default=100.0, ge=0)
    rate_limit_tenant_burst: int = Field(default=200, ge=1)
    rate_limit_tenant_per_day: int = Field(default=1_000_000, ge=0)

    # The audit trail: every mutating and every denied request (partition key "tenant",
    # sort key "sk", TTL on "expiration"), kept this many days.
    audit_table: str = "mlm-audit"
    audit_retention_days: int = Field(default=400, ge=1, le=3650)

    # Model registry rules.
    mandatory_metadata_keys: list[str] = Field(default_factory=lambda: ["license"])
    # Only approved versions deploy: unset means yes in AWS mode, no in emulator mode.
    require_approved_for_deployment: bool | None = None
    # The least role that may add versions to a model (directly or by a packaging job that
    # registers one): unset means publisher in AWS mode, operator in emulator mode.
    publish_role: Role | None = None

    # AWS resources the service uses. The emulator creates both when unset.
    artifact_bucket: str | None = None
    execution_role_arn: str | None = None
    aws_endpoint_url: str | None = Field(
        default=None, description="Send every AWS call here (the emulator sets it)."
    )
    aws_max_attempts: int = Field(default=4, ge=1, le=10)
    # How long a GET may reuse what it read from AWS and MLM writes itself (tags, a model's
    # version list, the fleet index): this replica forgets what it changes at once; a
    # change through another replica, or in AWS directly, shows within this bound (0: off).
    read_cache_seconds: float = Field(default=10.0, ge=0, le=3600)
    # botocore's socket timeouts for every AWS call except InvokeEndpoint (which waits past
    # SageMaker's 60 s model timeout). A timed-out call is retried like any transient error.
    aws_connect_timeout_seconds: float = Field(default=5.0, gt=0, le=300)
    aws_read_timeout_seconds: float = Field(default=60.0, gt=0, le=900)

    # AWS Batch packaging jobs (the emulator creates the queue and the job definition).
    batch_job_queue: str = "mlm-packaging"
    batch_job_definition: str = "mlm-packager"
    # Key prefix in the artifact bucket before <tenant>/<model>/jobs/<job id>/ ("" = none).
    packaging_output_prefix: str = ""
    # The Hugging Face hub packaging jobs download from (HF_ENDPOINT in the job); unset is
    # huggingface.co. Set it for a private mirror, or a local hub in development.
    hf_endpoint: str | None = None
    # Where a tenant's packaging jobs may read from (tenants never read each other's):
    # Hugging Face token secrets named <prefix><tenant>/…, and S3 sources under
    # <tenant>/ of this bucket or of the tenant's part of the artifact bucket.
    hf_token_secret_prefix: str = Field(default="mlm/hf-token/", pattern=r"^[\w/+=.@-]*$")
    packaging_source_bucket: str | None = None
    # Per-job resources, sent as SubmitJob overrides: a Fargate combination (checked below).
    # Ephemeral storage is not here: SubmitJob cannot override it, so it is the job
    # definition's (deploy/packaging.yaml, parameter EphemeralStorageGiB).
    packaging_memory_mib: int = Field(default=30720, ge=2048, le=122_880)
    packaging_vcpus: int = Field(default=4, ge=1, le=16)

    # Idempotency-Key records (DynamoDB table with partition key "id", TTL on "expiration").
    idempotency_table: str = "mlm-idempotency"
    idempotency_ttl_seconds: int = Field(default=86400, ge=60, le=7 * 86400)
    # How long a request holds its key before a retry may run it again (if it died).
    idempotency_in_progress_seconds: float = Field(default=60.0, gt=0, le=900)
    # Leases: one change at a time per endpoint or model, across replicas (DynamoDB table
    # with partition key "id", TTL on "expiration"). A holder that dies frees it after this.
    lease_table: str = "mlm-leases"
    lease_seconds: float = Field(default=30.0, gt=0, le=900)
    # The fleet index (services/fleet_index): a DynamoDB table (partition key "tenant",
    # sort key "endpoint"), the SQS queue an EventBridge rule fills with SageMaker's
    # endpoint state changes ("": this process reads no events; the AWS stack gives them
    # to mlm.lambdas.fleet_events instead), and how often `mlm serve` reconciles the
    # index against ListEndpoints (0: never; AWS deployments schedule the janitor Lambda).
    fleet_table: str = "mlm-fleet"
    fleet_events_queue: str = "mlm-fleet-events"
    fleet_reconcile_seconds: float = Field(default=300.0, ge=0)
    # The janitor (leftover configs/models, expired leases): how often `mlm serve` sweeps
    # (0: never; AWS deployments schedule mlm.lambdas.janitor instead), and how old a
    # leftover must be before it is removed (far longer than any request takes).
    janitor_interval_seconds: float = Field(default=300.0, ge=0)
    janitor_grace_seconds: float = Field(default=900.0, ge=0)

    # Data capture: SageMaker writes endpoints' sampled traffic under
    # s3://<artifact bucket>/<data_capture_prefix>/<tenant>/<endpoint>/<variant>/….
    data_capture_prefix: str = Field(default="data-capture", pattern=r"^[a-z0-9][a-z0-9/_-]*$")
    # Following logs (GET …/logs?follow=true): how often CloudWatch Logs is read again.
    logs_follow_poll_seconds: float = Field(default=2.0, gt=0, le=60)

    # Embedded emulator.
    emulator_port: int = Field(default=0, ge=0, le=65535, description="0 picks a free port.")
    emulator_transition_seconds: float = Field(default=2.0, ge=0)
    # How long one AWS minute of CloudWatch and Application Auto Scaling lasts in the
    # emulator (metric periods, alarm evaluation, scaling cooldowns): 6 s, so that a load
    # loop under `make run` scales an endpoint out in seconds, not minutes.
    emulator_minute_seconds: float = Field(default=6.0, gt=0, le=60)

    # Pagination tokens are signed with this; a random one per process when unset.
    page_token_secret: SecretStr = Field(
        default_factory=lambda: SecretStr(secrets.token_urlsafe(32))
    )

    cors_allowed_origins: list[str] = Field(default_factory=list)
    log_format: Literal["text", "json"] = "text"
    log_level: str = "INFO"

    @model_validator(mode="after")
    def _fargate_resources(self) -> Settings:
        allowed = FARGATE_MEMORY_MIB.get(self.packaging_vcpus)
        if allowed is None:
            raise ValueError(
                f"MLM_PACKAGING_VCPUS={self.packaging_vcpus} is not a Fargate size; "
                f"use one of {sorted(FARGATE_MEMORY_MIB)}."
            )
        if self.packaging_memory_mib not in allowed:
            raise ValueError(
                f"MLM_PACKAGING_MEMORY_MIB={self.packaging_memory_mib} is not valid on Fargate "
                f"with {self.packaging_vcpus} vCPU: use {allowed.start} to {allowed.stop - 1} MiB "
                f"in steps of {allowed.step}."
            )
        return self

    @property
    def deploys_approved_only(self) -> bool:
        if self.require_approved_for_deployment is None:
            return self.mode == "aws"
        return self.require_approved_for_deployment

    @property
    def version_publisher(self) -> Role:
        if self.publish_role is None:
            return Role.PUBLISHER if self.mode == "aws" else Role.OPERATOR
        return self.publish_role

    @property
    def oidc_enabled(self) -> bool:
        return self.oidc_issuer is not None

    @model_validator(mode="after")
    def _oidc_complete(self) -> Settings:
        if self.oidc_issuer is not None and (not self.oidc_audience or not self.oidc_jwks_url):
            raise ValueError(
                "MLM_OIDC_ISSUER is set: set MLM_OIDC_AUDIENCE and MLM_OIDC_JWKS_URL too."
            )
        if self.oidc_jwks_url is not None and not self.oidc_jwks_url.startswith(
            ("https://", "http://127.0.0.1", "http://localhost")
        ):
            raise ValueError("MLM_OIDC_JWKS_URL must be an https:// URL (http only on loopback).")
        return self

    @field_validator("mandatory_metadata_keys")
    @classmethod
    def _strip_keys(cls, value: list[str]) -> list[str]:
        return sorted({key.strip() for key in value if key.strip()})

    @cached_property
    def keys_by_hash(self) -> dict[str, ApiKeyEntry]:
        entries = {entry.sha256: entry for entry in self.api_keys}
        if self.dev_api_key is not None:
            digest = hash_api_key(self.dev_api_key.get_secret_value())
            entries[digest] = ApiKeyEntry(
                name="dev", sha256=digest, tenant=self.dev_tenant, role=Role.ADMIN
            )
        return entries
