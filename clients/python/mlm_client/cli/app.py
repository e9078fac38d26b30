"""The people's command line: one group of commands per resource."""

from __future__ import annotations

import typer

from . import endpoints, instance_types, models, packaging, profiles, versions

# (group, name): what the server package's `mlm` mounts beside serve, package and gc.
GROUPS: list[tuple[typer.Typer, str]] = [
    (models.app, "models"),
    (versions.app, "versions"),
    (endpoints.app, "endpoints"),
    (packaging.app, "packaging-jobs"),
    (instance_types.app, "instance-types"),
    (profiles.app, "profiles"),
]

app = typer.Typer(
    help="MLM from the shell: models, versions, endpoints, packaging jobs, instance types.",
    no_args_is_help=True,
)
for group, name in GROUPS:
    app.add_typer(group, name=name)


def main() -> None:
    app(prog_name="mlm")
