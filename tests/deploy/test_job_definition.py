"""The job definition in deploy/packaging.yaml against what MLM submits to it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from mlm.container import Container
from mlm.emulator.bootstrap import PACKAGER_COMMAND
from mlm.services.packaging import job_command, names
from mlm.services.packaging.requests import PackagingRequest
from mlm.services.registry.requests import NewModel
from mlm.settings import FARGATE_MEMORY_MIB, Settings
from tests.botocore_hooks import hooked
from tests.conftest import Keys, Transitions
from tests.deploy.template import allowed_by, default, properties, substitute, template

REQUEST = PackagingRequest(
    model_name="glm",
    platform="huggingface",
    model_id="THUDM/glm-4-9b-chat",
    revision="main",
    options={"dtype": "bf16", "trust_remote_code": True},
)


def container() -> dict[str, Any]:
    found: dict[str, Any] = properties("JobDefinition")["ContainerProperties"]
    return found


def sent_parameters() -> dict[str, str]:
    prefix = names.job_prefix("packaging", "acme", "glm", "glm-0123456789")
    return job_command.parameters(REQUEST, "acme", "glm-0123456789", "bucket", prefix)


@pytest.fixture
def submission(
    container: Container, keys: Keys, transitions: Transitions
) -> Iterator[dict[str, Any]]:
    """The SubmitJob request the packaging service really sends (the job held before it
    starts, then cancelled)."""
    container.models.create(keys.tenant, NewModel(name="glm", metadata={"license": "mit"}))
    seen: dict[str, Any] = {}
    batch = container.clients.client_without_retries("batch")  # what SubmitJob goes through
    service = container.packaging_jobs
    transitions.hold()
    with hooked(
        batch, "provide-client-params.batch.SubmitJob", lambda params, **_: seen.update(params)
    ):
        job = service.submit(keys.tenant, REQUEST)
    yield seen
    service.cancel(keys.tenant, job.job_id, "test")


def test_the_job_definition_command_is_the_one_submit_sends() -> None:
    argv = job_command.command(sent_parameters())
    assert container()["Command"] == argv[: len(container()["Command"])]
    assert container()["Command"] == PACKAGER_COMMAND


def test_placeholders_in_the_job_definition_name_parameters_the_service_sends() -> None:
    placeholders = {
        word.removeprefix("Ref::") for word in container()["Command"] if word.startswith("Ref::")
    }
    declared = set(properties("JobDefinition").get("Parameters") or {})
    assert placeholders | declared <= set(sent_parameters())


def test_submit_overrides_only_resources_the_job_definition_declares(
    submission: dict[str, Any],
) -> None:
    sent = {r["type"] for r in submission["containerOverrides"]["resourceRequirements"]}
    declared = {r["Type"] for r in container()["ResourceRequirements"]}
    assert sent == declared


def test_submit_names_the_template_queue_and_definition_by_default(
    submission: dict[str, Any],
) -> None:
    assert submission["jobQueue"] == default("JobQueueName")
    assert submission["jobDefinition"] == default("JobDefinitionName")


def test_the_packager_runs_against_aws_not_the_emulator() -> None:
    env = {
        item["Name"]: substitute(item["Value"], {"AWS::Region": "eu-west-1"})
        for item in container()["Environment"]
    }
    configured = Settings(**{k.removeprefix("MLM_").lower(): v for k, v in env.items()})
    assert configured.mode == "aws"
    assert configured.region == "eu-west-1"


@pytest.mark.parametrize("resource", ["JobDefinition", "RegistrationFunction"])
def test_every_mlm_variable_the_template_sets_is_a_setting(resource: str) -> None:
    props = properties(resource)
    if resource == "JobDefinition":
        names = [item["Name"] for item in props["ContainerProperties"]["Environment"]]
    else:
        names = list(props["Environment"]["Variables"])
    fields = {f"MLM_{name.upper()}" for name in Settings.model_fields}
    assert {n for n in names if n.startswith("MLM_")} <= fields


def test_the_default_job_resources_are_the_settings_defaults() -> None:
    settings = Settings()
    assert int(default("Vcpus")) == settings.packaging_vcpus
    assert int(default("MemoryMiB")) == settings.packaging_memory_mib


def test_the_template_rules_allow_exactly_the_fargate_sizes_of_the_settings() -> None:
    allowed: dict[int, list[int]] = {}
    for rule in template()["Rules"].values():
        vcpus = int(rule["RuleCondition"]["Fn::Equals"][1])
        [assertion] = rule["Assertions"]
        allowed[vcpus] = [int(m) for m in assertion["Assert"]["Fn::Contains"][0]]
    assert allowed == {v: list(memory) for v, memory in FARGATE_MEMORY_MIB.items()}
    vcpus_parameter = template()["Parameters"]["Vcpus"]
    assert sorted(allowed) == sorted(int(v) for v in vcpus_parameter["AllowedValues"])


def test_ephemeral_storage_is_the_parameter_within_fargates_range() -> None:
    assert container()["EphemeralStorage"]["SizeInGiB"] == {"Ref": "EphemeralStorageGiB"}
    parameter = template()["Parameters"]["EphemeralStorageGiB"]
    assert (parameter["MinValue"], parameter["MaxValue"]) == (21, 200)


def _statement(role: str, sid: str) -> dict[str, Any]:
    [policy, *_] = properties(role)["Policies"]
    for statement in policy["PolicyDocument"]["Statement"]:
        if statement.get("Sid") == sid:
            found: dict[str, Any] = statement
            return found
    raise AssertionError(f"{role} has no statement {sid}")


def test_the_job_role_may_write_where_the_service_sends_the_job() -> None:
    values = {
        "AWS::Partition": "aws",
        "ArtifactBucket": "bucket",
        "PackagingPrefix": default("PackagingPrefix"),
    }
    statement = _statement("JobRole", "ReadWriteOwnPrefix")
    patterns = [substitute(statement["Resource"], values)]
    prefix = names.job_prefix(default("PackagingPrefix"), "acme", "glm", "glm-0123456789")
    assert "s3:PutObject" in statement["Action"]
    assert allowed_by(patterns, f"arn:aws:s3:::bucket/{prefix}model.safetensors")
    assert not allowed_by(patterns, "arn:aws:s3:::bucket/acme/glm/jobs/x/model.safetensors")
