"""A packaging job's Batch parameters and the `mlm package` command line."""

from __future__ import annotations

from dataclasses import replace

from mlm.services.packaging import job_command
from tests.services.packaging.examples import REQUEST


def test_parameters_name_the_token_secret_never_a_token() -> None:
    arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:hf-token-AbCdEf"
    request = replace(REQUEST, hf_token_secret_arn=arn)
    params = job_command.parameters(request, "acme", "glm-0123456789", "b", "p/")
    assert params["hf_token_secret_arn"] == arn
    assert "--hf-token-secret-arn" in job_command.command(params)
    assert not any("token" in key and key != "hf_token_secret_arn" for key in params)


def test_the_command_passes_every_parameter_explicitly() -> None:
    params = job_command.parameters(REQUEST, "acme", "glm-0123456789", "b", "acme/glm/jobs/x/")
    argv = job_command.command(params)
    assert argv[:2] == ["mlm", "package"]
    assert argv[argv.index("--model-id") + 1] == "THUDM/glm-4-9b-chat"
    assert argv[argv.index("--output-uri") + 1] == "s3://b/acme/glm/jobs/x/"
    assert argv[argv.index("--status-uri") + 1] == "s3://b/acme/glm/jobs/x/status.json"
    assert "--trust-remote-code" in argv
