"""The model registry: logical models (package groups) and their versions (packages)."""

from mlm.services.registry.models import ModelService
from mlm.services.registry.versions import ModelVersionService

__all__ = ["ModelService", "ModelVersionService"]
