"""Which model versions run where: read from the tenant's endpoint configs.

Both the model and the version services ask it (a version in use cannot be deleted, a
version shows ``deployed_to``), and the endpoint service asks them for deployable
versions; this component over the hosting adapter alone is what keeps that from being
a loop.
"""

from __future__ import annotations

from collections import defaultdict

from mlm import naming
from mlm.aws.sagemaker_hosting import EndpointRecord, SageMakerHosting
from mlm.aws.sagemaker_registry import parse_package_arn
from mlm.services.endpoints import cleanup, names


def version_of_package_arn(tenant: str, arn: str) -> tuple[str, int] | None:
    """``(model_name, version)`` behind a model package ARN of this tenant, else None."""
    parsed = parse_package_arn(arn)
    if parsed is None:
        return None
    name = naming.api_name(tenant, parsed[0])
    return None if name is None else (name, parsed[1])


class DeployedVersions:
    def __init__(self, hosting: SageMakerHosting) -> None:
        self._hosting = hosting

    def version_of_model(self, tenant: str, sagemaker_model: str) -> tuple[str, int] | None:
        """(model name, version) a SageMaker model of ours serves, None when unknown."""
        record = self._hosting.describe_model(sagemaker_model)
        arn = record.model_package_arn if record else None
        return version_of_package_arn(tenant, arn) if arn else None

    def deployments(self, tenant: str) -> dict[tuple[str, int], list[str]]:
        """Every (model name, version) any of the tenant's endpoints uses → endpoint names,
        read from AWS now (the checks before a delete use this, never the fleet index)."""
        models: dict[str, tuple[str, int] | None] = {}
        found: dict[tuple[str, int], set[str]] = defaultdict(set)
        for physical in self._hosting.list_endpoint_names(naming.tenant_prefix(tenant)):
            api = naming.api_name(tenant, physical)
            record = None if api is None else self._hosting.describe_endpoint(physical)
            if api is None or record is None:
                continue
            for version in self.versions_of(tenant, api, record, models):
                found[version].add(api)
        return {key: sorted(endpoints) for key, endpoints in found.items()}

    def versions_of(
        self,
        tenant: str,
        api: str,
        record: EndpointRecord,
        models: dict[str, tuple[str, int] | None] | None = None,
    ) -> set[tuple[str, int]]:
        """The (model name, version) pairs one endpoint uses.

        While a change is in flight every config of the endpoint counts (the old one
        still serves, the new one is being deployed); a deleting endpoint uses none.
        ``models`` memoises SageMaker model → version across calls.
        """
        if record.status == "Deleting":
            return set()
        models = {} if models is None else models
        config_names = {record.config_name, record.pending_config_name}
        if record.status not in cleanup.SETTLED:
            prefix = names.parts_prefix(tenant, api)
            config_names.update(c.name for c in self._hosting.list_configs(prefix))
        found: set[tuple[str, int]] = set()
        for config_name in filter(None, config_names):
            config = self._hosting.describe_config(config_name)
            for variant in config.variants if config else []:
                if variant.model_name not in models:
                    models[variant.model_name] = self.version_of_model(tenant, variant.model_name)
                version = models[variant.model_name]
                if version is not None:
                    found.add(version)
        return found
