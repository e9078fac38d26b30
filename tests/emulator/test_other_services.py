"""Services the emulator serves from moto unpatched: S3, STS, IAM and CloudWatch."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from mlm.aws.clients import ClientFactory
from mlm.settings import Settings


def test_s3_bucket_objects_can_be_put_and_listed(emulator_settings: Settings, prefix: str) -> None:
    s3 = ClientFactory(emulator_settings).s3()
    s3.create_bucket(Bucket=prefix)
    s3.put_object(Bucket=prefix, Key="models/glm/config.json", Body=b"{}")
    listed = s3.list_objects_v2(Bucket=prefix, Prefix="models/")
    assert [o["Key"] for o in listed["Contents"]] == ["models/glm/config.json"]


def test_sts_reports_the_emulated_account(emulator_settings: Settings) -> None:
    identity = ClientFactory(emulator_settings).sts().get_caller_identity()
    assert identity["Account"].isdigit()


def test_iam_role_can_be_created(emulator_settings: Settings, prefix: str) -> None:
    iam = ClientFactory(emulator_settings).iam()
    trust = {"Version": "2012-10-17", "Statement": []}
    arn = iam.create_role(RoleName=prefix, AssumeRolePolicyDocument=json.dumps(trust))["Role"][
        "Arn"
    ]
    assert iam.get_role(RoleName=prefix)["Role"]["Arn"] == arn


def test_cloudwatch_returns_put_metric_data(emulator_settings: Settings, prefix: str) -> None:
    cloudwatch = ClientFactory(emulator_settings).cloudwatch()
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    dimensions = [{"Name": "EndpointName", "Value": prefix}, {"Name": "VariantName", "Value": "p"}]
    cloudwatch.put_metric_data(
        Namespace="/aws/sagemaker/Endpoints",
        MetricData=[
            {
                "MetricName": "GPUUtilization",
                "Dimensions": dimensions,
                "Timestamp": now,
                "Value": 42.0,
                "Unit": "Percent",
            }
        ],
    )
    result = cloudwatch.get_metric_data(
        MetricDataQueries=[
            {
                "Id": "gpu",
                "MetricStat": {
                    "Metric": {
                        "Namespace": "/aws/sagemaker/Endpoints",
                        "MetricName": "GPUUtilization",
                        "Dimensions": dimensions,
                    },
                    "Period": 60,
                    "Stat": "Average",
                },
            }
        ],
        StartTime=now - timedelta(minutes=5),
        EndTime=now + timedelta(minutes=5),
    )
    assert result["MetricDataResults"][0]["Values"] == [42.0]


def test_list_metrics_lists_each_metric_once(emulator_settings: Settings, prefix: str) -> None:
    """AWS ListMetrics returns one entry per metric (namespace, name, dimensions), not one
    per data point; moto repeated metrics with more than one dimension."""
    cloudwatch = ClientFactory(emulator_settings).cloudwatch()
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    dimensions = [{"Name": "EndpointName", "Value": prefix}, {"Name": "VariantName", "Value": "p"}]
    for value in (1.0, 2.0, 3.0):
        cloudwatch.put_metric_data(
            Namespace="/aws/sagemaker/Endpoints",
            MetricData=[
                {"MetricName": name, "Dimensions": dimensions, "Timestamp": now, "Value": value}
                for name in ("GPUUtilization", "CPUUtilization")
            ],
        )
    listed = cloudwatch.list_metrics(
        Namespace="/aws/sagemaker/Endpoints",
        Dimensions=[{"Name": "EndpointName", "Value": prefix}],
    )["Metrics"]
    assert sorted(m["MetricName"] for m in listed) == ["CPUUtilization", "GPUUtilization"]
