"""Which sources a tenant's packaging jobs may read: its own Hugging Face token secrets
and S3 places, never another tenant's."""

from __future__ import annotations

from dataclasses import dataclass

from mlm.services.packaging.names import tenant_key_prefix
from mlm.services.packaging.requests import PackagingRequest, invalid


@dataclass(frozen=True)
class SourceScope:
    """What a tenant's jobs may read. The job role can read every tenant's (one role for
    all jobs), so the request is where tenants are kept apart."""

    artifact_bucket: str
    output_prefix: str
    source_bucket: str | None
    secret_prefix: str  # Secrets Manager names: <secret_prefix><tenant>/…

    def check(self, request: PackagingRequest, tenant: str) -> None:
        secret = request.hf_token_secret_arn
        if secret is not None:
            name = secret.split(":secret:", 1)[1]
            own = f"{self.secret_prefix}{tenant}/"
            if not name.startswith(own):
                raise invalid(
                    "hf_token_secret_arn",
                    f"must name one of this tenant's secrets, whose names start with '{own}'",
                )
        if request.s3_uri is not None:
            places = self.source_places(tenant)
            if not any(request.s3_uri.startswith(place) for place in places):
                raise invalid(
                    "source.s3_uri", f"must be under one of this tenant's places: {places}"
                )

    def source_places(self, tenant: str) -> list[str]:
        """The S3 URIs a tenant's sources may be under: its part of the artifact bucket
        (e.g. an earlier job's output) and, if set, its part of the source bucket."""
        places = [f"s3://{self.artifact_bucket}/{tenant_key_prefix(self.output_prefix, tenant)}"]
        if self.source_bucket:
            places.append(f"s3://{self.source_bucket}/{tenant}/")
        return places
