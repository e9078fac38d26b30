"""The packager: a model id (or S3 prefix) in, a deployable S3 artifact and manifest out.

``mlm package`` runs it as the AWS Batch job's entry point; the library interface is
:func:`mlm.packager.run.package`.
"""

from mlm.packager.errors import PackagingError
from mlm.packager.progress import Phase, Progress
from mlm.packager.request import ArtifactFormat, Options, PackageRequest, Platform, Source, Tuning
from mlm.packager.run import PackagerClients, PackageResult, package

__all__ = [
    "ArtifactFormat",
    "Options",
    "PackageRequest",
    "PackageResult",
    "PackagerClients",
    "PackagingError",
    "Phase",
    "Platform",
    "Progress",
    "Source",
    "Tuning",
    "package",
]
