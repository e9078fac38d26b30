"""Resources the service expects to exist in an account: an artifact bucket and a role."""

from __future__ import annotations

import json
from dataclasses import dataclass

from mlm.aws.clients import ClientFactory
from mlm.settings import Settings

EXECUTION_ROLE_NAME = "mlm-sagemaker-execution"
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
    _idempotency_table(clients, settings.idempotency_table)
    return Resources(bucket=bucket, role_arn=settings.execution_role_arn or role_arn)


def _idempotency_table(clients: ClientFactory, table: str) -> None:
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
