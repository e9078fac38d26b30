"""SageMaker real-time endpoints: the service, its requests and views, names, cleanup."""

from mlm.services.endpoints.deployments import DeployedVersions
from mlm.services.endpoints.service import EndpointService

__all__ = ["DeployedVersions", "EndpointService"]
