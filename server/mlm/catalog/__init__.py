"""The instance types real-time endpoints accept, with their GPUs and memory.

Local data (botocore's service model and a table of accelerator families): the packager
uses it to recommend instance types, the services to check and describe them."""

from mlm.catalog.instance_types import InstanceType, InstanceTypeCatalog

__all__ = ["InstanceType", "InstanceTypeCatalog"]
