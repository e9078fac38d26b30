"""Resources the service expects to exist in an account: an artifact bucket, a role, the
DynamoDB tables (idempotency, leases, API keys, rate limits, audit) and the Batch queue and
job definition packaging jobs run on. The tables are as deploy/ creates them in AWS."""

from __future__ import annotations

import json
from dataclasses import dataclass

from mlm.aws.clients import ClientFactory
from mlm.aws.endpoint_events import EVENT_PATTERN
from mlm.settings import Settings

EXECUTION_ROLE_NAME = "mlm-sagemaker-execution"
BATCH_SERVICE_ROLE_NAME = "mlm-batch-service"
BATCH_COMPUTE_ENVIRONMENT = "mlm-packaging"
# The packager's container: Batch runs `mlm package …` (the emulator runs it as a process).
PACKAGER_IMAGE = "mlm-packager:latest"
PACKAGER_COMMAND = ["mlm", "package"]
_TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": "sagemaker.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }
    ],
}


@dataclass(frozen=True)
class Resources:
    bucket: str
    role_arn: str


def bootstrap(settings: Settings) -> Resources:
    clients = ClientFactory(settings)
    account = clients.sts().get_caller_identity()["Account"]
    bucket = settings.artifact_bucket or f"mlm-artifacts-{account}-{settings.region}"
    s3 = clients.s3()
    if settings.region == "us-east-1":
        s3.create_bucket(Bucket=bucket)
    else:
        s3.create_bucket(
            Bucket=bucket,
            CreateBucketConfiguration={"LocationConstraint": settings.region},  # type: ignore[typeddict-item]
        )
    iam = clients.iam()
    try:
        role_arn = iam.get_role(RoleName=EXECUTION_ROLE_NAME)["Role"]["Arn"]
    except iam.exceptions.NoSuchEntityException:
        role_arn = iam.create_role(
            RoleName=EXECUTION_ROLE_NAME, AssumeRolePolicyDocument=json.dumps(_TRUST)
        )["Role"]["Arn"]
    for table in (settings.idempotency_table, settings.lease_table, settings.rate_limit_table):
        _table_with_ttl(clients, table)
    _fleet_index(clients, settings)
    _api_key_table(clients, settings.api_key_table)
    _audit_table(clients, settings.audit_table)
    _batch(clients, settings)
    return Resources(bucket=bucket, role_arn=settings.execution_role_arn or role_arn)


def _table_with_ttl(clients: ClientFactory, table: str) -> None:
    """A table keyed by "id" whose items expire at "expiration" (idempotency, leases)."""
    dynamodb = clients.dynamodb()
    if table in dynamodb.list_tables()["TableNames"]:
        return
    dynamodb.create_table(
        TableName=table,
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    dynamodb.update_time_to_live(
        TableName=table,
        TimeToLiveSpecification={"Enabled": True, "AttributeName": "expiration"},
    )


# SageMaker's endpoint state changes, as the AWS stack routes them (deploy/mlm.yaml).
FLEET_EVENTS_RULE = "mlm-fleet-endpoint-state"


def _fleet_index(clients: ClientFactory, settings: Settings) -> None:
    """The fleet index table, and an EventBridge rule sending endpoint state changes to
    the queue MLM reads them from."""
    dynamodb = clients.dynamodb()
    if settings.fleet_table not in dynamodb.list_tables()["TableNames"]:
        dynamodb.create_table(
            TableName=settings.fleet_table,
            KeySchema=[
                {"AttributeName": "tenant", "KeyType": "HASH"},
                {"AttributeName": "endpoint", "KeyType": "RANGE"},
            ],
            AttributeDefinitions=[
                {"AttributeName": "tenant", "AttributeType": "S"},
                {"AttributeName": "endpoint", "AttributeType": "S"},
            ],
            BillingMode="PAY_PER_REQUEST",
        )
    if not settings.fleet_events_queue:
        return
    sqs = clients.sqs()
    queue_url = sqs.create_queue(QueueName=settings.fleet_events_queue)["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])[
        "Attributes"
    ]["QueueArn"]
    events = clients.events()
    events.put_rule(Name=FLEET_EVENTS_RULE, EventPattern=json.dumps(EVENT_PATTERN))
    events.put_targets(Rule=FLEET_EVENTS_RULE, Targets=[{"Id": "fleet-index", "Arn": queue_arn}])


def _api_key_table(clients: ClientFactory, table: str) -> None:
    """Keys by hash ("id"), and a tenant's keys through the "by-tenant" index."""
    dynamodb = clients.dynamodb()
    if table in dynamodb.list_tables()["TableNames"]:
        return
    dynamodb.create_table(
        TableName=table,
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[
            {"AttributeName": "id", "AttributeType": "S"},
            {"AttributeName": "tenant", "AttributeType": "S"},
        ],
        GlobalSecondaryIndexes=[
            {
                "IndexName": "by-tenant",
                "KeySchema": [{"AttributeName": "tenant", "KeyType": "HASH"}],
                "Projection": {"ProjectionType": "ALL"},
            }
        ],
        BillingMode="PAY_PER_REQUEST",
    )
    dynamodb.update_time_to_live(
        TableName=table,
        TimeToLiveSpecification={"Enabled": True, "AttributeName": "expiration"},
    )


def _audit_table(clients: ClientFactory, table: str) -> None:
    """Audit events by tenant ("tenant") in time order ("sk"), expiring at "expiration"."""
    dynamodb = clients.dynamodb()
    if table in dynamodb.list_tables()["TableNames"]:
        return
    dynamodb.create_table(
        TableName=table,
        KeySchema=[
            {"AttributeName": "tenant", "KeyType": "HASH"},
            {"AttributeName": "sk", "KeyType": "RANGE"},
        ],
        AttributeDefinitions=[
            {"AttributeName": "tenant", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "S"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )
    dynamodb.update_time_to_live(
        TableName=table,
        TimeToLiveSpecification={"Enabled": True, "AttributeName": "expiration"},
    )


def _role(clients: ClientFactory, name: str, service: str) -> str:
    iam = clients.iam()
    try:
        return iam.get_role(RoleName=name)["Role"]["Arn"]
    except iam.exceptions.NoSuchEntityException:
        trust = json.loads(json.dumps(_TRUST).replace("sagemaker.amazonaws.com", service))
        return iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))["Role"][
            "Arn"
        ]


def _batch(clients: ClientFactory, settings: Settings) -> None:
    batch = clients.client("batch")
    environments = batch.describe_compute_environments(
        computeEnvironments=[BATCH_COMPUTE_ENVIRONMENT]
    )["computeEnvironments"]
    if not environments:
        batch.create_compute_environment(
            computeEnvironmentName=BATCH_COMPUTE_ENVIRONMENT,
            type="UNMANAGED",
            state="ENABLED",
            serviceRole=_role(clients, BATCH_SERVICE_ROLE_NAME, "batch.amazonaws.com"),
        )
    if not batch.describe_job_queues(jobQueues=[settings.batch_job_queue])["jobQueues"]:
        batch.create_job_queue(
            jobQueueName=settings.batch_job_queue,
            state="ENABLED",
            priority=1,
            computeEnvironmentOrder=[{"order": 1, "computeEnvironment": BATCH_COMPUTE_ENVIRONMENT}],
        )
    definitions = batch.describe_job_definitions(
        jobDefinitionName=settings.batch_job_definition, status="ACTIVE"
    )["jobDefinitions"]
    if not definitions:
        batch.register_job_definition(
            jobDefinitionName=settings.batch_job_definition,
            type="container",
            containerProperties={
                "image": PACKAGER_IMAGE,
                "command": PACKAGER_COMMAND,
                # As deploy/packaging.yaml: the resources jobs are submitted with.
                "resourceRequirements": [
                    {"type": "VCPU", "value": str(settings.packaging_vcpus)},
                    {"type": "MEMORY", "value": str(settings.packaging_memory_mib)},
                ],
            },
        )
