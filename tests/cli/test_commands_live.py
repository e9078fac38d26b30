"""`mlm models|versions|endpoints|packaging-jobs|instance-types …` against a live server."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from mlm_client.cli import app
from typer.testing import CliRunner, Result

pytestmark = pytest.mark.process

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.33.0-lmi15.0.0-cu128"
WAIT = ["--wait", "--timeout", "60"]


def mlm(runner: CliRunner, env: dict[str, str], *args: str, input: str | None = None) -> Result:
    return runner.invoke(app, list(args), env=env, input=input)


def ok(result: Result) -> Any:
    assert result.exit_code == 0, result.output + result.stderr
    return json.loads(result.stdout)


def deployed(runner: CliRunner, env: dict[str, str], name: str) -> None:
    ok(mlm(runner, env, "models", "create", name, "--metadata", "license=apache-2.0", "-o", "json"))
    ok(mlm(runner, env, "versions", "create", name, "--image", IMAGE, "-o", "json"))
    ok(
        mlm(
            runner, env, "endpoints", "create", name, "--model", name, "--version", "1",
            "--instance-type", "ml.g5.2xlarge", *WAIT, "-o", "json",
        )
    )  # fmt: skip


def test_endpoints_create_wait_answers_the_endpoint_in_service(
    runner: CliRunner, env: dict[str, str], name: str
) -> None:
    ok(mlm(runner, env, "models", "create", name, "--metadata", "license=apache-2.0", "-o", "json"))
    ok(mlm(runner, env, "versions", "create", name, "--image", IMAGE, "-o", "json"))
    result = mlm(
        runner, env, "endpoints", "create", name, "--model", name, "--version", "1",
        "--instance-type", "ml.g5.2xlarge", *WAIT, "-o", "json",
    )  # fmt: skip
    endpoint = ok(result)
    assert endpoint["status"] == "in_service"
    assert "in_service" in result.stderr  # the live status line


def test_endpoints_update_wait_scales_in_place(
    runner: CliRunner, env: dict[str, str], name: str
) -> None:
    deployed(runner, env, name)
    scaled = ok(
        mlm(runner, env, "endpoints", "update", name, "--instance-count", "2", *WAIT, "-o", "json")
    )
    assert scaled["variants"][0]["current_instance_count"] == 2


def test_endpoints_delete_wait_leaves_nothing(
    runner: CliRunner, env: dict[str, str], name: str
) -> None:
    deployed(runner, env, name)
    assert mlm(runner, env, "endpoints", "delete", name, *WAIT).exit_code == 0
    assert mlm(runner, env, "endpoints", "get", name).exit_code == 3
    assert mlm(runner, env, "models", "delete", name, "--force").exit_code == 0


def test_endpoints_invoke_prints_the_models_answer(
    runner: CliRunner, env: dict[str, str], name: str
) -> None:
    deployed(runner, env, name)
    answer = ok(mlm(runner, env, "endpoints", "invoke", name, '{"inputs": "Hello"}'))
    assert answer["request"]["json"] == {"inputs": "Hello"}


def test_endpoints_invoke_reads_the_body_from_stdin(
    runner: CliRunner, env: dict[str, str], name: str
) -> None:
    deployed(runner, env, name)
    answer = ok(mlm(runner, env, "endpoints", "invoke", name, "-f", "-", input='{"inputs": "in"}'))
    assert answer["request"]["json"] == {"inputs": "in"}


def test_endpoints_invoke_stream_prints_every_part(
    runner: CliRunner, env: dict[str, str], name: str
) -> None:
    deployed(runner, env, name)
    body = '{"inputs": "Hi", "mlm_emulator": {"chunks": 3}}'
    result = mlm(runner, env, "endpoints", "invoke", name, body, "--stream")
    assert result.exit_code == 0, result.output
    assert result.stdout


def test_endpoints_invoke_model_error_exits_7(
    runner: CliRunner, env: dict[str, str], name: str
) -> None:
    deployed(runner, env, name)
    body = '{"mlm_emulator": {"model_error": {"status": 500, "message": "boom"}}}'
    result = mlm(runner, env, "endpoints", "invoke", name, body)
    assert result.exit_code == 7
    assert "424" in result.stderr


def test_endpoints_instances_and_metrics_answer_json_and_yaml(
    runner: CliRunner, env: dict[str, str], name: str
) -> None:
    deployed(runner, env, name)
    instances = ok(mlm(runner, env, "endpoints", "instances", name, "-o", "json"))
    assert [v["name"] for v in instances["variants"]] == ["primary"]
    metrics = mlm(
        runner, env, "endpoints", "metrics", name, "--metric", "invocations", "-o", "yaml"
    )
    assert metrics.exit_code == 0, metrics.output
    assert {s["metric"] for s in yaml.safe_load(metrics.stdout)["series"]} == {"invocations"}


def test_endpoints_list_table_shows_a_row_per_endpoint(
    runner: CliRunner, env: dict[str, str], name: str
) -> None:
    deployed(runner, env, name)
    result = mlm(runner, env, "endpoints", "list", "--model", name)
    assert result.exit_code == 0, result.output
    assert "NAME" in result.stdout
    assert name in result.stdout


def test_models_list_json_is_every_model(runner: CliRunner, env: dict[str, str], name: str) -> None:
    ok(mlm(runner, env, "models", "create", name, "--metadata", "license=mit", "-o", "json"))
    listed = ok(mlm(runner, env, "models", "list", "--name-prefix", name, "-o", "json"))
    assert [model["name"] for model in listed] == [name]


def test_models_update_merges_metadata(runner: CliRunner, env: dict[str, str], name: str) -> None:
    ok(mlm(runner, env, "models", "create", name, "--metadata", "license=mit", "-o", "json"))
    updated = ok(mlm(runner, env, "models", "update", name, "--metadata", "team=nlp", "-o", "json"))
    assert updated["metadata"] == {"license": "mit", "team": "nlp"}


def test_models_create_from_a_yaml_file(
    runner: CliRunner, env: dict[str, str], name: str, tmp_path: Any
) -> None:
    body = tmp_path / "model.yaml"
    body.write_text("task: text-generation\nmetadata:\n  license: mit\n")
    created = ok(mlm(runner, env, "models", "create", name, "-f", str(body), "-o", "json"))
    assert created["task"] == "text-generation"


def test_versions_approve_sets_the_approval(
    runner: CliRunner, env: dict[str, str], name: str
) -> None:
    ok(mlm(runner, env, "models", "create", name, "--metadata", "license=mit", "-o", "json"))
    ok(mlm(runner, env, "versions", "create", name, "--image", IMAGE, "-o", "json"))
    approved = ok(mlm(runner, env, "versions", "approve", name, "1", "--note", "ok", "-o", "json"))
    assert approved["approval_status"] == "approved"
    listed = ok(mlm(runner, env, "versions", "list", name, "-o", "json"))
    assert [v["version"] for v in listed] == [1]


def test_packaging_jobs_create_wait_shows_progress_and_the_version(
    runner: CliRunner, env: dict[str, str], name: str
) -> None:
    ok(mlm(runner, env, "models", "create", name, "--metadata", "license=mit", "-o", "json"))
    result = mlm(
        runner, env, "packaging-jobs", "create", "--hf-model",
        "sentence-transformers/all-MiniLM-L6-v2", "--model", name, *WAIT, "-o", "json",
    )  # fmt: skip
    job = ok(result)
    assert (job["status"], job["model_version"]) == ("succeeded", 1)
    assert "succeeded" in result.stderr  # the progress bar's last description
    listed = ok(mlm(runner, env, "packaging-jobs", "list", "--model", name, "-o", "json"))
    assert [j["job_id"] for j in listed] == [job["job_id"]]


def test_packaging_jobs_cancel_then_wait_exits_7(
    runner: CliRunner, env: dict[str, str], name: str
) -> None:
    ok(mlm(runner, env, "models", "create", name, "--metadata", "license=mit", "-o", "json"))
    job = ok(
        mlm(
            runner, env, "packaging-jobs", "create", "--hf-model", "acme/tiny-llama",
            "--model", name, "-o", "json",
        )
    )  # fmt: skip
    ok(mlm(runner, env, "packaging-jobs", "cancel", job["job_id"], "-o", "json"))
    assert (
        mlm(runner, env, "packaging-jobs", "wait", job["job_id"], "--timeout", "60").exit_code == 7
    )


def test_instance_types_list_filters_accelerated(runner: CliRunner, env: dict[str, str]) -> None:
    listed = ok(mlm(runner, env, "instance-types", "list", "--accelerated", "-o", "json"))
    assert listed
    assert all(row["accelerated"] for row in listed)
