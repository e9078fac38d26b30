"""`mlm` for people: the MLM API from a shell, built on the Python SDK alone.

`app` is a Typer app with one group per resource (`models`, `versions`, `endpoints`,
`packaging-jobs`, `instance-types`) and `profiles`; the server package's `mlm` command
mounts these groups beside `serve`, `package` and `gc`. Without the server package,
`python -m mlm_client.cli` runs it. Needs the `cli` extra (typer, rich, pyyaml).
"""

from .app import GROUPS, app, main

__all__ = ["GROUPS", "app", "main"]
