"""`mlm gc`: one janitor sweep from the command line."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from mlm.aws.sagemaker_hosting import NewModel, NewVariant
from mlm.cli import app
from mlm.container import Container
from mlm.settings import Settings
from tests.conftest import Keys

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"


def test_gc_refuses_an_emulator_it_cannot_reach() -> None:
    result = CliRunner().invoke(app, ["gc"], env={"MLM_MODE": "emulator"})
    assert result.exit_code == 2
    assert "lives inside `mlm serve`" in result.output


def test_gc_dry_run_lists_leftovers_and_removes_nothing(
    container: Container, keys: Keys, emulator_settings: Settings
) -> None:
    sm = container.clients.sagemaker()
    group = f"mlm-{keys.tenant}-chat"
    sm.create_model_package_group(ModelPackageGroupName=group)
    arn = sm.create_model_package(
        ModelPackageGroupName=group, InferenceSpecification={"Containers": [{"Image": IMAGE}]}
    )["ModelPackageArn"]
    model, config = f"mlm-{keys.tenant}-ep--m-abcdef12-0", f"mlm-{keys.tenant}-ep--c-abcdef12"
    managed = {"mlm:managed-by": "mlm"}
    container.hosting.ensure_model(NewModel(model, arn), None, managed)
    container.hosting.ensure_config(
        config, [NewVariant("primary", model, "ml.g5.xlarge", 1, 1.0)], False, managed
    )
    env = {
        "MLM_MODE": "emulator",
        "MLM_AWS_ENDPOINT_URL": str(emulator_settings.aws_endpoint_url),
        "MLM_JANITOR_GRACE_SECONDS": "0",
    }
    result = CliRunner().invoke(app, ["gc", "--dry-run"], env=env)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["dry_run"] is True
    assert (config in report["configs"], model in report["models"]) == (True, True)
    assert container.hosting.describe_config(config, fresh=True) is not None
