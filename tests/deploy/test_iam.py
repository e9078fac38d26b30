"""Least privilege: deploy/iam/actions.txt (what the tests saw MLM call, tests/iam_actions.py)
against the stack's service role and the README's policy, both ways; and the scoping."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from mlm.container import Container
from tests import iam_actions
from tests.deploy.stack import actions_of, packaging, resources, stack, statements

README = Path(__file__).resolve().parents[2] / "README.md"
# The runtime's own actions (Lambda and ECS ship logs with them), not MLM's code.
RUNTIME = {"logs:CreateLogStream", "logs:PutLogEvents"}
# Actions IAM gives no resource-level permissions (Service Authorization Reference): "*".
UNSCOPABLE = {
    "sagemaker:ListEndpointConfigs",
    "sagemaker:ListEndpoints",
    "sagemaker:ListModelPackageGroups",
    "sagemaker:ListModelPackages",
    "sagemaker:ListModels",
    "cloudwatch:GetMetricData",
    "cloudwatch:ListMetrics",
    "cloudwatch:DescribeAlarms",
    "sts:GetCallerIdentity",
    "batch:ListJobs",
    "batch:DescribeJobs",
    # Scalable targets are named by random ids, not by the endpoint they scale.
    *(
        f"application-autoscaling:{a}"
        for a in (
            "RegisterScalableTarget", "DeregisterScalableTarget", "DescribeScalableTargets",
            "PutScalingPolicy", "DescribeScalingPolicies", "DeleteScalingPolicy",
            "PutScheduledAction", "DescribeScheduledActions", "DeleteScheduledAction",
            "DescribeScalingActivities",
        )
    ),
}  # fmt: skip


def service_role_statements() -> list[dict[str, Any]]:
    role = stack()["Resources"]["MlmServiceRole"]
    assert role["Properties"]["ManagedPolicyArns"] == [
        {"Fn::GetAtt": ["Packaging", "Outputs.ServicePolicyArn"]}
    ]
    managed = packaging()["Resources"]["ServicePackagingPolicy"]["Properties"]
    return statements(role) + managed["PolicyDocument"]["Statement"]


def readme_policy() -> dict[str, Any]:
    text = README.read_text()
    match = re.search(r"<!-- iam-policy -->\s*```json\n(.*?)```", text, re.S)
    assert match, "README has no ```json block after <!-- iam-policy -->"
    policy: dict[str, Any] = json.loads(match[1])
    return policy


def test_the_service_role_grants_exactly_the_listed_actions() -> None:
    granted = actions_of(service_role_statements()) - RUNTIME
    listed = iam_actions.listed_actions()
    assert sorted(listed - granted) == [], "listed (MLM calls them) but not granted"
    assert sorted(granted - listed) == [], "granted but not listed (nothing calls them)"


def test_the_readme_policy_grants_exactly_the_listed_actions() -> None:
    granted = actions_of(readme_policy()["Statement"])
    listed = iam_actions.listed_actions()
    assert sorted(listed - granted) == [], "listed (MLM calls them) but not in the README"
    assert sorted(granted - listed) == [], "in the README but not listed (nothing calls them)"


def test_the_janitor_role_grants_only_actions_mlm_calls() -> None:
    janitor = actions_of(statements(stack()["Resources"]["JanitorRole"])) - RUNTIME
    assert janitor <= iam_actions.listed_actions()


@pytest.mark.parametrize("source", ["stack", "readme"], ids=["deploy/mlm.yaml", "README policy"])
def test_only_actions_without_resource_permissions_get_every_resource(source: str) -> None:
    found = service_role_statements() if source == "stack" else readme_policy()["Statement"]
    wide = actions_of([s for s in found if s["Resource"] == "*"])
    assert wide <= UNSCOPABLE


def test_sagemaker_changes_are_scoped_to_mlm_names() -> None:
    for statement in service_role_statements():
        actions = actions_of([statement])
        if any(a.startswith("sagemaker:") for a in actions) and statement["Resource"] != "*":
            assert statement["Resource"]["Fn::Sub"].endswith(":*/mlm-*")


def test_tables_are_the_stacks_own() -> None:
    [tables] = [s for s in service_role_statements() if s.get("Sid") == "Tables"]
    refs = {r["Fn::GetAtt"][0] for r in tables["Resource"] if "Fn::GetAtt" in r}
    assert refs == set(resources("AWS::DynamoDB::Table"))


def test_pass_role_is_only_for_the_execution_role_and_sagemaker() -> None:
    [passing] = [s for s in service_role_statements() if s["Action"] == "iam:PassRole"]
    assert passing["Resource"] == {"Fn::GetAtt": ["SageMakerExecutionRole", "Arn"]}
    assert passing["Condition"] == {
        "StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}
    }


# --- the recorder itself ----------------------------------------------------------------------


def test_mlms_aws_calls_are_recorded_in_this_process(container: Container) -> None:
    container.backend_reachable()
    assert "sts:GetCallerIdentity" in iam_actions.recorded()


def test_an_action_missing_from_the_list_is_reported_where_mlm_called_it(
    container: Container,
) -> None:
    recorder = iam_actions.Recorder(iam_actions.listed_actions() - {"sts:GetCallerIdentity"})
    sts = container.clients.sts()
    sts.meta.events.register("before-parameter-build", recorder.on_call)
    try:
        container._reachable = None
        container.backend_reachable()
    finally:
        sts.meta.events.unregister("before-parameter-build", recorder.on_call)
    assert recorder.unlisted["sts:GetCallerIdentity"].startswith("mlm/container.py:")
    assert "sts:GetCallerIdentity" in iam_actions.unlisted_message(recorder.unlisted)


def test_a_tests_own_call_is_not_mlms(container: Container) -> None:
    recorder = iam_actions.Recorder(set())
    sts = container.clients.sts()
    sts.meta.events.register("before-parameter-build", recorder.on_call)
    try:
        sts.get_caller_identity()
    finally:
        sts.meta.events.unregister("before-parameter-build", recorder.on_call)
    assert recorder.seen == set()


def test_implied_actions_are_added() -> None:
    assert iam_actions.iam_actions("sagemaker", "CreateModel", {"ExecutionRoleArn": "r"}) == [
        "sagemaker:CreateModel",
        "iam:PassRole",
    ]
    assert iam_actions.iam_actions("monitoring", "GetMetricData", {}) == [
        "cloudwatch:GetMetricData"
    ]
    assert "s3:PutObjectTagging" in iam_actions.iam_actions("s3", "PutObject", {"Tagging": "a=b"})
