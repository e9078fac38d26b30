"""deploy/mlm.yaml against the code: handlers, environment, tables, the janitor's schedule,
and deploy/api.Dockerfile."""

from __future__ import annotations

import importlib
import json
from typing import Any

import pytest

from mlm.aws.endpoint_events import EVENT_PATTERN
from mlm.container import Container
from mlm.emulator.bootstrap import FLEET_EVENTS_RULE
from mlm.lambdas import janitor
from mlm.settings import Settings
from tests.deploy.stack import DEPLOY, environment, packaging, props, resources, stack

API_RUNTIMES = ["ApiFunction", "TaskDefinition"]
SETTING_NAMES = {f"MLM_{name.upper()}" for name in Settings.model_fields}
# What the API cannot run without in AWS (besides MLM_MODE=aws).
REQUIRED_FOR_THE_API = {
    "MLM_REGION",
    "MLM_ARTIFACT_BUCKET",
    "MLM_EXECUTION_ROLE_ARN",
    "MLM_API_KEYS",
    "MLM_PAGE_TOKEN_SECRET",
    "MLM_IDEMPOTENCY_TABLE",
    "MLM_LEASE_TABLE",
    "MLM_API_KEY_TABLE",
    "MLM_RATE_LIMIT_TABLE",
    "MLM_AUDIT_TABLE",
    "MLM_FLEET_TABLE",
    "MLM_BATCH_JOB_QUEUE",
    "MLM_BATCH_JOB_DEFINITION",
    "MLM_PACKAGING_OUTPUT_PREFIX",
}


def _lambdas() -> list[tuple[str, dict[str, Any]]]:
    found = [(n, r["Properties"]) for n, r in resources("AWS::Lambda::Function").items()]
    found += [
        (n, r["Properties"]) for n, r in resources("AWS::Lambda::Function", packaging()).items()
    ]
    return found


@pytest.mark.parametrize("name", [name for name, _ in _lambdas()])
def test_each_function_handler_is_a_real_callable(name: str) -> None:
    [handler] = dict(_lambdas())[name]["ImageConfig"]["Command"]
    module, _, function = handler.rpartition(".")
    assert callable(getattr(importlib.import_module(module), function))


@pytest.mark.parametrize("name", [*API_RUNTIMES, "JanitorFunction", "FleetEventsFunction"])
def test_every_variable_the_stack_sets_is_a_setting(name: str) -> None:
    assert set(environment(name)) <= SETTING_NAMES


@pytest.mark.parametrize("name", API_RUNTIMES)
def test_the_api_runs_against_aws_with_everything_it_needs(name: str) -> None:
    env = environment(name)
    assert env["MLM_MODE"] == "aws"
    assert set(env) >= REQUIRED_FOR_THE_API


def test_the_lambda_and_the_container_are_configured_alike() -> None:
    lambda_env = set(environment("ApiFunction"))
    # The container also says where uvicorn listens.
    assert set(environment("TaskDefinition")) - {"MLM_HOST", "MLM_PORT"} == lambda_env


@pytest.mark.parametrize("name", API_RUNTIMES)
def test_no_replica_does_what_the_stacks_lambdas_do(name: str) -> None:
    env = environment(name)
    assert env["MLM_JANITOR_INTERVAL_SECONDS"] == "0"  # the janitor's schedule sweeps
    assert env["MLM_FLEET_RECONCILE_SECONDS"] == "0"  # ... and reconciles the fleet index
    assert env["MLM_FLEET_EVENTS_QUEUE"] == ""  # mlm-fleet-events reads the queue


def test_the_stack_environment_makes_valid_aws_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    placeholders = {"MLM_API_KEYS": "[]", "MLM_REQUIRE_APPROVED_FOR_DEPLOYMENT": "true"}
    for name, value in environment("ApiFunction").items():
        # References resolve at deploy time: any string stands for them here.
        monkeypatch.setenv(name, value if isinstance(value, str) else placeholders.get(name, "x"))
    settings = Settings()
    assert settings.mode == "aws"
    assert settings.janitor_interval_seconds == 0


# --- tables --------------------------------------------------------------------------------

# (setting, partition key, sort key, TTL attribute, global secondary indexes): what the code
# reads and writes (aws/leases.py, idempotency.py; the governance services' agreed schemas).
TABLES = {
    "IdempotencyTable": ("idempotency_table", "id", None, "expiration", {}),
    "LeaseTable": ("lease_table", "id", None, "expiration", {}),
    "ApiKeyTable": ("api_key_table", "id", None, None, {"by-tenant": "tenant"}),
    "RateLimitTable": ("rate_limit_table", "id", None, "expiration", {}),
    "AuditTable": ("audit_table", "tenant", "sk", "expiration", {}),
    "FleetTable": ("fleet_table", "tenant", "endpoint", None, {}),
}


def test_the_stack_has_exactly_the_tables_mlm_uses() -> None:
    assert set(resources("AWS::DynamoDB::Table")) == set(TABLES)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_each_table_is_named_as_its_setting_and_passed_in_it(table: str) -> None:
    setting = TABLES[table][0]
    assert props(table)["TableName"] == Settings.model_fields[setting].default
    for runtime in API_RUNTIMES:
        assert environment(runtime)[f"MLM_{setting.upper()}"] == {"Ref": table}


@pytest.mark.parametrize("table", sorted(TABLES))
def test_each_table_has_the_keys_and_ttl_the_code_uses(table: str) -> None:
    _, partition, sort, ttl, indexes = TABLES[table]
    p = props(table)
    keys = {k["KeyType"]: k["AttributeName"] for k in p["KeySchema"]}
    assert keys == ({"HASH": partition} | ({"RANGE": sort} if sort else {}))
    types = {a["AttributeName"]: a["AttributeType"] for a in p["AttributeDefinitions"]}
    assert set(types.values()) == {"S"}
    found_ttl = p.get("TimeToLiveSpecification", {})
    assert (found_ttl.get("AttributeName") if found_ttl.get("Enabled") else None) == ttl
    gsis = {
        g["IndexName"]: g["KeySchema"][0]["AttributeName"]
        for g in p.get("GlobalSecondaryIndexes", [])
    }
    assert gsis == indexes


@pytest.mark.parametrize("table", sorted(TABLES))
def test_each_table_is_on_demand_and_encrypted(table: str) -> None:
    assert props(table)["BillingMode"] == "PAY_PER_REQUEST"
    assert props(table)["SSESpecification"] == {"SSEEnabled": True}


def test_the_janitor_only_needs_the_lease_table_setting() -> None:
    env = environment("JanitorFunction")
    assert env["MLM_LEASE_TABLE"] == {"Ref": "LeaseTable"}


# --- the janitor's schedule ------------------------------------------------------------------


def test_the_schedule_input_makes_the_janitor_sweep_for_real(
    container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    [target] = props("JanitorSchedule")["Targets"]
    assert target["Arn"] == {"Fn::GetAtt": ["JanitorFunction", "Arn"]}
    monkeypatch.setattr(janitor, "_container", lambda: container)
    report = janitor.lambda_handler(json.loads(target["Input"]), None)
    assert report["dry_run"] is False
    assert report["errors"] == []


def test_endpoint_state_changes_reach_the_fleet_events_function() -> None:
    rule = props("FleetEventsRule")
    assert rule["EventPattern"] == EVENT_PATTERN  # what the emulator sends, too
    assert rule["Name"] == FLEET_EVENTS_RULE
    [target] = rule["Targets"]
    assert target["Arn"] == {"Fn::GetAtt": ["FleetEventsQueue", "Arn"]}
    assert (
        props("FleetEventsQueue")["QueueName"]
        == Settings.model_fields["fleet_events_queue"].default
    )
    source = props("FleetEventsSource")
    assert source["EventSourceArn"] == {"Fn::GetAtt": ["FleetEventsQueue", "Arn"]}
    assert source["FunctionName"] == {"Ref": "FleetEventsFunction"}


def test_the_fleet_queue_outlasts_six_function_timeouts() -> None:
    # Lambda's SQS event source: visibility timeout at least 6x the function timeout.
    timeout = props("FleetEventsFunction")["Timeout"]
    assert props("FleetEventsQueue")["VisibilityTimeout"] >= 6 * timeout


def test_the_packaging_stack_is_the_nested_packaging_yaml() -> None:
    nested = props("Packaging")
    assert nested["TemplateURL"] == "packaging.yaml"
    assert set(nested["Parameters"]) <= set(packaging()["Parameters"])
    required = {n for n, p in packaging()["Parameters"].items() if "Default" not in p}
    assert required <= set(nested["Parameters"])


def test_every_log_group_has_a_retention() -> None:
    groups = resources("AWS::Logs::LogGroup")
    assert groups
    assert all(
        g["Properties"]["RetentionInDays"] == {"Ref": "LogRetentionDays"} for g in groups.values()
    )


def test_the_api_has_alarms_on_5xx_latency_and_throttles() -> None:
    names = {a["Properties"]["AlarmName"] for a in resources("AWS::CloudWatch::Alarm").values()}
    assert names >= {"mlm-api-5xx-rate", "mlm-api-latency-p99", "mlm-api-throttles"}


def test_the_artifact_bucket_is_encrypted_with_the_stacks_key() -> None:
    [rule] = props("ArtifactBucket")["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert rule["ServerSideEncryptionByDefault"]["KMSMasterKeyID"] == {
        "Fn::GetAtt": ["ArtifactKey", "Arn"]
    }


# --- deploy/api.Dockerfile --------------------------------------------------------------------


def _stages() -> dict[str, list[tuple[str, str]]]:
    stages: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] = []
    text = (DEPLOY / "api.Dockerfile").read_text().replace("\\\n", " ")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if keyword.upper() == "FROM":
            current = []
            stages[rest.split()[-1]] = current
        current.append((keyword.upper(), rest.strip()))
    return stages


def _last(stage: str, keyword: str) -> str:
    return [rest for k, rest in _stages()[stage] if k == keyword][-1]


def test_the_api_image_runs_as_an_unprivileged_user() -> None:
    assert _last("api", "USER").split(":")[0] not in {"root", "0"}


def test_the_api_image_serves_against_aws() -> None:
    assert json.loads(_last("api", "CMD")) == ["mlm", "serve", "--aws"]


def test_the_api_image_checks_the_health_operation() -> None:
    assert "/v1/health" in _last("api", "HEALTHCHECK")


def test_the_lambda_image_defaults_to_the_api_handler() -> None:
    [handler] = json.loads(_last("lambda", "CMD"))
    assert handler == props("ApiFunction")["ImageConfig"]["Command"][0]


def test_the_stack_runs_the_api_image_on_the_port_it_listens_on() -> None:
    [container] = props("TaskDefinition")["ContainerDefinitions"]
    assert container["PortMappings"][0]["ContainerPort"] == int(
        environment("TaskDefinition")["MLM_PORT"]
    )
    assert props("TargetGroup")["HealthCheckPath"] == "/v1/health"
    assert stack()["Resources"]["TaskDefinition"]["Condition"] == "OnContainer"
