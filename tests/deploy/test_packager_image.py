"""deploy/packager.Dockerfile's packager target against the job definition."""

from __future__ import annotations

import json

from tests.deploy.template import dockerfile_stages


def test_the_packager_image_leaves_the_whole_command_to_batch() -> None:
    # SubmitJob's command is the full `mlm package …` line; an ENTRYPOINT would prefix it.
    assert "ENTRYPOINT" not in {keyword for keyword, _ in dockerfile_stages()["packager"]}


def test_the_packager_image_runs_as_an_unprivileged_user() -> None:
    users = [rest for keyword, rest in dockerfile_stages()["packager"] if keyword == "USER"]
    assert users
    assert users[-1].split(":")[0] not in {"root", "0"}


def test_the_packager_image_installs_the_packager_extra() -> None:
    stage = dockerfile_stages()["packager"]
    assert "[packager]" in " ".join(rest for keyword, rest in stage if keyword == "RUN")
    cmd = [json.loads(rest) for keyword, rest in stage if keyword == "CMD"]
    assert cmd[-1][:2] == ["mlm", "package"]
