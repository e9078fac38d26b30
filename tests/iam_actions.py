"""Least privilege, derived from the code: every AWS call MLM makes in the tests is recorded
(a botocore event hook on the clients of every ``ClientFactory``) as the IAM action it needs.

Two checks, so neither direction can pass silently:

- during the run, in every process: a test fails (at teardown) when MLM called an action
  that ``deploy/iam/actions.txt`` does not list, or when code a narrower role runs (the
  janitor's, the registration Lambda's) called one that role does not grant;
- after a full run (``make test``: no paths, no ``-k``/``-m``, no ``-x``), in the controller:
  the session fails when the list holds an action no test made MLM call (each xdist worker
  writes what it saw to a directory the controller hands it).

``tests/deploy/test_iam.py`` checks that the list, the stack's service role
(deploy/mlm.yaml) and the README's policy grant the same actions. Only MLM's own calls
count: a call whose nearest caller outside the libraries (boto3, aws-lambda-powertools…) is
a test (setting up state in the emulator) or the emulator's bootstrap is not MLM's.
The packager (``mlm package``, the Batch job) runs as its own role
(deploy/packaging.yaml, JobRole) and is left out here: its calls are made in a child
process of the emulator.

Regenerate the list after a full run with ``MLM_IAM_ACTIONS_WRITE=1 make test``; see what a
part of the suite calls with ``MLM_IAM_ACTIONS_DUMP=<file> pytest <paths>``.
"""

from __future__ import annotations

import json
import os
import sys
import sysconfig
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from mlm.aws.clients import ClientFactory

ROOT = Path(__file__).resolve().parents[1]
ACTIONS_FILE = ROOT / "deploy" / "iam" / "actions.txt"
SERVER = str(ROOT / "server" / "mlm") + os.sep
_LIBRARIES = ("<frozen", sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["purelib"])
_THIS = str(Path(__file__).resolve())

# IAM's service prefix where it is not the client's signing name.
_PREFIXES = {"monitoring": "cloudwatch"}
# Operations whose IAM action has another name (Service Authorization Reference; e.g.
# InvokeEndpointWithResponseStream "must allow the sagemaker:InvokeEndpoint action").
_RENAMED = {
    "s3:ListObjectsV2": ["s3:ListBucket"],
    "s3:ListObjects": ["s3:ListBucket"],
    "s3:HeadObject": ["s3:GetObject"],
    "s3:HeadBucket": ["s3:ListBucket"],
    "s3:DeleteObjects": ["s3:DeleteObject"],
    "s3:CreateMultipartUpload": ["s3:PutObject"],
    "s3:UploadPart": ["s3:PutObject"],
    "s3:CompleteMultipartUpload": ["s3:PutObject"],
    "s3:ListParts": ["s3:ListMultipartUploadParts"],
    "s3:ListMultipartUploads": ["s3:ListBucketMultipartUploads"],
    "s3:CopyObject": ["s3:GetObject", "s3:PutObject"],
    "sagemaker:InvokeEndpointWithResponseStream": ["sagemaker:InvokeEndpoint"],
    "sqs:DeleteMessageBatch": ["sqs:DeleteMessage"],
}
# Tags on a create call need the tagging action too (SageMaker: AddTags; Batch SubmitJob,
# SNS CreateTopic: TagResource).
_TAGGING = {
    "sagemaker": "sagemaker:AddTags",
    "batch": "batch:TagResource",
    "sns": "sns:TagResource",
}


def iam_actions(signing_name: str, operation: str, params: dict[str, Any]) -> list[str]:
    """The IAM actions one API call needs."""
    prefix = _PREFIXES.get(signing_name, signing_name)
    name = f"{prefix}:{operation}"
    actions = list(_RENAMED.get(name, [name]))
    tagged = bool(params.get("Tags") or params.get("tags"))
    if tagged and prefix in _TAGGING and operation.startswith(("Create", "Submit")):
        actions.append(_TAGGING[prefix])
    if name == "s3:PutObject" and params.get("Tagging"):
        actions.append("s3:PutObjectTagging")
    if name == "sagemaker:CreateModel" and params.get("ExecutionRoleArn"):
        actions.append("iam:PassRole")
    if name == "dynamodb:TransactWriteItems":
        # IAM has no such action: each item needs the action of its kind (DynamoDB
        # developer guide, "Using IAM with DynamoDB transactions").
        kinds = {kind for item in params.get("TransactItems", []) for kind in item}
        actions = sorted(f"dynamodb:{_TRANSACT_ACTIONS[kind]}" for kind in kinds)
    return actions


_TRANSACT_ACTIONS = {
    "Put": "PutItem",
    "Update": "UpdateItem",
    "Delete": "DeleteItem",
    "ConditionCheck": "ConditionCheckItem",
}


def _entries() -> list[tuple[str, str]]:
    """(action, comment) of each line of the list."""
    found = []
    for line in ACTIONS_FILE.read_text().splitlines():
        action, _, comment = line.partition("#")
        if action.strip():
            found.append((action.strip(), comment.strip()))
    return found


def listed_actions() -> set[str]:
    return {action for action, _ in _entries()}


def needed_without_a_call() -> set[str]:
    """Actions the list keeps though MLM never calls them, each saying why ("not called:
    …"), e.g. s3:ListBucket, without which S3 answers a missing key 403, not 404."""
    return {action for action, comment in _entries() if comment.startswith("not called:")}


@dataclass(frozen=True)
class NarrowRole:
    """A role that runs only part of MLM's code: what that code calls must be granted."""

    name: str  # "<template> <logical id>"
    code: tuple[str, ...]  # paths under server/mlm whose calls are the role's
    granted: frozenset[str]


def narrow_roles() -> list[NarrowRole]:
    """The janitor's and the registration Lambda's roles, from the templates."""
    from tests.deploy.stack import actions_of, packaging, stack, statements

    janitor = actions_of(statements(stack()["Resources"]["JanitorRole"]))
    fleet = actions_of(statements(stack()["Resources"]["FleetEventsRole"]))
    registration = actions_of(statements(packaging()["Resources"]["RegistrationRole"]))
    return [
        NarrowRole(
            "deploy/mlm.yaml JanitorRole",
            ("services/janitor/", "services/fleet_index/reconcile.py", "lambdas/janitor.py"),
            frozenset(janitor),
        ),
        # The queue is read by Lambda's event source, not by the function: only what
        # handling the events does (services/fleet_index/events.py apply) is the role's.
        NarrowRole(
            "deploy/mlm.yaml FleetEventsRole",
            ("lambdas/fleet_events.py",),
            frozenset(fleet),
        ),
        NarrowRole(
            "deploy/packaging.yaml RegistrationRole",
            ("services/packaging/registration.py", "lambdas/packaging_job_events.py"),
            frozenset(registration),
        ),
    ]


class Recorder:
    """What MLM called in this process (all of it, and what the list or a role lacks)."""

    def __init__(self, allowed: set[str], roles: list[NarrowRole] | None = None) -> None:
        self.allowed = allowed
        self.roles = roles or []
        self.seen: set[str] = set()
        self.unlisted: dict[str, str] = {}  # "action" or "action, by <role>" -> where
        self._lock = threading.Lock()

    def on_call(self, params: dict[str, Any], model: Any, **_: Any) -> None:
        frame = sys._getframe(1)
        caller = _mlm_caller(frame)
        if caller is None:
            return
        metadata = model.service_model.metadata
        signing = metadata.get("signingName") or metadata["endpointPrefix"]
        actions = iam_actions(signing, model.name, params)
        stack_paths = _mlm_paths(frame)
        with self._lock:
            for action in actions:
                self.seen.add(action)
                if action not in self.allowed:
                    self.unlisted.setdefault(action, caller)
                for role in self.roles:
                    runs_it = any(p.startswith(role.code) for p in stack_paths)
                    if runs_it and action not in role.granted:
                        self.unlisted.setdefault(f"{action}, by {role.name}", caller)


def _mlm_paths(frame: FrameType | None) -> list[str]:
    found = []
    while frame is not None:
        path = frame.f_code.co_filename
        if path.startswith(SERVER):
            found.append(path.removeprefix(SERVER))
        frame = frame.f_back
    return found


def _mlm_caller(frame: FrameType | None) -> str | None:
    """Where in MLM the call was made: the first frame that is neither a library (boto3,
    aws-lambda-powertools' idempotency layer…) nor the standard library, if it is in
    server/mlm (and not the packager, which has a role of its own, nor the emulator)."""
    while frame is not None:
        path = frame.f_code.co_filename
        if not (path == _THIS or path.startswith(_LIBRARIES) or "site-packages" in path):
            if not path.startswith(SERVER):
                return None
            relative = path.removeprefix(SERVER)
            # The packager has a role of its own; the emulator's bootstrap is not MLM's.
            if relative.startswith(("packager", "cli_package", "emulator")):
                return None
            return f"mlm/{relative}:{frame.f_lineno}"
        frame = frame.f_back
    return None


_recorder = Recorder(listed_actions(), narrow_roles())


def install(recorder: Recorder) -> None:
    """Hook every ClientFactory's session: its clients inherit the handler."""
    original = ClientFactory.__init__

    def hooked_init(self: ClientFactory, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self._session.events.register("before-parameter-build", recorder.on_call)

    ClientFactory.__init__ = hooked_init  # type: ignore[method-assign]


def unlisted_message(unlisted: dict[str, str]) -> str:
    calls = "\n".join(
        f"  {action}  (called at {where})" for action, where in sorted(unlisted.items())
    )
    return (
        f"MLM called AWS actions that {ACTIONS_FILE.relative_to(ROOT)} (or the role named) "
        f"does not grant:\n{calls}\n"
        "Add each to deploy/iam/actions.txt, to the service role's policy in deploy/mlm.yaml "
        "(MlmServiceRole) and to the README's IAM policy (tests/deploy/test_iam.py checks "
        "that the three agree); an action 'by' a role goes into that role too."
    )


def unused_message(unused: set[str]) -> str:
    return (
        f"{ACTIONS_FILE.relative_to(ROOT)} grants AWS actions no test made MLM call: "
        f"{', '.join(sorted(unused))}. Remove them from the list, deploy/mlm.yaml and the "
        "README's policy (or add the test that exercises the code calling them)."
    )


# --- pytest wiring --------------------------------------------------------------------------


def pytest_configure(config: pytest.Config) -> None:
    install(_recorder)
    if not hasattr(config, "workerinput"):
        config.stash[_DIR] = tempfile.mkdtemp(prefix="mlm-iam-")


_DIR = pytest.StashKey[str]()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    node.workerinput["mlm_iam_dir"] = node.config.stash[_DIR]


@pytest.fixture(autouse=True)
def _no_unlisted_aws_action() -> Iterator[None]:
    _recorder.unlisted.clear()
    yield
    if _recorder.unlisted:
        message = unlisted_message(dict(_recorder.unlisted))
        _recorder.unlisted.clear()
        pytest.fail(message, pytrace=False)


def recorded() -> set[str]:
    """What this process saw so far (for the test that the hook is installed)."""
    return set(_recorder.seen)


def _full_run(config: pytest.Config) -> bool:
    option = config.option
    return (
        config.args_source == pytest.Config.ArgsSource.TESTPATHS
        and not option.keyword
        and not option.markexpr
        and not option.maxfail
        and not getattr(option, "lf", False)
        and not getattr(option, "deselect", None)
    )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None:
        directory = workerinput["mlm_iam_dir"]
        name = workerinput.get("workerid", "worker")
        Path(directory, f"{name}.json").write_text(json.dumps(sorted(_recorder.seen)))
        return
    directory = config.stash[_DIR]
    seen = set(_recorder.seen)
    for path in Path(directory).glob("*.json"):
        seen |= set(json.loads(path.read_text()))
    dump = os.environ.get("MLM_IAM_ACTIONS_DUMP")
    if dump:  # what this run saw, whatever it ran (to update the list from a part)
        Path(dump).write_text("".join(f"{a}\n" for a in sorted(seen)))
    if not _full_run(config):
        return
    if os.environ.get("MLM_IAM_ACTIONS_WRITE") == "1":
        header = "# IAM actions MLM's service calls (tests/iam_actions.py; one per line)\n"
        ACTIONS_FILE.write_text(header + "".join(f"{a}\n" for a in sorted(seen)))
        return
    unused = listed_actions() - needed_without_a_call() - seen
    if unused:
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.ensure_newline()
            reporter.write_line(unused_message(unused), red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
