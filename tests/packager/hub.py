"""A local Hugging Face Hub (the endpoints huggingface_hub 2.4 calls; TOOLING.md), so the
real download code runs with no network.

Repos are in memory. Faults are injected per file: ``unavailable`` answers 503 to that
many GETs, ``cut_once`` sends half the body of the first GET and closes the connection.
``held`` keeps a file's GET waiting until its event is set (or HOLD_SECONDS pass, so a
test that never sets it fails instead of hanging); ``released`` says which it was.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit


@dataclass
class Repo:
    repo_id: str
    files: dict[str, bytes]
    sha: str = ""
    gated_token: str | None = None  # set: downloads need "Authorization: Bearer <it>"
    unavailable: dict[str, int] = field(default_factory=dict)
    cut_once: set[str] = field(default_factory=set)
    held: dict[str, threading.Event] = field(default_factory=dict)
    released: dict[str, bool] = field(default_factory=dict)  # True: set; False: timed out

    def __post_init__(self) -> None:
        if not self.sha:
            digest = hashlib.sha1()  # noqa: S324 - a git-style commit id, not security
            for name in sorted(self.files):
                digest.update(name.encode() + self.files[name])
            self.sha = digest.hexdigest()


@dataclass
class Hub:
    url: str
    repos: dict[str, Repo] = field(default_factory=dict)
    # (method, path) of every request, to check what the client asked for.
    requests: list[tuple[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, repo: Repo) -> Repo:
        with self.lock:
            self.repos[repo.repo_id] = repo
        return repo


HOLD_SECONDS = 10
_API = re.compile(r"^/api/models/(?P<repo>[^/]+/[^/]+)(?:/revision/(?P<rev>[^/]+))?$")
_RESOLVE = re.compile(r"^/(?P<repo>[^/]+/[^/]+)/resolve/(?P<rev>[^/]+)/(?P<path>.+)$")


def _handler(hub: Hub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            return

        def do_HEAD(self) -> None:
            self._serve(head=True)

        def do_GET(self) -> None:
            self._serve(head=False)

        def _error(self, status: int, code: str, message: str = "") -> None:
            body = json.dumps({"error": message or code}).encode()
            self.send_response(status)
            self.send_header("X-Error-Code", code)
            self.send_header("X-Error-Message", message or code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _serve(self, head: bool) -> None:
            path = unquote(urlsplit(self.path).path)
            with hub.lock:
                hub.requests.append((self.command, path))
            api, resolve = _API.match(path), _RESOLVE.match(path)
            match = api or resolve
            repo = hub.repos.get(match["repo"]) if match else None
            if match is None:
                self._error(404, "NotFound")
                return
            if repo is None:
                self._error(401, "RepoNotFound", "Repository not found")
                return
            rev = match["rev"] or "main"
            if rev not in {"main", repo.sha}:
                self._error(404, "RevisionNotFound", "Invalid rev id")
                return
            if api:
                self._json(repo)
            else:
                self._file(repo, match["path"], head)

        def _json(self, repo: Repo) -> None:
            siblings = [{"rfilename": name, "size": len(data)} for name, data in repo.files.items()]
            body = json.dumps(
                {
                    "id": repo.repo_id,
                    "modelId": repo.repo_id,
                    "sha": repo.sha,
                    "private": False,
                    "gated": "manual" if repo.gated_token else False,
                    "siblings": siblings,
                }
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _file(self, repo: Repo, name: str, head: bool) -> None:
            authorization = self.headers.get("Authorization")
            if repo.gated_token is not None and authorization != f"Bearer {repo.gated_token}":
                self._error(401, "GatedRepo", "Access to this model is restricted.")
                return
            data = repo.files.get(name)
            if data is None:
                self._error(404, "EntryNotFound", "Entry not found")
                return
            if not head:
                with hub.lock:
                    failures = repo.unavailable.get(name, 0)
                    if failures:
                        repo.unavailable[name] = failures - 1
                    cut = name in repo.cut_once
                    repo.cut_once.discard(name)
                if failures:
                    self._error(503, "ServiceUnavailable", "try again")
                    return
                if name in repo.held:
                    repo.released[name] = repo.held[name].wait(HOLD_SECONDS)
            start = 0
            ranged = re.match(r"bytes=(\d+)-$", self.headers.get("Range", ""))
            if ranged and not head:
                start = int(ranged[1])
            self.send_response(206 if start else 200)
            self.send_header("X-Repo-Commit", repo.sha)
            self.send_header("ETag", f'"{hashlib.sha256(data).hexdigest()}"')
            self.send_header("Content-Length", str(len(data) - start))
            self.send_header("Accept-Ranges", "bytes")
            if start:
                self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
            self.end_headers()
            if head:
                return
            body = data[start:]
            if cut:
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(2)
                return
            self.wfile.write(body)

    return Handler


class _Server(ThreadingHTTPServer):
    # socketserver's listen backlog is 5; the packager opens more connections at once, and
    # a dropped connection attempt waits a second for the kernel's retry.
    request_queue_size = 128


@contextmanager
def serve_hub(port: int = 0) -> Iterator[Hub]:
    server = _Server(("127.0.0.1", port), _handler(Hub(url="")))
    host, port = server.server_address[:2]
    hub = Hub(url=f"http://{host}:{port}")
    server.RequestHandlerClass = _handler(hub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield hub
    finally:
        server.shutdown()
        server.server_close()


def demo_repos() -> list[Repo]:
    """What ``python -m tests.packager.hub`` serves: tiny generated models under the ids
    the README's packaging walk-through uses."""
    from tests.packager.models import BERT, CHATGLM, LLAMA, tiny_llm_files

    return [
        Repo("sentence-transformers/all-MiniLM-L6-v2", tiny_llm_files(BERT, shards=1)),
        Repo("acme/tiny-llama", tiny_llm_files(LLAMA)),
        Repo(
            "THUDM/glm-4-9b-chat",
            {**tiny_llm_files(CHATGLM), "modeling_chatglm.py": b"# the model's own code\n"},
        ),
    ]


def main() -> None:
    """Serve the demo models until interrupted, for trying packaging with no network."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--port", type=int, default=8090)
    port = parser.parse_args().port
    with serve_hub(port) as hub:
        for repo in demo_repos():
            hub.add(repo)
        print(f"Test hub at {hub.url} serving {', '.join(r.repo_id for r in demo_repos())}")
        print(f"  MLM_HF_ENDPOINT={hub.url} make run", flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    main()
